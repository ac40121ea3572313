import { inBBox, type BBox, type LngLat } from '@/data/geo';
import type { Hotspot } from '@/domain/hotspot';

export interface ListEntry {
  hotspot: Hotspot;
  /**
   * The place's row key: its position in name order, the same whatever the filters. A number, not the
   * id: the virtualiser looks up every row's key whenever the count changes, and at 50,000 rows that
   * took ~52 ms with the (long) id strings against ~2.5 ms with numbers (Node, TanStack's loop).
   */
  key: number;
  distance: number | null;
}

/**
 * The list as shown, row by row. Rows are handed out on demand (`at`), not made up front: at 100,000
 * places an object per row on every keystroke was ~230 ms of the main thread's time while typing (and
 * its garbage), for a list that shows a dozen rows at a time.
 */
export interface ListRows {
  length: number;
  at: (index: number) => ListEntry | undefined;
  /** Row i's key (ListEntry.key), without making the row. */
  keyAt: (index: number) => number;
}

export interface ListScope {
  /** Only the places inside this extent (the map's view), or all. */
  viewBounds: BBox | null;
  /** Where the resident is: distances are shown, and may order the list. */
  userLocation: LngLat | null;
  sortBy: 'name' | 'distance';
  /**
   * The text search's MatchRank per place, indexed by the place's position in name order (its row key), or
   * null without a search. In name order the better matches come first.
   */
  ranks?: Uint8Array | null;
}

/** Distance in metres on the sphere; exact enough for sorting places within a city. */
export function distanceMetres([lon1, lat1]: LngLat, [lon2, lat2]: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

/**
 * The rows for the filtered places (`matching`, in name order, and their positions in name order):
 * optionally only those in the map's view, then sorted by distance or, by name, with the better search
 * matches first. Both sorts are stable: equal distances and equal ranks stay in name order. Without a view
 * limit or a new order, the filter's own arrays are used as they are, with no copy.
 */
export function buildListRows(
  matching: readonly Hotspot[],
  positions: readonly number[],
  { viewBounds, userLocation, sortBy, ranks = null }: ListScope,
): ListRows {
  let hotspots = matching;
  // applyFilters gives a position for every match; should a caller not, each row is keyed by its place in
  // `matching` instead (still unique), so the steps below never meet a missing key.
  const keyedByPosition = positions.length === matching.length;
  let keys: readonly number[] = keyedByPosition ? positions : matching.map((_, index) => index);
  if (viewBounds) {
    const inView: Hotspot[] = [];
    const inViewKeys: number[] = [];
    matching.forEach((hotspot, index) => {
      if (!inBBox(hotspot.lngLat, viewBounds)) return;
      inView.push(hotspot);
      inViewKeys.push(keys[index]!);
    });
    hotspots = inView;
    keys = inViewKeys;
  }
  let distances: Float64Array | null = userLocation
    ? Float64Array.from(hotspots, (hotspot) => distanceMetres(userLocation, hotspot.lngLat))
    : null;
  const order =
    sortBy === 'distance' && distances ? byDistance(distances) : ranks && keyedByPosition ? byRank(keys, ranks) : null;
  if (order) {
    const unsorted = { hotspots, keys, distances };
    hotspots = order.map((index) => unsorted.hotspots[index]!);
    keys = order.map((index) => unsorted.keys[index]!);
    distances = unsorted.distances && Float64Array.from(order, (index) => unsorted.distances![index]!);
  }
  const keyAt = (index: number) => keys[index]!;
  return {
    length: hotspots.length,
    keyAt,
    at: (index) => {
      const hotspot = hotspots[index];
      if (!hotspot) return undefined;
      return { hotspot, key: keyAt(index), distance: distances ? (distances[index] ?? null) : null };
    },
  };
}

/** How many of the places lie inside the extent; without one, all of them. */
export function countInView(hotspots: readonly Hotspot[], viewBounds: BBox | null): number {
  if (!viewBounds) return hotspots.length;
  let count = 0;
  for (const hotspot of hotspots) if (inBBox(hotspot.lngLat, viewBounds)) count += 1;
  return count;
}

function byDistance(distances: Float64Array): number[] {
  return [...distances.keys()].sort((a, b) => distances[a]! - distances[b]!);
}

/** Rows 0…n−1 with the best rank first, name order kept within a rank; null when all ranks are equal. */
function byRank(keys: readonly number[], ranks: Uint8Array): number[] | null {
  // A counting sort: at 100,000 matches a comparison sort on every keystroke would cost tens of ms.
  const perRank = new Uint32Array(256);
  for (const key of keys) perRank[ranks[key] ?? 0]! += 1;
  if (perRank.some((count) => count === keys.length)) return null;
  const start = new Uint32Array(256);
  for (let rank = 254; rank >= 0; rank -= 1) start[rank] = start[rank + 1]! + perRank[rank + 1]!;
  const order = new Array<number>(keys.length);
  keys.forEach((key, row) => {
    const rank = ranks[key] ?? 0;
    order[start[rank]!] = row;
    start[rank]! += 1;
  });
  return order;
}
