import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { inBBox, type BBox } from '@/data/geo';
import type { Hotspot } from '@/domain/hotspot';
import { MatchRank } from '@/domain/search';
import { useFiltered, FilteredViewProvider } from '@/state/FilteredView';
import { useListRows } from '@/state/derived';
import { buildListRows, countInView, type ListEntry, type ListRows } from '@/state/listRows';
import { useHotspotsByName } from '@/state/selectors';
import { useAppStore } from '@/state/store';
import { resetStore, storeWithRealData } from '../fixtures/unit/realStore';

function entriesOf(rows: ListRows): ListEntry[] {
  return Array.from({ length: rows.length }, (_, index) => {
    const entry = rows.at(index);
    if (!entry) throw new Error(`no row ${index} of ${rows.length}`);
    expect(rows.keyAt(index)).toBe(entry.key);
    return entry;
  });
}

/** The list's entries and the places in name order, as the list sees them. */
function renderEntries() {
  return renderHook(
    () => {
      const filtered = useFiltered();
      return { entries: entriesOf(useListRows(filtered)), byName: useHotspotsByName(), ranks: filtered.ranks };
    },
    { wrapper: FilteredViewProvider },
  );
}

const keysById = (entries: readonly ListEntry[]) => new Map(entries.map((entry) => [entry.hotspot.id, entry.key]));

describe('the list’s row keys', () => {
  beforeEach(async () => {
    await storeWithRealData();
  });
  afterEach(() => act(resetStore));

  it('are each place’s position in name order: whole numbers, one per place', () => {
    const { result } = renderEntries();
    const { entries, byName } = result.current;
    expect(entries.length).toBe(byName.length);
    entries.forEach((entry) => expect(byName[entry.key]).toBe(entry.hotspot));
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(entries.length);
  });

  it('stay with their place when a filter, the map view or the sort order changes the list', () => {
    const { result } = renderEntries();
    const all = keysById(result.current.entries);

    act(() => useAppStore.getState().updateFilters({ categories: ['science'] }));
    const science = result.current.entries;
    expect(science.length).toBeGreaterThan(0);
    expect(science.length).toBeLessThan(all.size);
    for (const entry of science) expect(entry.key).toBe(all.get(entry.hotspot.id));

    // Only the places in a view over the city centre, sorted by distance from a point in it.
    const centre: BBox = [7.44, 51.5, 7.49, 51.53];
    act(() => {
      useAppStore.getState().resetFilters();
      useAppStore.setState({
        onlyVisible: true,
        viewBounds: centre,
        userLocation: [7.465, 51.514],
        sortBy: 'distance',
      });
    });
    const nearby = result.current.entries;
    expect(nearby.length).toBeGreaterThan(1);
    expect(nearby.every((entry) => inBBox(entry.hotspot.lngLat, centre))).toBe(true);
    expect(nearby.map((entry) => entry.distance)).toEqual(
      [...nearby.map((entry) => entry.distance)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    for (const entry of nearby) expect(entry.key).toBe(all.get(entry.hotspot.id));
  });
});

describe('the list with a text search', () => {
  beforeEach(async () => {
    await storeWithRealData();
  });
  afterEach(() => act(resetStore));

  it('shows the best matches first, each rank in name order, and each row keeps its key', async () => {
    const { result } = renderEntries();
    const all = keysById(result.current.entries);
    act(() => useAppStore.getState().updateFilters({ query: 'TU Dortmund' }));
    await waitFor(() => expect(result.current.entries.length).toBeLessThan(all.size));
    const found = result.current.entries;
    expect(found.length).toBeGreaterThan(10);
    // Without ranks the university came 30th of 37: most places say "Dortmund", and "Kultur" contains "tu".
    expect(found[0]?.hotspot.id).toBe('tu-dortmund');
    // The rest: those with "tu" as a word ahead of those with it only inside one, each rank in name order.
    const ranks = result.current.ranks;
    if (!ranks) throw new Error('no ranks while a search runs');
    const rest = found.slice(1).map((entry) => ({ rank: ranks[entry.key]!, key: entry.key }));
    expect(new Set(rest.map((entry) => entry.rank))).toEqual(new Set([MatchRank.wordsElsewhere, MatchRank.elsewhere]));
    expect(rest).toEqual([...rest].sort((a, b) => b.rank - a.rank || a.key - b.key));
    for (const entry of found) expect(entry.key).toBe(all.get(entry.hotspot.id));
  });

  it('orders by distance, not by rank, when the resident chose distance', async () => {
    const { result } = renderEntries();
    act(() => {
      useAppStore.getState().updateFilters({ query: 'Dortmund' });
      useAppStore.setState({ userLocation: [7.465, 51.514], sortBy: 'distance' });
    });
    await waitFor(() => expect(result.current.entries[0]?.distance).not.toBeNull());
    const distances = result.current.entries.map((entry) => entry.distance ?? -1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});

describe('buildListRows', () => {
  const place = (id: string, lngLat: [number, number]) => ({ id, lngLat }) as unknown as Hotspot;
  const places = [
    place('a', [7.45, 51.51]),
    place('b', [7.5, 51.5]),
    place('c', [7.45, 51.51]),
    place('d', [7.3, 51.6]),
  ];
  const positions = [3, 5, 8, 9];
  const ids = (rows: ListRows) => Array.from({ length: rows.length }, (_, i) => rows.at(i)?.hotspot.id);

  it('uses the filter’s arrays as they are when neither the view nor a location limits or orders them', () => {
    const rows = buildListRows(places, positions, { viewBounds: null, userLocation: null, sortBy: 'distance' });
    expect(rows.length).toBe(4);
    expect(rows.at(2)).toEqual({ hotspot: places[2], key: 8, distance: null });
    expect(rows.at(4)).toBeUndefined();
  });

  it('keeps only the places in view, and sorts by distance stably, each with its own key', () => {
    const scope = { viewBounds: [7.4, 51.45, 7.55, 51.55] as BBox, userLocation: [7.5, 51.5] as [number, number] };
    const byName = buildListRows(places, positions, { ...scope, sortBy: 'name' });
    expect(ids(byName)).toEqual(['a', 'b', 'c']);
    expect(byName.at(1)?.distance).toBe(0);
    const byDistance = buildListRows(places, positions, { ...scope, sortBy: 'distance' });
    // b is where the resident is; a and c share a spot and keep their name order.
    expect(ids(byDistance)).toEqual(['b', 'a', 'c']);
    expect([0, 1, 2].map((i) => byDistance.keyAt(i))).toEqual([5, 3, 8]);
    expect(byDistance.at(1)?.distance).toBeCloseTo(byDistance.at(2)?.distance ?? -1, 6);
  });

  it('counts the places in view as many as the list keeps (the search link’s number)', () => {
    const view: BBox = [7.4, 51.45, 7.55, 51.55];
    expect(countInView(places, view)).toBe(3);
    expect(countInView(places, view)).toBe(
      buildListRows(places, positions, { viewBounds: view, userLocation: null, sortBy: 'name' }).length,
    );
    expect(countInView(places, [8, 52, 8.1, 52.1])).toBe(0);
    expect(countInView(places, null)).toBe(4);
  });

  it('keys rows by their place in the matches when the positions do not line up with them', () => {
    const scope = { viewBounds: [7.4, 51.45, 7.55, 51.55] as BBox, userLocation: [7.5, 51.5] as [number, number] };
    const rows = buildListRows(places, positions.slice(0, 2), { ...scope, sortBy: 'distance' });
    expect(ids(rows)).toEqual(['b', 'a', 'c']);
    expect(entriesOf(rows).map((entry) => entry.key)).toEqual([1, 0, 2]);
  });

  it('puts the better search ranks first by name, keeping name order within a rank and each row its key', () => {
    const ranks = new Uint8Array(10);
    ranks[3] = MatchRank.elsewhere;
    ranks[5] = MatchRank.nameStart;
    ranks[8] = MatchRank.elsewhere;
    ranks[9] = MatchRank.inName;
    const scope = { viewBounds: null, userLocation: null, ranks };
    const rows = buildListRows(places, positions, { ...scope, sortBy: 'name' });
    expect(ids(rows)).toEqual(['b', 'd', 'a', 'c']);
    expect(entriesOf(rows).map((entry) => entry.key)).toEqual([5, 9, 3, 8]);
    // "Distance" without a location (the store never keeps that pair) has nothing to sort by: ranks order.
    expect(ids(buildListRows(places, positions, { ...scope, sortBy: 'distance' }))).toEqual(['b', 'd', 'a', 'c']);
    // With a location, distance orders on its own: b is where the resident is, a and c share a spot.
    const near = buildListRows(places, positions, { ...scope, userLocation: [7.5, 51.5], sortBy: 'distance' });
    expect(ids(near)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('leaves the filter’s arrays as they are when every match has the same rank', () => {
    const ranks = new Uint8Array(10).fill(MatchRank.elsewhere);
    const rows = buildListRows(places, positions, { viewBounds: null, userLocation: null, sortBy: 'name', ranks });
    expect(ids(rows)).toEqual(['a', 'b', 'c', 'd']);
  });
});
