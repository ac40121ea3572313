import { describe, expect, it } from 'vitest';
import { DORTMUND_BOUNDS, HOME_PADDING_PX, homePadding, mercatorAspect } from '@/map/bounds';

const even = { top: HOME_PADDING_PX, bottom: HOME_PADDING_PX, left: HOME_PADDING_PX, right: HOME_PADDING_PX };

describe('mercatorAspect', () => {
  it('is 1 for a square of the equator and wider than tall for the same span in degrees further north', () => {
    expect(mercatorAspect([0, -1, 2, 1])).toBeCloseTo(1, 3);
    // At 51.5 °N a degree of latitude is drawn 1/cos(51.5°) ≈ 1.61 times as tall as a degree of longitude.
    expect(mercatorAspect([7, 51, 8, 52])).toBeCloseTo(Math.cos((51.5 * Math.PI) / 180), 2);
  });

  it('gives Dortmund a view about 1.13 times as wide as tall', () => {
    expect(mercatorAspect(DORTMUND_BOUNDS)).toBeGreaterThan(1.1);
    expect(mercatorAspect(DORTMUND_BOUNDS)).toBeLessThan(1.16);
  });
});

describe('homePadding', () => {
  it('moves the city left by the whole width of the controls when a wide map has room to spare', () => {
    // A landscape kiosk map: the height decides the zoom, with ~300 px to spare across.
    expect(homePadding({ width: 1526, height: 1013 }, 206)).toEqual({ ...even, right: HOME_PADDING_PX + 206 });
  });

  it('moves it only as far as the spare room, so the city keeps its size', () => {
    // The desktop map next to the side panel (900×735): ~75 px to spare, the pan buttons reach 146 px in.
    const padding = homePadding({ width: 900, height: 735 }, 146);
    const spare = 900 - 2 * HOME_PADDING_PX - (735 - 2 * HOME_PADDING_PX) * mercatorAspect(DORTMUND_BOUNDS);
    expect(padding.right).toBeCloseTo(HOME_PADDING_PX + spare, 6);
    expect(padding.right).toBeGreaterThan(HOME_PADDING_PX + 60);
    expect(padding.right).toBeLessThan(HOME_PADDING_PX + 146);
    expect(padding.left).toBe(HOME_PADDING_PX);
  });

  it('keeps the padding even on a narrow map, where the width decides the zoom', () => {
    expect(homePadding({ width: 390, height: 640 }, 146)).toEqual(even);
    expect(homePadding({ width: 768, height: 1024 }, 146)).toEqual(even);
  });

  it('keeps it even when nothing is reserved (the controls are hidden)', () => {
    expect(homePadding({ width: 1526, height: 1013 }, 0)).toEqual(even);
  });
});
