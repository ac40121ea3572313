/** Dortmund's extent, used for the first view when the URL does not say otherwise. */
export const DORTMUND_BOUNDS: [number, number, number, number] = [7.302, 51.415, 7.638, 51.6];

/** Space kept around the city in the whole-city view, in CSS px. */
export const HOME_PADDING_PX = 24;

export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Web Mercator y of a latitude, in units of the world's width. */
export function mercatorY(latitude: number): number {
  return (1 - Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360)) / Math.PI) / 2;
}

/** The latitude of a Web Mercator y (in units of the world's width): the inverse of mercatorY. */
export function latitudeOfMercatorY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** Width over height of an extent as the map draws it (Web Mercator). */
export function mercatorAspect([west, south, east, north]: readonly [number, number, number, number]): number {
  return (east - west) / 360 / (mercatorY(south) - mercatorY(north));
}

const CITY_ASPECT = mercatorAspect(DORTMUND_BOUNDS);

/**
 * The padding for the whole-city view. Controls along the map's right edge (the pan buttons) would lie
 * over the city's eastern districts. When the map is wide enough that its height decides the zoom, the
 * city moves left, out from under them, by up to `reservedRight` px: never so far that it has to shrink.
 * On a narrow map the width decides, there is no room to spare, and the padding stays even: on a phone or a
 * portrait screen the buttons then sit above the city; where they would still lie over it (a landscape tablet,
 * map about 640×700 px), homeLayout (panLayout.ts) turns them into a column. `coveredBottom` px at the bottom are
 * hidden by an overlay (a phone's bottom sheet): the city is lifted clear of it (liftAbove).
 */
export function homePadding(
  view: { width: number; height: number },
  reservedRight: number,
  coveredBottom = 0,
): Padding {
  const bottom = HOME_PADDING_PX + liftAbove(view, coveredBottom);
  const inner = { width: view.width - 2 * HOME_PADDING_PX, height: view.height - HOME_PADDING_PX - bottom };
  const spare = inner.width - inner.height * CITY_ASPECT;
  const shift = Math.max(0, Math.min(reservedRight, spare));
  return { top: HOME_PADDING_PX, bottom, left: HOME_PADDING_PX, right: HOME_PADDING_PX + shift };
}

/**
 * Extra bottom padding that keeps the whole-city view clear of `covered` px at the map's bottom. None when
 * the centred city already clears them (a phone's folded sheet: lifting the city would only put it under
 * the pan buttons). Otherwise just enough to lift it clear at the same size, if the map has that much room
 * above it; failing that, all of them, and the city is fitted, smaller, into the part left.
 */
function liftAbove(view: { width: number; height: number }, covered: number): number {
  if (covered <= 0) return 0;
  const inner = { width: view.width - 2 * HOME_PADDING_PX, height: view.height - 2 * HOME_PADDING_PX };
  const cityHeight = Math.min(inner.width / CITY_ASPECT, inner.height);
  const lift = (view.height + cityHeight) / 2 - (view.height - covered - HOME_PADDING_PX);
  if (lift <= 0) return 0;
  const room = (inner.height - cityHeight) / 2;
  // Padding moves the centre by half of itself: twice the lift moves the city up by the lift.
  return lift <= room ? 2 * lift : covered;
}

/** Space kept around a chosen district or neighbourhood when the camera fits it, in CSS px. */
export const AREA_PADDING_PX = 40;

/** The padding that fits a chosen area into the part of the map not hidden by an overlay at the bottom. */
export function areaPadding(coveredBottom: number): Padding {
  return {
    top: AREA_PADDING_PX,
    bottom: AREA_PADDING_PX + coveredBottom,
    left: AREA_PADDING_PX,
    right: AREA_PADDING_PX,
  };
}

/** MapLibre draws the world 512 px wide at zoom 0 (its tiles are 512 px). */
const WORLD_PX_AT_ZOOM_0 = 512;

/** The zoom at which the city's extent fills the view inside the padding (the zoom fitBounds would choose). */
export function fitZoom(view: { width: number; height: number }, padding: Padding): number {
  const [west, south, east, north] = DORTMUND_BOUNDS;
  const inner = {
    width: view.width - padding.left - padding.right,
    height: view.height - padding.top - padding.bottom,
  };
  const cityAtZoom0 = {
    width: ((east - west) / 360) * WORLD_PX_AT_ZOOM_0,
    height: (mercatorY(south) - mercatorY(north)) * WORLD_PX_AT_ZOOM_0,
  };
  return Math.log2(Math.min(inner.width / cityAtZoom0.width, inner.height / cityAtZoom0.height));
}

/**
 * The lowest zoom on a map with room for the whole city: it then fills a good part of the map, and there is
 * nothing to find further out.
 */
export const USUAL_MIN_ZOOM = 9;
/**
 * How far out a map too small for the whole city at USUAL_MIN_ZOOM may go: a partner's small iframe, a low
 * window, a phone on its side. The city is then about 122 × 108 px; smaller, its districts cannot be told apart.
 */
export const LOWEST_MIN_ZOOM = 8;
/**
 * Where the camera may look on a map with room for the whole city. Tall enough that a portrait screen (a
 * tablet, a portrait monitor: map about 2.5× as tall as wide) shows the whole city: MapLibre zooms in until
 * the view fits inside these bounds, and with 51.3–51.72 it cut off the city's west and east on a 768×1024
 * tablet. Inside the dimming mask's frame (cityMask.ts).
 */
export const USUAL_MAX_BOUNDS: readonly [number, number, number, number] = [7.0, 51.05, 7.95, 51.97];

export interface CameraLimits {
  minZoom: number;
  maxBounds: [west: number, south: number, east: number, north: number];
}

/** True when two limits hold the camera alike (a resize that changed neither need not render again). */
export function sameLimits(a: CameraLimits | null, b: CameraLimits): boolean {
  return a !== null && a.minZoom === b.minZoom && a.maxBounds.every((edge, index) => edge === b.maxBounds[index]);
}

/**
 * The zoom and the bounds the camera is held to, for a map of this size and the whole-city view's padding.
 * Where the city fits at USUAL_MIN_ZOOM, the usual limits. On a smaller map the lowest zoom goes down to the
 * one the whole-city view needs (not below LOWEST_MIN_ZOOM). The bounds always hold the whole-city view:
 * MapLibre zooms in until the view fits inside them, so too-small bounds cut the city off again (a wide,
 * low iframe).
 */
export function cameraLimits(view: { width: number; height: number }, padding: Padding): CameraLimits {
  // No number when the padding leaves no room at all (a map not laid out yet, or hidden): the lowest zoom.
  const fitted = fitZoom(view, padding);
  const wanted = Number.isNaN(fitted) ? LOWEST_MIN_ZOOM : fitted;
  // Rounded down, so the fit's own zoom is never below the limit by a rounding error.
  const minZoom = Math.min(USUAL_MIN_ZOOM, Math.max(LOWEST_MIN_ZOOM, Math.floor(wanted * 100) / 100));
  const [usualWest, usualSouth, usualEast, usualNorth] = USUAL_MAX_BOUNDS;
  const home = homeViewExtent(view, padding, Math.max(wanted, minZoom));
  return {
    minZoom,
    maxBounds: [
      Math.min(usualWest, home.west),
      Math.min(usualSouth, home.south),
      Math.max(usualEast, home.east),
      Math.max(usualNorth, home.north),
    ],
  };
}

/**
 * What the whole-city view shows at this zoom, a pixel wider on each side: the city's middle drawn in the
 * middle of the padded box (as fitBounds draws it, and fitHome at the lowest zoom).
 */
function homeViewExtent(view: { width: number; height: number }, padding: Padding, zoom: number) {
  const [west, south, east, north] = DORTMUND_BOUNDS;
  const worldPx = WORLD_PX_AT_ZOOM_0 * 2 ** zoom;
  const middle = {
    x: ((west + east) / 2 + 180) / 360,
    y: (mercatorY(south) + mercatorY(north)) / 2,
  };
  // The view's centre lies this far from the city's middle, in world units.
  const offset = {
    x: (padding.right - padding.left) / 2 / worldPx,
    y: (padding.bottom - padding.top) / 2 / worldPx,
  };
  const half = { x: (view.width / 2 + 1) / worldPx, y: (view.height / 2 + 1) / worldPx };
  return {
    west: (middle.x + offset.x - half.x) * 360 - 180,
    east: (middle.x + offset.x + half.x) * 360 - 180,
    north: latitudeOfMercatorY(middle.y + offset.y - half.y),
    south: latitudeOfMercatorY(middle.y + offset.y + half.y),
  };
}
