import { describe, expect, it } from 'vitest';
import { yieldToMain } from '@/lib/yieldToMain';

describe('yieldToMain', () => {
  it('resolves in a later task: queued microtasks run first', async () => {
    const order: string[] = [];
    const yielded = yieldToMain().then(() => order.push('after the yield'));
    void Promise.resolve()
      .then(() => order.push('microtask'))
      .then(() => order.push('chained microtask'));
    await yielded;
    expect(order).toEqual(['microtask', 'chained microtask', 'after the yield']);
  });
});
