import { describe, expect, it } from 'vitest';
import { hotspotsToGeoJSON, validateHotspots } from '@/data/hotspots';
import { EMPTY_FILTERS, filterHotspots, type Filters } from '@/domain/filters';
import { buildSearchKeys, queryMatcher } from '@/domain/search';
import {
  initialBroadContents,
  planSourceUpdate,
  planSourcesUpdate,
  roleFor,
  sliceDiff,
  type HotspotCollection,
  type HotspotSourceRole,
  type SourceContents,
  type HotspotDiff,
  type HotspotFeature,
} from '@/map/hotspotSourceDiff';
import { readRawHotspots, realContext, searchContextFor } from '../fixtures/unit/realData';

const context = realContext();
const REAL = validateHotspots(readRawHotspots(), context).hotspots;
const GEOJSON = hotspotsToGeoJSON(REAL);
const KEYS = buildSearchKeys(REAL, searchContextFor(null, null));
const filters = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const passing = (current: Filters) => filterHotspots(REAL, current, queryMatcher(current.query, KEYS));

/**
 * A stand-in for what MapLibre keeps of a GeoJSON source with promoteId "id": its features by id, with a
 * diff applied in MapLibre's documented order (removeAll, remove, then add; an added id replaces).
 */
class SimulatedSource {
  readonly features = new Map<string, HotspotFeature>();
  apply(diff: HotspotDiff): void {
    if (diff.removeAll) this.features.clear();
    for (const id of diff.remove ?? []) this.features.delete(id);
    for (const feature of diff.add ?? []) this.features.set(feature.properties.id, feature);
  }
  ids(): string[] {
    return [...this.features.keys()].sort();
  }
}

const sortedIds = (items: readonly { id: string }[]) => items.map((item) => item.id).sort();

describe('initialBroadContents', () => {
  it('is the data set itself when everything passes (no copy for the usual start)', () => {
    const initial = initialBroadContents(GEOJSON, REAL);
    expect(initial.data).toBe(GEOJSON);
    expect(initial.count).toBe(REAL.length);
  });

  it('holds only the places that pass when a broad filter was set before the map loaded, and needs no diff then', () => {
    const existing = passing(filters({ statuses: ['existing'] }));
    const initial = initialBroadContents(GEOJSON, existing);
    expect(initial.role).toBe('broad');
    expect(sortedIds(initial.data.features.map((feature) => feature.properties))).toEqual(sortedIds(existing));
    expect(initial.data.features[0]).toBe(
      GEOJSON.features.find((f) => f.properties.id === initial.data.features[0]!.properties.id),
    );
    expect(planSourceUpdate(initial, GEOJSON, existing).diff).toBeNull();
    const widened = planSourceUpdate(initial, GEOJSON, REAL).diff;
    expect(widened?.add).toHaveLength(REAL.length - existing.length);
  });
});

describe('planSourceUpdate', () => {
  it('fills a new (empty) source with every place that passes, as the data set’s own feature objects', () => {
    const { diff, contents } = planSourceUpdate(null, GEOJSON, REAL);
    expect(diff?.removeAll).toBeUndefined();
    expect(diff?.remove).toBeUndefined();
    expect(diff?.add).toHaveLength(REAL.length);
    expect(diff?.add?.[0]).toBe(GEOJSON.features[0]);
    expect(contents.count).toBe(REAL.length);
  });

  it('fills a new source with only the filtered places when a filter was set before the map loaded', () => {
    const science = passing(filters({ categories: ['science'] }));
    expect(science.length).toBeGreaterThan(0);
    expect(science.length).toBeLessThan(REAL.length);
    const { diff } = planSourceUpdate(null, GEOJSON, science);
    expect(sortedIds((diff?.add ?? []).map((feature) => feature.properties))).toEqual(sortedIds(science));
  });

  it('finds places by the objects the data set was made from, and by id for anything else', () => {
    const science = REAL.filter((hotspot) => hotspot.category === 'science');
    const byObject = planSourceUpdate(null, GEOJSON, science).contents;
    // Copies of the same places (other objects, same ids), plus an id the data set does not have.
    const copies = [...science.map((hotspot) => ({ ...hotspot })), { ...REAL[0]!, id: 'not-in-the-data' }];
    const byId = planSourceUpdate(null, GEOJSON, copies).contents;
    expect(byId.count).toBe(science.length);
    expect(Array.from(byId.shown)).toEqual(Array.from(byObject.shown));
    expect(sortedIds(GEOJSON.features.filter((_, i) => byObject.shown[i] === 1).map((f) => f.properties))).toEqual(
      sortedIds(science),
    );
    // A collection that was not made by hotspotsToGeoJSON is looked up by id alone.
    const foreign: HotspotCollection = { type: 'FeatureCollection', features: [...GEOJSON.features].reverse() };
    const reversed = planSourceUpdate(null, foreign, science).contents;
    expect(reversed.count).toBe(science.length);
    expect(Array.from(reversed.shown).reverse()).toEqual(Array.from(byObject.shown));
  });

  it('flags the right features even when the places’ array was reordered after the collection was made', () => {
    const science = REAL.filter((hotspot) => hotspot.category === 'science');
    const expected = Array.from(planSourceUpdate(null, GEOJSON, science).contents.shown);
    const places = [...REAL];
    const collection = hotspotsToGeoJSON(places);
    places.reverse();
    expect(Array.from(planSourceUpdate(null, collection, science).contents.shown)).toEqual(expected);
  });

  it('sends nothing to a new source when nothing passes, and nothing when the target did not change', () => {
    expect(planSourceUpdate(null, GEOJSON, []).diff).toBeNull();
    const first = planSourceUpdate(null, GEOJSON, REAL);
    const again = planSourceUpdate(first.contents, GEOJSON, [...REAL].reverse());
    expect(again.diff).toBeNull();
    expect(again.contents).toBe(first.contents);
  });

  it('narrowing sends only the ids that leave; widening only the features that come back', () => {
    const all = planSourceUpdate(null, GEOJSON, REAL).contents;
    const science = REAL.filter((hotspot) => hotspot.category === 'science');
    const notScience = REAL.filter((hotspot) => hotspot.category !== 'science');
    // Most places stay: removing the few that leave is the cheaper change.
    expect(notScience.length).toBeGreaterThan(science.length * 2);
    const narrowed = planSourceUpdate(all, GEOJSON, notScience);
    expect(narrowed.diff?.add).toBeUndefined();
    expect(narrowed.diff?.removeAll).toBeUndefined();
    expect(sortedIds((narrowed.diff?.remove ?? []).map((id) => ({ id })))).toEqual(sortedIds(science));

    const widened = planSourceUpdate(narrowed.contents, GEOJSON, REAL);
    expect(widened.diff?.remove).toBeUndefined();
    expect(widened.diff?.removeAll).toBeUndefined();
    expect(sortedIds((widened.diff?.add ?? []).map((feature) => feature.properties))).toEqual(sortedIds(science));
  });

  it('a filter that keeps few of many empties the source and sends those few, not every id that leaves', () => {
    const all = planSourceUpdate(null, GEOJSON, REAL).contents;
    const aplerbeck = passing(filters({ district: 'aplerbeck' }));
    expect(aplerbeck.length).toBeGreaterThan(0);
    expect((REAL.length - aplerbeck.length) / aplerbeck.length).toBeGreaterThan(10);
    const { diff, contents } = planSourceUpdate(all, GEOJSON, aplerbeck);
    expect(diff?.removeAll).toBe(true);
    expect(diff?.remove).toBeUndefined();
    expect(sortedIds((diff?.add ?? []).map((feature) => feature.properties))).toEqual(sortedIds(aplerbeck));
    expect(diff?.add?.[0]).toBe(GEOJSON.features.find((feature) => feature.properties.id === aplerbeck[0]!.id));
    expect(contents.count).toBe(aplerbeck.length);
  });

  it('removes one by one while more than one place in ten stays', () => {
    const all = planSourceUpdate(null, GEOJSON, REAL).contents;
    // 6 stay, 45 leave: 6 × 10 ≥ 45.
    const six = REAL.slice(0, 6);
    const { diff } = planSourceUpdate(all, GEOJSON, six);
    expect(diff?.removeAll).toBeUndefined();
    expect(diff?.remove).toHaveLength(REAL.length - 6);
    expect(diff?.add).toBeUndefined();
    // 4 stay, 47 leave: 4 × 10 < 47.
    expect(planSourceUpdate(all, GEOJSON, REAL.slice(0, 4)).diff).toEqual({
      removeAll: true,
      add: REAL.slice(0, 4).map((hotspot) => GEOJSON.features.find((f) => f.properties.id === hotspot.id)),
    });
  });

  it('replaces everything when the data set changes (a reload), keeping the current filter', () => {
    const science = passing(filters({ categories: ['science'] }));
    const before = planSourceUpdate(null, GEOJSON, science).contents;
    const reloaded: HotspotCollection = hotspotsToGeoJSON(REAL);
    const { diff, contents } = planSourceUpdate(before, reloaded, science);
    expect(diff?.removeAll).toBe(true);
    expect(diff?.add).toHaveLength(science.length);
    expect(diff?.add?.[0]).toBe(reloaded.features.find((feature) => feature.properties.id === science[0]!.id));
    expect(contents.geojson).toBe(reloaded);
  });

  it('over a sequence of real filter changes, the source always holds exactly the places the list shows', () => {
    const sequence: Filters[] = [
      filters({ categories: ['science'] }),
      filters({ categories: ['science', 'culture'] }),
      filters({ district: 'hoerde' }),
      filters({ query: 'phönix' }),
      filters({ query: 'xylophonquartett' }),
      filters({ statuses: ['planned'], sectors: ['civic', 'municipal'] }),
      EMPTY_FILTERS,
      filters({ tags: ['research', 'startups'], query: 'dortmund' }),
      filters({ neighbourhood: 'city' }),
      EMPTY_FILTERS,
    ];
    const source = new SimulatedSource();
    let contents = null;
    const sizes: number[] = [];
    for (const current of sequence) {
      const target = passing(current);
      const update = planSourceUpdate(contents, GEOJSON, target);
      if (update.diff) source.apply(update.diff);
      contents = update.contents;
      sizes.push(target.length);
      expect(source.ids(), JSON.stringify(current)).toEqual(sortedIds(target));
    }
    // The sequence is not trivial: it empties the source, narrows it and fills it again.
    expect(sizes).toContain(0);
    expect(sizes.some((size) => size > 0 && size < REAL.length)).toBe(true);
    expect(sizes.at(-1)).toBe(REAL.length);
  });
});

describe('two sources: broad and narrow', () => {
  const half = Math.floor(REAL.length / 2);

  it('a result of at most half of the places goes to the narrow source, anything more to the broad one', () => {
    expect(roleFor(half, REAL.length)).toBe('narrow');
    expect(roleFor(half + 1, REAL.length)).toBe('broad');
    expect(roleFor(0, REAL.length)).toBe('narrow');
    expect(roleFor(REAL.length, REAL.length)).toBe('broad');
    // No places at all: the broad source (created with the empty data set) draws them.
    expect(roleFor(0, 0)).toBe('broad');
  });

  it('the broad source is created with every place, unless a broad filter was set before the map loaded', () => {
    const all = initialBroadContents(GEOJSON, REAL);
    expect(all.role).toBe('broad');
    expect(all.data).toBe(GEOJSON);

    const search = passing(filters({ query: 'phönix' }));
    expect(search.length).toBeGreaterThan(0);
    expect(search.length * 2).toBeLessThanOrEqual(REAL.length);
    const narrow = initialBroadContents(GEOJSON, search);
    // A narrow result is drawn by the other source: this one keeps every place for when it is cleared.
    expect(narrow.role).toBe('narrow');
    expect(narrow.data).toBe(GEOJSON);
    expect(narrow.count).toBe(REAL.length);

    const broadFilter = passing(filters({ statuses: ['existing'] }));
    expect(broadFilter.length * 2).toBeGreaterThan(REAL.length);
    expect(broadFilter.length).toBeLessThan(REAL.length);
    const broad = initialBroadContents(GEOJSON, broadFilter);
    expect(broad.role).toBe('broad');
    expect(sortedIds(broad.data.features.map((feature) => feature.properties))).toEqual(sortedIds(broadFilter));
  });

  it('taking a narrowing filter back sends nothing: the broad source still holds what it held', () => {
    const initial = initialBroadContents(GEOJSON, REAL);
    const search = passing(filters({ query: 'phönix' }));
    const narrowed = planSourcesUpdate({ broad: initial, narrow: null }, GEOJSON, search);
    expect(narrowed.role).toBe('narrow');
    expect(narrowed.diff?.add).toHaveLength(search.length);
    expect(narrowed.diff?.remove).toBeUndefined();

    const cleared = planSourcesUpdate({ broad: initial, narrow: narrowed.contents }, GEOJSON, REAL);
    expect(cleared.role).toBe('broad');
    expect(cleared.diff).toBeNull();
    expect(cleared.contents).toBe(initial);
  });

  it('over a sequence of real filter changes, the source drawn always holds exactly the places the list shows', () => {
    const sequence: Filters[] = [
      filters({ query: 'phönix' }),
      EMPTY_FILTERS,
      filters({ statuses: ['existing'] }),
      filters({ statuses: ['existing'], district: 'hoerde' }),
      filters({ statuses: ['existing'] }),
      filters({ categories: ['science'] }),
      filters({ query: 'xylophonquartett' }),
      filters({ neighbourhood: 'city' }),
      EMPTY_FILTERS,
      filters({ tags: ['research', 'startups'], query: 'dortmund' }),
      EMPTY_FILTERS,
    ];
    const initial = initialBroadContents(GEOJSON, REAL);
    const sources = { broad: new SimulatedSource(), narrow: new SimulatedSource() };
    sources.broad.apply({ add: initial.data.features });
    let contents: Record<HotspotSourceRole, SourceContents | null> = { broad: initial, narrow: null };
    const roles: HotspotSourceRole[] = [];
    const sent: number[] = [];
    for (const current of sequence) {
      const target = passing(current);
      const { role, diff, contents: updated } = planSourcesUpdate(contents, GEOJSON, target);
      if (diff) sources[role].apply(diff);
      contents = { ...contents, [role]: updated };
      roles.push(role);
      sent.push((diff?.add?.length ?? 0) + (diff?.remove?.length ?? 0));
      expect(sources[role].ids(), JSON.stringify(current)).toEqual(sortedIds(target));
    }
    // Both sources took turns. Back to all places after narrow filters only (steps 1 and 10) sent nothing;
    // at step 8 the broad source still held the status filter of steps 2–4, and got only the rest back.
    expect(roles).toContain('narrow');
    expect(roles).toContain('broad');
    expect(sent[1]).toBe(0);
    expect(sent[10]).toBe(0);
    expect(sent[8]).toBe(REAL.length - passing(filters({ statuses: ['existing'] })).length);
  });
});

describe('sliceDiff', () => {
  const features = GEOJSON.features;

  it('leaves a diff with few additions whole', () => {
    const diff: HotspotDiff = { remove: ['a'], add: features.slice(0, 5) };
    expect(sliceDiff(diff, 5)).toEqual([diff]);
    expect(sliceDiff({ removeAll: true }, 5)).toEqual([{ removeAll: true }]);
  });

  it('cuts the additions into slices of at most the given size, the removals in the first', () => {
    const diff: HotspotDiff = { removeAll: true, remove: ['x'], add: features.slice(0, 23) };
    const slices = sliceDiff(diff, 10);
    expect(slices.map((slice) => slice.add?.length)).toEqual([10, 10, 3]);
    expect(slices[0]).toMatchObject({ removeAll: true, remove: ['x'] });
    expect(slices.slice(1).every((slice) => !slice.removeAll && !slice.remove)).toBe(true);
    // Applied in order, the slices do what the whole diff does.
    const whole = new SimulatedSource();
    const sliced = new SimulatedSource();
    for (const source of [whole, sliced]) source.apply({ add: features.slice(20, 40) });
    whole.apply(diff);
    for (const slice of slices) sliced.apply(slice);
    expect(sliced.ids()).toEqual(whole.ids());
  });
});
