import type { Feature, FeatureCollection, Point } from 'geojson';
import { placesOf, type HotspotFeatureProperties } from '@/data/hotspots';

export type HotspotFeature = Feature<Point, HotspotFeatureProperties>;
export type HotspotCollection = FeatureCollection<Point, HotspotFeatureProperties>;

/**
 * What a clustered source holds: the data set its features come from, and one flag per feature of that
 * data set (1 = in the source). Flags by position instead of a set of ids: at 100,000 places, comparing
 * two filter states is one pass over two byte arrays, where string sets took 20–100 ms.
 */
export interface SourceContents {
  geojson: HotspotCollection;
  shown: Uint8Array;
  /** How many flags are set. */
  count: number;
}

/** The shape of MapLibre's GeoJSONSourceDiff that this module produces (ids are the promoted `id`). */
export interface HotspotDiff {
  removeAll?: true;
  remove?: string[];
  add?: HotspotFeature[];
}

export interface SourceUpdate {
  /** Null when the source already holds exactly the target. */
  diff: HotspotDiff | null;
  contents: SourceContents;
}

/**
 * Where each place's feature is in the data set. A data set made from places (hotspotsToGeoJSON) is
 * looked up by the place object, which filter results are made of: at 100,000 places, 50,000 lookups by
 * object took ~20 ms in Node where lookups by the (long, parsed) id strings took ~90 ms. Anything else
 * is looked up by id.
 */
class PositionIndex {
  private readonly byPlace: WeakMap<object, number> | null = null;
  private byId: Map<string, number> | null = null;

  constructor(private readonly geojson: HotspotCollection) {
    const places = placesOf(geojson);
    if (places?.length !== geojson.features.length) return;
    // Checked once, in order (cheap): were the places' array changed after the collection was made, the
    // lookups fall back to ids instead of flagging the wrong features. Checking at each lookup instead
    // tripled its cost (a random access to the feature).
    const byPlace = new WeakMap<object, number>();
    for (let position = 0; position < places.length; position += 1) {
      const place = places[position]!;
      if (geojson.features[position]?.properties.id !== place.id) return;
      byPlace.set(place, position);
    }
    this.byPlace = byPlace;
  }

  of(item: { id: string }): number | undefined {
    const position = this.byPlace?.get(item);
    if (position !== undefined) return position;
    this.byId ??= new Map(this.geojson.features.map((feature, index) => [feature.properties.id, index]));
    return this.byId.get(item.id);
  }
}

const indexes = new WeakMap<HotspotCollection, PositionIndex>();

/** The position index of a data set: built once (ahead of time: prepareDiffs). */
function positions(geojson: HotspotCollection): PositionIndex {
  let index = indexes.get(geojson);
  if (!index) {
    index = new PositionIndex(geojson);
    indexes.set(geojson, index);
  }
  return index;
}

/** Builds the index the diffs look features up in, so the first filter change does not have to. */
export function prepareDiffs(geojson: HotspotCollection): void {
  positions(geojson);
}

/** The flags for the target places (ids the data set does not have are left out). */
function flagsFor(geojson: HotspotCollection, target: readonly { id: string }[]): SourceContents {
  const index = positions(geojson);
  const shown = new Uint8Array(geojson.features.length);
  let count = 0;
  for (const hotspot of target) {
    const position = index.of(hotspot);
    if (position !== undefined && shown[position] === 0) {
      shown[position] = 1;
      count += 1;
    }
  }
  return { geojson, shown, count };
}

function flaggedFeatures({ geojson, shown }: SourceContents): HotspotFeature[] {
  const features: HotspotFeature[] = [];
  geojson.features.forEach((feature, position) => {
    if (shown[position] === 1) features.push(feature);
  });
  return features;
}

/** What a source created now gets as its data: the flagged places, and their flags. */
function withData(contents: SourceContents): SourceContents & { data: HotspotCollection } {
  const { geojson } = contents;
  // Everything passes (the usual start): the data set itself, no copy.
  if (contents.count === geojson.features.length) return { ...contents, data: geojson };
  return { ...contents, data: { type: 'FeatureCollection', features: flaggedFeatures(contents) } };
}

/**
 * A removal costs the interaction's own task a copy of a short id for MapLibre's worker and a later task
 * its lookup and deletion in MapLibre's copy of the data; a place sent again costs the interaction's task
 * a copy of its whole feature, several times as much (measured at 100,000 places: 92,000 removals 85 ms
 * in the later task, about 2 µs to copy one lean feature). Emptying the source and sending the places that
 * stay is therefore worth it only when few of them stay.
 */
const REFILL_WHEN_LEAVING_PER_KEPT = 10;

/**
 * The change that takes a clustered source from what it holds to the places that pass the filters.
 *
 * Why a diff: a GeoJSON source's filter cannot be changed in place, and re-creating the source copies every
 * place to MapLibre's worker again (about 0.4 s of structured clone at 100,000 places, on the main thread).
 * A diff copies only the ids that leave and the features that come back; the worker re-clusters off the
 * main thread. When a filter keeps only a few places of many (a search, a small district), emptying the
 * source and sending those few is cheaper than removing all the others one by one. `current` is null for a
 * source that holds nothing; a new data set replaces everything.
 */
export function planSourceUpdate(
  current: SourceContents | null,
  geojson: HotspotCollection,
  target: readonly { id: string }[],
): SourceUpdate {
  return planFromFlags(current, flagsFor(geojson, target));
}

function planFromFlags(current: SourceContents | null, next: SourceContents): SourceUpdate {
  const { geojson } = next;
  if (current === null || current.geojson !== geojson) {
    const add = next.count === geojson.features.length ? [...geojson.features] : flaggedFeatures(next);
    const diff: HotspotDiff = current === null ? { add } : { removeAll: true, add };
    return { diff: current === null && add.length === 0 ? null : diff, contents: next };
  }

  let kept = 0;
  let leaving = 0;
  let coming = 0;
  for (let position = 0; position < next.shown.length; position += 1) {
    const was = current.shown[position] === 1;
    const is = next.shown[position] === 1;
    if (was && is) kept += 1;
    else if (was) leaving += 1;
    else if (is) coming += 1;
  }
  if (leaving === 0 && coming === 0) return { diff: null, contents: current };
  if (kept * REFILL_WHEN_LEAVING_PER_KEPT < leaving) {
    return { diff: { removeAll: true, add: flaggedFeatures(next) }, contents: next };
  }
  const remove: string[] = [];
  const add: HotspotFeature[] = [];
  geojson.features.forEach((feature, position) => {
    const was = current.shown[position] === 1;
    const is = next.shown[position] === 1;
    if (was && !is) remove.push(feature.properties.id);
    else if (is && !was) add.push(feature);
  });
  const diff: HotspotDiff = {};
  if (remove.length > 0) diff.remove = remove;
  if (add.length > 0) diff.add = add;
  return { diff, contents: next };
}

/**
 * The map draws the places from one of two clustered sources. The broad one is created with every place
 * (or, when a broad filter was set before the map loaded, with the places that pass) and follows filters
 * that keep more than half of the places. The narrow one starts empty and only ever holds filter results
 * of at most half of the places: a search, a district, a single category.
 *
 * Why two: taking a filter back re-sends every place it had hidden to MapLibre's worker, and at 100,000
 * places clearing a search that way was a 240–270 ms task (MapLibre serialising ~96,000 features, then
 * their structured clone). With a narrow source, a narrowing filter goes there and leaves the broad
 * source as it was, so taking it back costs only a swap of the layers drawn. The narrow source's diffs
 * hold at most half of the places; the broad source's only what one broad filter changes against another.
 */
export type HotspotSourceRole = 'broad' | 'narrow';

/** Which source holds a filter result of `count` of `total` places. */
export function roleFor(count: number, total: number): HotspotSourceRole {
  return total > 0 && count * 2 <= total ? 'narrow' : 'broad';
}

/**
 * What the broad source is created with: the places that pass, or every place when at most half of them
 * pass (the narrow source then draws those, filled by the first update). `role` is the source drawn first.
 */
export function initialBroadContents(
  geojson: HotspotCollection,
  target: readonly { id: string }[],
): SourceContents & { data: HotspotCollection; role: HotspotSourceRole } {
  const passing = flagsFor(geojson, target);
  const role = roleFor(passing.count, geojson.features.length);
  if (role === 'broad') return { ...withData(passing), role };
  const every = { geojson, shown: new Uint8Array(geojson.features.length).fill(1), count: geojson.features.length };
  return { ...withData(every), role };
}

export interface SourcesUpdate extends SourceUpdate {
  /** The source that gets the diff and then draws the places. */
  role: HotspotSourceRole;
}

/**
 * The change that brings the places that pass onto the map: which source draws them, and the diff that
 * source needs from what it holds now (null when it already holds them: a filter taken back).
 */
export function planSourcesUpdate(
  current: Record<HotspotSourceRole, SourceContents | null>,
  geojson: HotspotCollection,
  target: readonly { id: string }[],
): SourcesUpdate {
  const next = flagsFor(geojson, target);
  const role = roleFor(next.count, geojson.features.length);
  return { role, ...planFromFlags(current[role], next) };
}

/**
 * A diff cut into diffs of at most `size` added places each, to be sent one after the other: MapLibre
 * serialises a diff and copies it to its worker in one task (at 100,000 places, 14,000 features took
 * 45–110 ms), so a large one is a long task. The removals go with the first slice.
 */
export function sliceDiff(diff: HotspotDiff, size: number): HotspotDiff[] {
  const add = diff.add ?? [];
  if (add.length <= size) return [diff];
  const slices: HotspotDiff[] = [];
  for (let start = 0; start < add.length; start += size) slices.push({ add: add.slice(start, start + size) });
  const first = slices[0];
  if (first) {
    if (diff.removeAll) first.removeAll = true;
    if (diff.remove) first.remove = diff.remove;
  }
  return slices;
}
