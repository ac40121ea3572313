import { afterEach, describe, expect, it, vi } from 'vitest';
import { showBootFailure } from '@/app/bootFailure';

describe('showBootFailure', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it("reveals the static page's reload hint at once and reports the error", () => {
    document.body.innerHTML = `<div class="boot"><p class="boot__stalled" hidden>Bitte neu laden</p></div>`;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = new TypeError('Failed to fetch dynamically imported module');

    showBootFailure(error);

    expect(document.querySelector<HTMLElement>('.boot__stalled')?.hidden).toBe(false);
    expect(logged).toHaveBeenCalledWith('The app could not be loaded:', error);
  });

  it('does nothing more when the static page is gone (the app had already replaced it)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => showBootFailure(new Error('late failure'))).not.toThrow();
  });
});
