import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DORTMUND_BOUNDS, HOME_PADDING_PX } from '@/map/bounds';
import { homeLayout, homeProjection, panButtonRects, panReach, type PanGeometry } from '@/map/panLayout';

const browse = (top: number): PanGeometry => ({ button: 44, gap: 2, top, edge: 10 });
const KIOSK: PanGeometry = { button: 64, gap: 2, top: 160, edge: 10 };
const RING = (
  JSON.parse(readFileSync('data/city-boundary.geojson', 'utf8')) as {
    features: [{ geometry: { coordinates: [Array<[number, number]>] } }];
  }
).features[0].geometry.coordinates[0];

describe('panButtonRects', () => {
  it('lays the buttons out as a cross or as a column under each other, from the same top right corner', () => {
    const cross = panButtonRects('cross', 600, browse(110));
    // North, west, east, south; the cross is 136 px across and ends 10 px from the right edge.
    expect(cross).toEqual([
      { left: 500, top: 110, right: 544, bottom: 154 },
      { left: 454, top: 156, right: 498, bottom: 200 },
      { left: 546, top: 156, right: 590, bottom: 200 },
      { left: 500, top: 202, right: 544, bottom: 246 },
    ]);
    const column = panButtonRects('column', 600, browse(110));
    expect(column.map((rect) => [rect.left, rect.right])).toEqual(Array(4).fill([546, 590]));
    expect(column.map((rect) => rect.top)).toEqual([110, 156, 202, 248]);
    expect(panReach('cross', browse(110))).toBe(146);
    expect(panReach('column', KIOSK)).toBe(74);
  });
});

describe('homeProjection', () => {
  it('fits the city’s extent inside the padding and centres it there', () => {
    const [west, south, east, north] = DORTMUND_BOUNDS;
    const padding = { top: 24, bottom: 24, left: 24, right: 24 };
    const project = homeProjection({ width: 644, height: 703 }, padding);
    // The width decides: the extent spans the padded width exactly and is centred vertically.
    const [left, top] = project([west, north]);
    const [right, bottom] = project([east, south]);
    expect(left).toBeCloseTo(24, 6);
    expect(right).toBeCloseTo(620, 6);
    expect((top + bottom) / 2).toBeCloseTo(703 / 2, 6);
  });
});

describe('homeLayout: the pan buttons clear of the city in the whole-city view', () => {
  /** Whether any of the city's outline, drawn under this layout's padding, lies under a button. */
  function covers(view: { width: number; height: number }, geometry: PanGeometry, covered = 0): boolean {
    const { layout, padding } = homeLayout(view, geometry, covered);
    const project = homeProjection(view, padding);
    const rects = panButtonRects(layout, view.width, geometry);
    return RING.some((point, index) => {
      const [x0, y0] = project(point);
      const [x1, y1] = project(RING[(index + 1) % RING.length]!);
      // Points every ~1 px along each edge.
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
      return Array.from({ length: steps }, (_, step) => step / steps).some((t) => {
        const x = x0 + (x1 - x0) * t;
        const y = y0 + (y1 - y0) * t;
        return rects.some((rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom);
      });
    });
  }

  it('keeps the cross where the city lies clear of it: a desktop, a phone, a full HD kiosk', () => {
    const desktop = homeLayout({ width: 900, height: 735 }, browse(110));
    expect(desktop.layout).toBe('cross');
    // As homePadding alone: moved left by the room there is, the city keeps its size.
    expect(desktop.padding.right).toBeGreaterThan(HOME_PADDING_PX);
    expect(desktop.padding.right).toBeLessThan(HOME_PADDING_PX + 146);
    expect(homeLayout({ width: 390, height: 788 }, browse(110), 150).layout).toBe('cross');
    expect(homeLayout({ width: 1400, height: 930 }, KIOSK).layout).toBe('cross');
    for (const [view, geometry, covered] of [
      [{ width: 900, height: 735 }, browse(110), 0],
      [{ width: 390, height: 788 }, browse(110), 150],
      [{ width: 1400, height: 930 }, KIOSK, 0],
    ] as const)
      expect(covers(view, geometry, covered)).toBe(false);
  });

  it('turns the buttons into a column on a landscape tablet and a 1024×768 kiosk, clear of the city', () => {
    // The cross over the north-east: the width decides the zoom, so there is no room to move the city.
    for (const [view, geometry] of [
      [{ width: 644, height: 703 }, browse(110)],
      [{ width: 504, height: 616 }, KIOSK],
    ] as const) {
      const { layout, padding } = homeLayout(view, geometry);
      expect(layout).toBe('column');
      expect(padding.right).toBeGreaterThan(HOME_PADDING_PX);
      // The city shrinks by no more than the column takes.
      expect(padding.right).toBeLessThanOrEqual(panReach('column', geometry) + HOME_PADDING_PX / 2);
      expect(covers(view, geometry)).toBe(false);
    }
  });

  it('finds a button over the city, not only under its outline', () => {
    // A box in the middle of Dortmund, as a layout whose buttons lie in the city: the column is chosen.
    const middle: PanGeometry = { button: 44, gap: 2, top: 300, edge: 250 };
    expect(homeLayout({ width: 644, height: 703 }, middle).layout).toBe('column');
  });
});
