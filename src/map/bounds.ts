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
