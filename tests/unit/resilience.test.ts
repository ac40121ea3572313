import { describe, expect, it } from 'vitest';
import { claimRestart, cleanKioskUrl } from '@/app/AppErrorBoundary';
import { retryDelayMs } from '@/features/problems/useAutoRetry';

const MINUTE = 60_000;
const KEY = 'innovation-map:restarts';

/** A Storage stand-in that records what was written. */
function fakeStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      items.set(key, String(value));
    },
  };
}

describe('claimRestart: at most 3 kiosk restarts in 10 minutes', () => {
  it('allows three restarts, then refuses the fourth within the window', () => {
    const storage = fakeStorage();
    const t0 = 1_700_000_000_000;
    expect(claimRestart(storage, t0)).toBe(true);
    expect(claimRestart(storage, t0 + 1 * MINUTE)).toBe(true);
    expect(claimRestart(storage, t0 + 2 * MINUTE)).toBe(true);
    expect(claimRestart(storage, t0 + 3 * MINUTE)).toBe(false);
    expect(claimRestart(storage, t0 + 9 * MINUTE)).toBe(false);
    // A refused claim is not recorded.
    expect(JSON.parse(storage.items.get(KEY) ?? '[]')).toEqual([t0, t0 + MINUTE, t0 + 2 * MINUTE]);
  });

  it('allows one again once the oldest restart is 10 minutes old, and forgets the old ones', () => {
    const storage = fakeStorage();
    const t0 = 5_000_000;
    for (const minutes of [0, 1, 2]) expect(claimRestart(storage, t0 + minutes * MINUTE)).toBe(true);
    expect(claimRestart(storage, t0 + 10 * MINUTE - 1)).toBe(false);
    expect(claimRestart(storage, t0 + 10 * MINUTE)).toBe(true);
    expect(JSON.parse(storage.items.get(KEY) ?? '[]')).toEqual([t0 + MINUTE, t0 + 2 * MINUTE, t0 + 10 * MINUTE]);
    expect(claimRestart(storage, t0 + 10 * MINUTE + 1)).toBe(false);
    expect(claimRestart(storage, t0 + 11 * MINUTE)).toBe(true);
  });

  it('survives garbage in the storage: starts a fresh budget', () => {
    for (const stored of ['not json', '{"a":1}', 'null', '"x"', '[1e400,"x",null]']) {
      const storage = fakeStorage({ [KEY]: stored });
      expect(claimRestart(storage, 1_000_000), stored).toBe(true);
      expect(claimRestart(storage, 1_000_001), stored).toBe(true);
    }
  });

  it('counts restarts kept in storage from earlier page loads', () => {
    const now = 50 * MINUTE;
    const storage = fakeStorage({ [KEY]: JSON.stringify([now - 9 * MINUTE, now - 5 * MINUTE, now - MINUTE]) });
    expect(claimRestart(storage, now)).toBe(false);
    const older = fakeStorage({ [KEY]: JSON.stringify([now - 30 * MINUTE, now - 20 * MINUTE, now - 11 * MINUTE]) });
    expect(claimRestart(older, now)).toBe(true);
  });
});

describe('cleanKioskUrl: a restart keeps only mode and basemap', () => {
  const at = (search: string, pathname = '/') => cleanKioskUrl({ origin: 'https://kiosk.example', pathname, search });

  it("drops a visitor's filters, place, language and search", () => {
    expect(
      at('?mode=kiosk&basemap=offline&category=science,culture&hotspot=tzdo&lang=en&q=robot&district=hoerde'),
    ).toBe('https://kiosk.example/?mode=kiosk&basemap=offline');
  });

  it('keeps the path (a site in a sub-folder) and the order mode, basemap', () => {
    expect(at('?basemap=offline&tag=ai&mode=kiosk', '/karte/')).toBe(
      'https://kiosk.example/karte/?mode=kiosk&basemap=offline',
    );
  });

  it('keeps what is there and nothing empty', () => {
    expect(at('?mode=kiosk')).toBe('https://kiosk.example/?mode=kiosk');
    expect(at('?mode=&basemap=offline')).toBe('https://kiosk.example/?basemap=offline');
    // No parameters at all: the bare page (a trailing "?" is harmless).
    expect(at('')).toMatch(/^https:\/\/kiosk\.example\/\??$/);
  });

  it('never carries the hash (the camera) or anything injected', () => {
    const url = at('?mode=kiosk&x=%3Cscript%3E&mode=browse');
    expect(url).toBe('https://kiosk.example/?mode=kiosk');
    expect(url).not.toContain('#');
  });
});

describe('retryDelayMs: 2 s, 4 s, 8 s … at most a minute', () => {
  it('doubles from 2 s', () => {
    expect([0, 1, 2, 3, 4].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16_000, 32_000]);
  });

  it('is capped at 60 s from the sixth attempt on, however many there were', () => {
    expect(retryDelayMs(5)).toBe(60_000);
    expect(retryDelayMs(6)).toBe(60_000);
    expect(retryDelayMs(100)).toBe(60_000);
    expect(retryDelayMs(10_000)).toBe(60_000);
  });

  it('never shrinks as attempts grow', () => {
    const delays = Array.from({ length: 40 }, (_, attempt) => retryDelayMs(attempt));
    expect(delays.every((delay, index) => index === 0 || delay >= (delays[index - 1] ?? 0))).toBe(true);
  });
});
