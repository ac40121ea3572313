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
 * portrait screen the buttons then sit above the city; on a landscape tablet (map about 640×700 px) they can
 * still touch its eastern edge, which is better than a smaller city.
 */
export function homePadding(view: { width: number; height: number }, reservedRight: number): Padding {
  const inner = { width: view.width - 2 * HOME_PADDING_PX, height: view.height - 2 * HOME_PADDING_PX };
  const spare = inner.width - inner.height * CITY_ASPECT;
  const shift = Math.max(0, Math.min(reservedRight, spare));
  return { top: HOME_PADDING_PX, bottom: HOME_PADDING_PX, left: HOME_PADDING_PX, right: HOME_PADDING_PX + shift };
}
