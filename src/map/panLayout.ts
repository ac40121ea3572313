import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import cityBoundaryText from '../../data/city-boundary.geojson?raw';
import { DORTMUND_BOUNDS, HOME_PADDING_PX, homePadding, mercatorY, type Padding } from './bounds';

/**
 * How the four pan buttons are arranged: a cross (the familiar shape), or a single column under the zoom
 * buttons where a cross would lie over the city in the whole-city view.
 */
export type PanLayout = 'cross' | 'column';

/** The pan buttons' size and place in the map, in CSS px; the same for both layouts. */
export interface PanGeometry {
  /** One button's side. */
  button: number;
  /** Between two buttons. */
  gap: number;
  /** From the map's top to the buttons' top. */
  top: number;
  /** From the map's right edge to the buttons' right edge. */
  edge: number;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type Point = [number, number];

/**
 * Whether two boxes are the same to within half a pixel (layout gives fractions of a pixel); two missing
 * boxes are the same.
 */
export function sameRect(a: Rect | null, b: Rect | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    Math.abs(a.left - b.left) < 0.5 &&
    Math.abs(a.top - b.top) < 0.5 &&
    Math.abs(a.right - b.right) < 0.5 &&
    Math.abs(a.bottom - b.bottom) < 0.5
  );
}

/**
 * Space kept between a button and the city's outline. It also covers what the address's rounded camera
 * and MapLibre's own rounding move the city by (about a pixel).
 */
const CLEARANCE_PX = 2;

/** The four buttons' boxes in map pixels, north, west, east, south. */
export function panButtonRects(layout: PanLayout, width: number, { button, gap, top, edge }: PanGeometry): Rect[] {
  const step = button + gap;
  const cells: Array<[number, number]> =
    layout === 'cross'
      ? [
          [1, 0],
          [0, 1],
          [2, 1],
          [1, 2],
        ]
      : [
          [0, 0],
          [0, 1],
          [0, 2],
          [0, 3],
        ];
  const columns = layout === 'cross' ? 3 : 1;
  const left = width - edge - (columns * button + (columns - 1) * gap);
  return cells.map(([column, row]) => ({
    left: left + column * step,
    top: top + row * step,
    right: left + column * step + button,
    bottom: top + row * step + button,
  }));
}

/** How far the buttons reach in from the map's right edge. */
export function panReach(layout: PanLayout, geometry: PanGeometry): number {
  const columns = layout === 'cross' ? 3 : 1;
  return geometry.edge + columns * geometry.button + (columns - 1) * geometry.gap;
}

/**
 * Where `fitBounds(DORTMUND_BOUNDS, { padding })` draws a point, in map pixels: the extent scaled to fit
 * inside the padding and centred in it, as MapLibre fits it (Web Mercator, no rotation).
 */
export function homeProjection(view: { width: number; height: number }, padding: Padding): (point: Point) => Point {
  const [west, south, east, north] = DORTMUND_BOUNDS;
  const x = (lon: number) => (lon + 180) / 360;
  const extent = { width: x(east) - x(west), height: mercatorY(south) - mercatorY(north) };
  const inner = {
    width: view.width - padding.left - padding.right,
    height: view.height - padding.top - padding.bottom,
  };
  const scale = Math.min(inner.width / extent.width, inner.height / extent.height);
  const left = padding.left + (inner.width - extent.width * scale) / 2;
  const top = padding.top + (inner.height - extent.height * scale) / 2;
  return ([lon, lat]) => [left + (x(lon) - x(west)) * scale, top + (mercatorY(lat) - mercatorY(north)) * scale];
}

/** The city's outline (data/city-boundary.geojson, the same file the map draws), bundled: see homeLayout. */
const CITY_RING: readonly Point[] = (
  JSON.parse(cityBoundaryText) as { features: [{ geometry: { coordinates: [Point[]] } }] }
).features[0].geometry.coordinates[0];

/** What else lies over the map's edges in the whole-city view, in map pixels (see homeLayout). */
export interface HomeOverlays {
  /** Hidden at the map's bottom: a phone's sheet, credits wrapped into several lines (see homePadding). */
  coveredBottom?: number;
  /**
   * Boxes in the map's top left corner, each inside the one before: the density toggle with its legend
   * open, then the toggle's own row. The city keeps clear of the first one it can clear without being fitted
   * more than a fifth smaller (MOST_SHRINK); where it can clear none, they lie over it.
   */
  topLeft?: readonly Rect[];
}

/**
 * The least share of its size the city keeps when it is fitted smaller to clear a top left box. In an
 * 844×390 window the open legend would take it from zoom 8.82 to 8.26, less than half its area: the
 * density colours the legend explains were hard to tell apart there, so the legend covers its north-west
 * instead (the map can be moved).
 */
const MOST_SHRINK = 0.8;

/**
 * The pan buttons' layout and the whole-city view's padding for a map of this size. The cross stays where it
 * clears the city's outline (the city moved left out from under it where there is room, homePadding); where
 * it would not (a landscape tablet or a 1024×768 kiosk: the width decides the zoom and the cross lies over
 * the north-east), the buttons form a column, moved clear of the city as far as the room allows, and if that
 * is not enough the city is fitted smaller to the column's left. `geometry` is null where no pan buttons are
 * shown. Last, the city moves out from under the first top left box it can clear at little cost, where it
 * would lie under it (clearOfTopLeft).
 *
 * The outline is bundled, not taken from the loaded data: the first view is fitted when the map is made,
 * and at 10,000 places the data (one request for all files) arrives seconds after that.
 */
export function homeLayout(
  view: { width: number; height: number },
  geometry: PanGeometry | null,
  { coveredBottom = 0, topLeft = [] }: HomeOverlays = {},
  ring: readonly Point[] = CITY_RING,
): { layout: PanLayout; padding: Padding } {
  /** Whether the outline, as drawn, lies clear of the pan buttons in this layout. */
  const drawnClear = (layout: PanLayout, drawn: Point[]) =>
    !geometry ||
    !panButtonRects(layout, view.width, geometry).some((rect) => ringTouches(drawn, grow(rect, CLEARANCE_PX)));
  const clear = (layout: PanLayout, padding: Padding) => drawnClear(layout, ring.map(homeProjection(view, padding)));
  const fit = clearOfPanButtons(view, geometry, coveredBottom, clear);
  for (const box of topLeft) {
    const padding = clearOfTopLeft(
      view,
      fit.padding,
      box,
      coveredBottom,
      (drawn) => drawnClear(fit.layout, drawn),
      ring,
    );
    if (padding) return { layout: fit.layout, padding };
  }
  return fit;
}

/** The cross where it clears the city, else the column (see homeLayout); the cross where none are shown. */
function clearOfPanButtons(
  view: { width: number; height: number },
  geometry: PanGeometry | null,
  coveredBottom: number,
  clear: (layout: PanLayout, padding: Padding) => boolean,
): { layout: PanLayout; padding: Padding } {
  if (!geometry) return { layout: 'cross', padding: homePadding(view, 0, coveredBottom) };
  const cross = homePadding(view, panReach('cross', geometry), coveredBottom);
  if (clear('cross', cross)) return { layout: 'cross', padding: cross };
  const column = homePadding(view, panReach('column', geometry), coveredBottom);
  if (clear('column', column)) return { layout: 'column', padding: column };
  return {
    layout: 'column',
    padding: { ...column, right: Math.max(column.right, panReach('column', geometry) + HOME_PADDING_PX / 2) },
  };
}

/**
 * Padding that keeps the city clear of the top left box (the density toggle: on a desktop the city's
 * north-west corner touched it; in an 844×390 window the city is lifted above the wrapped credits into the
 * map's top, under it): the padding as it is where the city already lies clear of the box, null where no
 * padding tried clears it. Tried in turn: the city moved right, then down, by as much as it must, at the
 * same size; then fitted smaller, by as little as clears it, between the box and the covered bottom, and by
 * no more than MOST_SHRINK allows. Each must keep the pan buttons clear too (`clear`, given the outline as
 * drawn) and the city above the covered bottom.
 */
function clearOfTopLeft(
  view: { width: number; height: number },
  padding: Padding,
  box: Rect,
  coveredBottom: number,
  clear: (drawn: Point[]) => boolean,
  ring: readonly Point[],
): Padding | null {
  const keptClear = grow(box, CLEARANCE_PX);
  const drawnWith = (candidate: Padding) => ring.map(homeProjection(view, candidate));
  const drawn = drawnWith(padding);
  if (!ringTouches(drawn, keptClear)) return padding;
  const floor = view.height - Math.max(coveredBottom + CLEARANCE_PX, HOME_PADDING_PX);
  const fits = (candidate: Padding) => {
    if (Object.values(candidate).some((side) => side < 0) || candidate.top + candidate.bottom >= view.height) {
      return false;
    }
    const after = drawnWith(candidate);
    return (
      after.every(([x, y]) => x <= view.width - HOME_PADDING_PX / 2 && y <= floor) &&
      !ringTouches(after, keptClear) &&
      clear(after)
    );
  };
  // How far the city must move right, or down, to clear the box: from the outline's leftmost point level
  // with the box, and its highest point under it, and a pixel more, so that the outline does not end on it.
  const right = keptClear.right + 1 - lowestWithin(drawn, 0, [keptClear.top, keptClear.bottom]);
  const down = keptClear.bottom + 1 - lowestWithin(drawn, 1, [keptClear.left, keptClear.right]);
  // Padding moves the centre by half of each side's change: left + d and right − d move it by d.
  const moved = [
    { ...padding, left: padding.left + right, right: padding.right - right },
    { ...padding, top: padding.top + down, bottom: padding.bottom - down },
  ].find(fits);
  if (moved) return moved;
  const smaller = smallestShrink(padding, keptClear.bottom, view.height - floor, fits);
  return smaller && heightOf(drawnWith(smaller)) >= MOST_SHRINK * heightOf(drawn) ? smaller : null;
}

/** How tall the ring is drawn: its size, in the fit's one scale. */
function heightOf(ring: readonly Point[]): number {
  let [top, bottom] = [Infinity, -Infinity];
  for (const [, y] of ring) [top, bottom] = [Math.min(top, y), Math.max(bottom, y)];
  return bottom - top;
}

/**
 * The least top padding, between the padding's own and `most`, that `fits` accepts, with `bottom` (all
 * that is covered) below: a larger top fits the city smaller and lower. Found by halving the range; null
 * when even `most` fails.
 */
function smallestShrink(
  padding: Padding,
  most: number,
  bottom: number,
  fits: (padding: Padding) => boolean,
): Padding | null {
  const withTop = (top: number) => ({ ...padding, top, bottom });
  if (!fits(withTop(most))) return null;
  let [low, high] = [padding.top, most];
  // Half a pixel is finer than the camera's zoom is kept to in the address (two decimals).
  while (high - low > 0.5) {
    const middle = (low + high) / 2;
    if (fits(withTop(middle))) high = middle;
    else low = middle;
  }
  return withTop(high);
}

/**
 * The least `axis` coordinate (0: x, 1: y) on the closed ring's edges where the other coordinate lies in
 * `band`: the edges clipped to the band, so a long edge that only passes through it counts too.
 */
function lowestWithin(ring: readonly Point[], axis: 0 | 1, [from, to]: [number, number]): number {
  const other = axis === 0 ? 1 : 0;
  let lowest = Infinity;
  ring.forEach((start, index) => {
    const end = ring[(index + 1) % ring.length]!;
    for (const point of [start, end])
      if (point[other] >= from && point[other] <= to) lowest = Math.min(lowest, point[axis]);
    for (const line of [from, to]) {
      const t = (line - start[other]) / (end[other] - start[other]);
      if (t > 0 && t < 1) lowest = Math.min(lowest, start[axis] + t * (end[axis] - start[axis]));
    }
  });
  return lowest;
}

function grow(rect: Rect, by: number): Rect {
  return { left: rect.left - by, top: rect.top - by, right: rect.right + by, bottom: rect.bottom + by };
}

/** True when the closed ring's area or outline touches the box. */
function ringTouches(ring: Point[], rect: Rect): boolean {
  const inRect = ([x, y]: Point) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
  if (ring.some(inRect)) return true;
  // A box wholly inside the city: its centre is inside the ring.
  const centre: Point = [(rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2];
  if (booleanPointInPolygon(centre, { type: 'Polygon', coordinates: [ring] })) return true;
  const corners: Point[] = [
    [rect.left, rect.top],
    [rect.right, rect.top],
    [rect.right, rect.bottom],
    [rect.left, rect.bottom],
  ];
  // An edge passing through the box with both ends outside it crosses one of its sides. Only an edge
  // whose own box meets the box can (most do not: the check runs some 50 times per whole-city fit).
  return ring.some((from, index) => {
    const to = ring[(index + 1) % ring.length]!;
    const apart =
      Math.max(from[0], to[0]) < rect.left ||
      Math.min(from[0], to[0]) > rect.right ||
      Math.max(from[1], to[1]) < rect.top ||
      Math.min(from[1], to[1]) > rect.bottom;
    return !apart && corners.some((corner, side) => segmentsCross(from, to, corner, corners[(side + 1) % 4]!));
  });
}

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const side = (p: Point, q: Point, r: Point) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) !== side(a, b, d) && side(c, d, a) !== side(c, d, b);
}
