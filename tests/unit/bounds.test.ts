import { describe, expect, it } from 'vitest';
import {
  AREA_PADDING_PX,
  areaPadding,
  DORTMUND_BOUNDS,
  HOME_PADDING_PX,
  homePadding,
  mercatorAspect,
} from '@/map/bounds';

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

  /** Where a fit with this padding draws the city, in px from the map's top: MapLibre's fitBounds, by hand. */
  const cityDrawn = (view: { width: number; height: number }, padding: ReturnType<typeof homePadding>) => {
    const aspect = mercatorAspect(DORTMUND_BOUNDS);
    const box = {
      width: view.width - padding.left - padding.right,
      height: view.height - padding.top - padding.bottom,
    };
    const height = Math.min(box.width / aspect, box.height);
    const top = padding.top + (box.height - height) / 2;
    return { top, bottom: top + height, height };
  };

  it('leaves the city where it is when it already clears a bottom sheet', () => {
    // A phone's map (390×788) with the sheet folded (150 px): the centred city ends well above it.
    const view = { width: 390, height: 788 };
    expect(homePadding(view, 146, 150)).toEqual(even);
    expect(cityDrawn(view, even).bottom).toBeLessThan(788 - 150);
  });

  it('lifts the city clear of a half-open sheet at the same size, when there is room above it', () => {
    const view = { width: 390, height: 788 };
    const padding = homePadding(view, 146, 394);
    const lifted = cityDrawn(view, padding);
    expect(lifted.bottom).toBeCloseTo(788 - 394 - HOME_PADDING_PX, 6);
    expect(lifted.top).toBeGreaterThanOrEqual(HOME_PADDING_PX);
    expect(lifted.height).toBeCloseTo(cityDrawn(view, even).height, 6);
  });

  it('shrinks the city into the part above the sheet when lifting is not enough', () => {
    // A phone on its side (844×334 map) with 120 px covered: the height decides, there is no room to lift.
    const view = { width: 844, height: 334 };
    const padding = homePadding(view, 146, 120);
    expect(padding.bottom).toBe(HOME_PADDING_PX + 120);
    const drawn = cityDrawn(view, padding);
    expect(drawn.bottom).toBeLessThanOrEqual(334 - 120 - HOME_PADDING_PX + 1e-6);
    expect(drawn.height).toBeLessThan(cityDrawn(view, even).height);
  });
});

describe('areaPadding', () => {
  it('keeps the area clear of the edges, and of a bottom sheet by its height', () => {
    expect(areaPadding(0)).toEqual({
      top: AREA_PADDING_PX,
      bottom: AREA_PADDING_PX,
      left: AREA_PADDING_PX,
      right: AREA_PADDING_PX,
    });
    expect(areaPadding(394).bottom).toBe(AREA_PADDING_PX + 394);
  });
});
