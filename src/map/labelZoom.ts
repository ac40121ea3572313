import type { LngLat } from '@/data/geo';
import { mercatorFraction } from './tiles';

/**
 * From which zoom the map writes the places' names. MapLibre lays out and places every name of a tile
 * on the main thread, before it can tell which of them fit: a 512 px tile has room for about 130 names,
 * and a tile with 3,400 candidates (the densest zoom-15 tile at 100,000 places) took 230–300 ms per
 * selection (measured with the bench's select probe; without names: 0–74 ms). So names start at the
 * first zoom at which no tile holds more than MAX_NAMES_PER_TILE places: at once for real data, later
 * for a city a hundred times as full, where the names of the dense centre would be unreadable anyway.
 */

/** About four times as many names as fit in a tile: enough choice for the placement, bounded work. */
export const MAX_NAMES_PER_TILE = 500;

export interface LabelZoomOptions {
  /** The names' zoom when density is no concern (the label layer's own minzoom). */
  defaultMinZoom: number;
  /** The first zoom at which every place is drawn on its own (the clustered source's maxzoom + 1). */
  firstSingleZoom: number;
  /** Names start at this zoom at the latest, however dense the data. */
  maxZoom: number;
  maxPerTile?: number;
}

/** The label layer's minzoom for these places (see the module comment). */
export function labelMinZoom(points: readonly LngLat[], options: LabelZoomOptions): number {
  const { defaultMinZoom, firstSingleZoom, maxZoom, maxPerTile = MAX_NAMES_PER_TILE } = options;
  // Below firstSingleZoom the clusters hold the dense parts, so only zooms from there on are counted.
  if (points.length <= maxPerTile) return defaultMinZoom;
  const xs = new Float64Array(points.length);
  const ys = new Float64Array(points.length);
  points.forEach((point, index) => {
    [xs[index], ys[index]] = mercatorFraction(point);
  });
  for (let zoom = firstSingleZoom; zoom < maxZoom; zoom += 1) {
    if (densestTile(xs, ys, zoom) <= maxPerTile) return zoom === firstSingleZoom ? defaultMinZoom : zoom;
  }
  return maxZoom;
}

/** How many points the fullest tile of this zoom holds. */
function densestTile(xs: Float64Array, ys: Float64Array, zoom: number): number {
  const scale = 2 ** zoom;
  const counts = new Map<number, number>();
  let densest = 0;
  for (let index = 0; index < xs.length; index += 1) {
    const key = Math.floor((xs[index] ?? 0) * scale) * scale + Math.floor((ys[index] ?? 0) * scale);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > densest) densest = count;
  }
  return densest;
}
