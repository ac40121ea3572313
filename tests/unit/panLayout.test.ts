import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DORTMUND_BOUNDS, HOME_PADDING_PX, homePadding } from '@/map/bounds';
import {
  homeLayout,
  homeProjection,
  panButtonRects,
  panReach,
  sameRect,
  type PanGeometry,
  type Rect,
} from '@/map/panLayout';

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
    const { layout, padding } = homeLayout(view, geometry, { coveredBottom: covered });
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
    expect(homeLayout({ width: 390, height: 788 }, browse(110), { coveredBottom: 150 }).layout).toBe('cross');
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

describe('homeLayout: the city clear of the density toggle in the map’s top left corner', () => {
  const TOGGLE: Rect = { left: 10, top: 10, right: 190, bottom: 60 };
  /** The toggle's own row (its checkbox and label), inside its box. */
  const TOGGLE_ROW: Rect = { left: 20, top: 20, right: 180, bottom: 50 };
  /** An 844×390 window: the map beside the sidebar, the pan buttons beside the zoom buttons, four lines of credits. */
  const LOW = { view: { width: 464, height: 326 }, geometry: { button: 44, gap: 2, top: 10, edge: 64 }, covered: 70 };

  /** The outline's points, and points every ~1 px between them, as drawn under this padding. */
  function outline(view: { width: number; height: number }, padding: ReturnType<typeof homePadding>) {
    const project = homeProjection(view, padding);
    return RING.flatMap((point, index) => {
      const [x0, y0] = project(point);
      const [x1, y1] = project(RING[(index + 1) % RING.length]!);
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
      return Array.from({ length: steps }, (_, step): [number, number] => [
        x0 + ((x1 - x0) * step) / steps,
        y0 + ((y1 - y0) * step) / steps,
      ]);
    });
  }
  /** How tall the city is drawn under this padding. */
  const heightOf = (view: { width: number; height: number }, padding: ReturnType<typeof homePadding>) => {
    const ys = outline(view, padding).map(([, y]) => y);
    return Math.max(...ys) - Math.min(...ys);
  };
  const inside =
    (rect: Rect) =>
    ([x, y]: [number, number]) =>
      x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

  it('moves the city out from under the toggle in a low window, above the credits and clear of the pan buttons', () => {
    const { view, geometry, covered } = LOW;
    const before = homeLayout(view, geometry, { coveredBottom: covered });
    // Without the toggle's box the city lies under it: lifted above the credits, into the map's top.
    expect(outline(view, before.padding).some(inside(TOGGLE))).toBe(true);
    const after = homeLayout(view, geometry, { coveredBottom: covered, topLeft: [TOGGLE] });
    const drawn = outline(view, after.padding);
    expect(drawn.some(inside(TOGGLE))).toBe(false);
    expect(Math.max(...drawn.map(([, y]) => y))).toBeLessThanOrEqual(view.height - covered);
    const buttons = panButtonRects(after.layout, view.width, geometry);
    expect(drawn.some((point) => buttons.some((button) => inside(button)(point)))).toBe(false);
    // Fitted smaller between the toggle and the credits: no more than the toggle's height smaller.
    expect(heightOf(view, after.padding)).toBeGreaterThan(
      heightOf(view, before.padding) - (TOGGLE.bottom - TOGGLE.top),
    );
  });

  it('on a desktop, where the toggle touches the north-west corner, shrinks the city by under 1 %', () => {
    const view = { width: 900, height: 735 };
    const before = homeLayout(view, browse(110));
    expect(outline(view, before.padding).some(inside(TOGGLE))).toBe(true);
    const after = homeLayout(view, browse(110), { topLeft: [TOGGLE] });
    expect(outline(view, after.padding).some(inside(TOGGLE))).toBe(false);
    expect(after.layout).toBe('cross');
    const inner = (padding: typeof after.padding) => view.height - padding.top - padding.bottom;
    expect(inner(after.padding) / inner(before.padding)).toBeGreaterThan(0.99);
  });

  it('on a desktop, clears the opened density legend too, which reaches further over the north-west', () => {
    const view = { width: 900, height: 735 };
    // The toggle with its legend open, as measured on a 1280×800 desktop (German).
    const legend: Rect = { left: 10, top: 10, right: 258, bottom: 121 };
    const closed = homeLayout(view, browse(110), { topLeft: [TOGGLE] });
    expect(outline(view, closed.padding).some(inside(legend))).toBe(true);
    const open = homeLayout(view, browse(110), { topLeft: [legend, TOGGLE_ROW] });
    const drawn = outline(view, open.padding);
    expect(drawn.some(inside(legend))).toBe(false);
    const buttons = panButtonRects(open.layout, view.width, browse(110));
    expect(drawn.some((point) => buttons.some((button) => inside(button)(point)))).toBe(false);
    // Fitted smaller, by less than a fifth.
    expect(heightOf(view, open.padding) / heightOf(view, closed.padding)).toBeGreaterThan(0.8);
  });

  it('in a low window, lets the open legend lie over the city rather than fit it less than four fifths its size', () => {
    const { view, geometry, covered } = LOW;
    const legend: Rect = { left: 10, top: 10, right: 258, bottom: 121 };
    const closed = homeLayout(view, geometry, { coveredBottom: covered, topLeft: [TOGGLE] });
    // Clearing the legend alone would take the city to under four fifths of its size: it is not cleared.
    expect(homeLayout(view, geometry, { coveredBottom: covered, topLeft: [legend] })).toEqual(
      homeLayout(view, geometry, { coveredBottom: covered }),
    );
    // With the toggle's row as the next box, the city keeps clear of that, at about the size it had.
    const open = homeLayout(view, geometry, { coveredBottom: covered, topLeft: [legend, TOGGLE_ROW] });
    expect(outline(view, open.padding).some(inside(TOGGLE_ROW))).toBe(false);
    expect(outline(view, open.padding).some(inside(legend))).toBe(true);
    expect(heightOf(view, open.padding)).toBeGreaterThanOrEqual(heightOf(view, closed.padding));
  });

  it('leaves a city already clear of the toggle as it is, and goes without pan buttons too', () => {
    const phone = { width: 390, height: 788 };
    expect(homeLayout(phone, browse(110), { coveredBottom: 150, topLeft: [TOGGLE] })).toEqual(
      homeLayout(phone, browse(110), { coveredBottom: 150 }),
    );
    // No pan buttons shown: the padding is homePadding's, with nothing reserved on the right.
    expect(homeLayout(phone, null, { coveredBottom: 150 })).toEqual({
      layout: 'cross',
      padding: homePadding(phone, 0, 150),
    });
  });

  it('keeps the city where it was when no padding clears a box that covers the whole map', () => {
    const { view, geometry, covered } = LOW;
    const everything: Rect = { left: 0, top: 0, right: view.width, bottom: view.height - 40 };
    expect(homeLayout(view, geometry, { coveredBottom: covered, topLeft: [everything] })).toEqual(
      homeLayout(view, geometry, { coveredBottom: covered }),
    );
  });
});

describe('sameRect', () => {
  it('takes boxes within half a pixel for the same, and two missing boxes too', () => {
    const box: Rect = { left: 10, top: 10, right: 190, bottom: 60 };
    expect(sameRect(box, { left: 10.4, top: 9.6, right: 190.3, bottom: 60.2 })).toBe(true);
    expect(sameRect(box, { ...box, bottom: 121 })).toBe(false);
    expect(sameRect(box, { ...box, right: 190.5 })).toBe(false);
    expect(sameRect(box, null)).toBe(false);
    expect(sameRect(null, box)).toBe(false);
    expect(sameRect(null, null)).toBe(true);
  });
});
