import { afterEach, describe, expect, it, vi } from 'vitest';
import { whileIdle } from '@/lib/idle';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('whileIdle', () => {
  it('calls the work in idle periods until it says it is done', () => {
    const callbacks: ((deadline: { timeRemaining: () => number }) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: (typeof callbacks)[number]) => callbacks.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => {});
    let calls = 0;
    whileIdle((timeLeft) => {
      calls += 1;
      expect(timeLeft()).toBe(12);
      return calls === 3;
    });
    for (let period = 0; period < 5 && callbacks.length > 0; period += 1)
      callbacks.shift()!({ timeRemaining: () => 12 });
    expect(calls).toBe(3);
    expect(callbacks).toHaveLength(0);
  });

  it('stops when told, and falls back to timeouts without requestIdleCallback', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    let calls = 0;
    const stop = whileIdle((timeLeft) => {
      calls += 1;
      expect(timeLeft()).toBeGreaterThan(0);
      return false;
    });
    vi.advanceTimersByTime(20);
    vi.advanceTimersByTime(20);
    expect(calls).toBe(2);
    stop();
    vi.advanceTimersByTime(200);
    expect(calls).toBe(2);
  });
});
