import { describe, expect, it } from 'vitest';
import {
  AREA_PADDING_PX,
  areaPadding,
  cameraLimits,
  DORTMUND_BOUNDS,
  fitZoom,
  HOME_PADDING_PX,
  homePadding,
  latitudeOfMercatorY,
  LOWEST_MIN_ZOOM,
  mercatorAspect,
  mercatorY,
  sameLimits,
  USUAL_MAX_BOUNDS,
  USUAL_MIN_ZOOM,
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

describe('latitudeOfMercatorY', () => {
  it('undoes mercatorY', () => {
    for (const latitude of [-60, 0, 51.05, 51.5, 51.97, 70]) {
      expect(latitudeOfMercatorY(mercatorY(latitude))).toBeCloseTo(latitude, 9);
    }
  });
});

describe('fitZoom', () => {
  const [west, south, east, north] = DORTMUND_BOUNDS;
  /** The city's size in px at a zoom, as MapLibre draws it (512 px tiles). */
  const citySize = (zoom: number) => ({
    width: ((east - west) / 360) * 512 * 2 ** zoom,
    height: (mercatorY(south) - mercatorY(north)) * 512 * 2 ** zoom,
  });

  it('is the zoom at which the city just fills the padded box, by its height on a wide map', () => {
    const zoom = fitZoom({ width: 900, height: 735 }, even);
    expect(citySize(zoom).height).toBeCloseTo(735 - 2 * HOME_PADDING_PX, 6);
    expect(citySize(zoom).width).toBeLessThan(900 - 2 * HOME_PADDING_PX);
  });

  it('by its width on a narrow map, and lower with more padding', () => {
    const zoom = fitZoom({ width: 390, height: 640 }, even);
    expect(citySize(zoom).width).toBeCloseTo(390 - 2 * HOME_PADDING_PX, 6);
    expect(fitZoom({ width: 390, height: 640 }, { ...even, left: 100 })).toBeLessThan(zoom);
  });

  it('puts the whole city at about 245 × 216 px at zoom 9', () => {
    expect(Math.round(citySize(9).width)).toBe(245);
    expect(Math.round(citySize(9).height)).toBe(216);
  });
});

describe('cameraLimits', () => {
  /** Whether an extent lies inside bounds. */
  const inside = (
    [west, south, east, north]: readonly number[],
    [boundsWest, boundsSouth, boundsEast, boundsNorth]: readonly number[],
  ) => west! >= boundsWest! && south! >= boundsSouth! && east! <= boundsEast! && north! <= boundsNorth!;

  it('keeps the usual limits where the city fits at the usual lowest zoom (desktop, phone, kiosk)', () => {
    for (const view of [
      { width: 900, height: 735 },
      { width: 390, height: 640 },
      { width: 1526, height: 1013 },
      { width: 700, height: 1870 },
    ]) {
      expect(cameraLimits(view, even), `${view.width}×${view.height}`).toEqual({
        minZoom: USUAL_MIN_ZOOM,
        maxBounds: [...USUAL_MAX_BOUNDS],
      });
    }
  });

  it('lets a map too small for the city at zoom 9 go down to the zoom its whole-city view needs', () => {
    // A low desktop window (844×390): the map beside the side panel is 464×278 px, and the credits wrap
    // to four lines (71 px) at its bottom.
    const view = { width: 464, height: 278 };
    const padding = { ...even, bottom: HOME_PADDING_PX + 71 };
    const { minZoom } = cameraLimits(view, padding);
    expect(minZoom).toBeLessThan(USUAL_MIN_ZOOM);
    expect(minZoom).toBeLessThanOrEqual(fitZoom(view, padding));
    expect(minZoom).toBeGreaterThan(fitZoom(view, padding) - 0.01);
  });

  it('goes no lower than the lowest zoom, however small the map', () => {
    expect(cameraLimits({ width: 200, height: 150 }, even).minZoom).toBe(LOWEST_MIN_ZOOM);
  });

  it('gives a map with no room inside its padding (not laid out yet, or hidden) the lowest zoom and real bounds', () => {
    for (const view of [
      { width: 0, height: 0 },
      { width: 30, height: 30 },
    ]) {
      const { minZoom, maxBounds } = cameraLimits(view, even);
      expect(minZoom).toBe(LOWEST_MIN_ZOOM);
      expect(maxBounds.every(Number.isFinite)).toBe(true);
      expect(inside(USUAL_MAX_BOUNDS, maxBounds)).toBe(true);
    }
  });

  it('widens the bounds so that the whole-city view fits inside them, or MapLibre would zoom in again', () => {
    // A wide, low iframe: at its fit zoom the view is far wider than the usual bounds.
    const view = { width: 1280, height: 268 };
    const padding = { ...even, bottom: 70 };
    const { minZoom, maxBounds } = cameraLimits(view, padding);
    const zoom = Math.max(minZoom, fitZoom(view, padding));
    const worldPx = 512 * 2 ** zoom;
    const [west, south, east, north] = maxBounds;
    const [usualWest, , usualEast] = USUAL_MAX_BOUNDS;
    expect(((east - west) / 360) * worldPx).toBeGreaterThanOrEqual(view.width);
    expect((mercatorY(south) - mercatorY(north)) * worldPx).toBeGreaterThanOrEqual(view.height);
    expect(east - west).toBeGreaterThan(usualEast - usualWest);
    // The usual bounds stay inside: nothing that could be seen before is cut off.
    expect(inside(USUAL_MAX_BOUNDS, maxBounds)).toBe(true);
  });

  it('holds the view of the city lifted above a bottom sheet, at the lowest zoom', () => {
    // A 640×400 phone on its side: 344 px of map, 230 of them under the folded sheet and its credits.
    const view = { width: 640, height: 344 };
    const padding = { ...even, bottom: HOME_PADDING_PX + 230 };
    const { minZoom, maxBounds } = cameraLimits(view, padding);
    expect(minZoom).toBe(LOWEST_MIN_ZOOM);
    // The view's centre lies (bottom − top) / 2 px south of the city's middle.
    const worldPx = 512 * 2 ** LOWEST_MIN_ZOOM;
    const [, south, , north] = DORTMUND_BOUNDS;
    const centreY = (mercatorY(south) + mercatorY(north)) / 2 + 115 / worldPx;
    const viewSouth = latitudeOfMercatorY(centreY + view.height / 2 / worldPx);
    expect(maxBounds[1]).toBeLessThan(viewSouth);
  });
});

describe('sameLimits', () => {
  it('tells limits that hold the camera alike from ones that differ in the zoom or in any edge', () => {
    const usual = cameraLimits({ width: 900, height: 735 }, even);
    expect(sameLimits(usual, cameraLimits({ width: 1526, height: 1013 }, even))).toBe(true);
    expect(sameLimits(null, usual)).toBe(false);
    expect(sameLimits(usual, { ...usual, minZoom: 8.5 })).toBe(false);
    for (const edge of [0, 1, 2, 3]) {
      const moved = usual.maxBounds.map((value, index) => (index === edge ? value + 0.1 : value));
      expect(sameLimits(usual, { ...usual, maxBounds: moved as typeof usual.maxBounds }), `edge ${edge}`).toBe(false);
    }
  });
});
