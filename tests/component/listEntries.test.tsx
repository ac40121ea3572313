import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { inBBox, type BBox } from '@/data/geo';
import { useFiltered, FilteredViewProvider } from '@/state/FilteredView';
import { useListEntries, type ListEntry } from '@/state/derived';
import { useHotspotsByName } from '@/state/selectors';
import { useAppStore } from '@/state/store';
import { resetStore, storeWithRealData } from '../fixtures/unit/realStore';

/** The list's entries and the places in name order, as the list sees them. */
function renderEntries() {
  return renderHook(() => ({ entries: useListEntries(useFiltered()), byName: useHotspotsByName() }), {
    wrapper: FilteredViewProvider,
  });
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
      useAppStore.setState({ onlyVisible: true, viewBounds: centre, userLocation: [7.465, 51.514], sortBy: 'distance' });
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
