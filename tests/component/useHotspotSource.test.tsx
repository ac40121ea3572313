import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { MapRef } from 'react-map-gl/maplibre';
import type { HotspotDiff } from '@/map/hotspotSourceDiff';
import { SOURCE_IDS } from '@/map/layers';
import { useHotspotSource, type HotspotSource } from '@/map/useHotspotSource';
import { FilteredViewProvider } from '@/state/FilteredView';
import { useAppStore } from '@/state/store';
import { storeWithRealData } from '../fixtures/unit/realStore';

/** A GeoJSON source as far as the hook uses it: each diff is held until the test lets the "worker" finish. */
class FakeSource {
  readonly diffs: HotspotDiff[] = [];
  private readonly finish: (() => void)[] = [];
  updateData(diff: HotspotDiff): Promise<void> {
    this.diffs.push(diff);
    return new Promise((resolve) => this.finish.push(resolve));
  }
  /** The worker is done with every diff sent so far. */
  finishAll(): void {
    for (const resolve of this.finish.splice(0)) resolve();
  }
  /** The diffs that carried places (not the empty one that prepares MapLibre's index). */
  realDiffs(): HotspotDiff[] {
    return this.diffs.filter((diff) => Object.keys(diff).length > 0);
  }
}

/** The map's `once`/`off` for the idle event, fired by the test. */
class FakeMap {
  private idle = new Set<() => void>();
  once(_event: 'idle', listener: () => void) {
    this.idle.add(listener);
  }
  off(_event: 'idle', listener: () => void) {
    this.idle.delete(listener);
  }
  fireIdle() {
    const listeners = [...this.idle];
    this.idle.clear();
    for (const listener of listeners) listener();
  }
}

let broad: FakeSource;
let narrow: FakeSource;
let map: FakeMap;
let result: { current: HotspotSource };

/**
 * Lets the hook's sync task (a zero timeout), the zero timeout before each update it sends, and the
 * promises between them run. Zero timeouts in a chain, not a wait of a few ms: each of ours is queued
 * after the hook's timeout of the same round, whatever the machine's load. (A 5 ms wait failed now and
 * then while a benchmark ran: the hook's second timeout was queued more than 5 ms after ours.)
 */
async function settle() {
  await act(async () => {
    for (let round = 0; round < 4; round += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

beforeEach(async () => {
  await storeWithRealData();
  broad = new FakeSource();
  narrow = new FakeSource();
  map = new FakeMap();
  const sources: Record<string, FakeSource> = { [SOURCE_IDS.hotspots]: broad, [SOURCE_IDS.hotspotsNarrow]: narrow };
  const mapRef = {
    current: { getSource: (id: string) => sources[id], getMap: () => map } as unknown as MapRef,
  };
  ({ result } = renderHook(
    () =>
      useHotspotSource(
        mapRef,
        useAppStore((state) => state.data.hotspotGeoJSON),
      ),
    { wrapper: FilteredViewProvider },
  ));
  await settle();
});

afterEach(() => {
  map.fireIdle();
});

describe('useHotspotSource: the broad and the narrow source', () => {
  it('draws the broad source, created with every place, and sends nothing at the start', () => {
    expect(result.current.data?.features).toHaveLength(useAppStore.getState().data.hotspots?.length ?? -1);
    expect(result.current.drawn).toEqual({ broad: true, narrow: false });
    expect(broad.realDiffs()).toEqual([]);
    expect(narrow.diffs).toEqual([]);
  });

  it('changes over to the narrow source only once it holds the result, and keeps both drawn until the map is idle', async () => {
    act(() => useAppStore.getState().updateFilters({ categories: ['science'] }));
    await settle();
    const science = useAppStore.getState().data.hotspots?.filter((hotspot) => hotspot.category === 'science') ?? [];
    expect(narrow.diffs).toHaveLength(1);
    expect(narrow.diffs[0]?.add?.map((feature) => feature.properties.id).sort()).toEqual(
      science.map((hotspot) => hotspot.id).sort(),
    );
    // The worker has not finished: the broad source is still the one drawn.
    expect(result.current.drawn).toEqual({ broad: true, narrow: false });

    await act(async () => narrow.finishAll());
    // Both, so the places never vanish while the narrow source's tiles load.
    expect(result.current.drawn).toEqual({ broad: true, narrow: true });
    act(() => map.fireIdle());
    expect(result.current.drawn).toEqual({ broad: false, narrow: true });

    // Taken back: nothing is sent, the broad source is drawn again at once (and alone once idle).
    act(() => useAppStore.getState().updateFilters({ categories: [] }));
    await settle();
    expect(broad.realDiffs()).toEqual([]);
    expect(narrow.diffs).toHaveLength(1);
    expect(result.current.drawn).toEqual({ broad: true, narrow: true });
    act(() => map.fireIdle());
    expect(result.current.drawn).toEqual({ broad: true, narrow: false });
  });

  it('a narrow result taken back before the worker finished it never gets drawn', async () => {
    act(() => useAppStore.getState().updateFilters({ categories: ['science'] }));
    await settle();
    act(() => useAppStore.getState().updateFilters({ categories: [] }));
    await settle();
    await act(async () => narrow.finishAll());
    expect(result.current.drawn).toEqual({ broad: true, narrow: false });
  });

  it('after a new data set, the narrow source is emptied before it gets places again', async () => {
    act(() => useAppStore.getState().updateFilters({ categories: ['science'] }));
    await settle();
    await act(async () => narrow.finishAll());
    act(() => useAppStore.getState().updateFilters({ categories: [] }));
    await settle();

    // The same places again, as a reload of the files delivers them: new objects. react-map-gl gives the
    // broad source the new data (setData); the narrow one still holds the science places of the old set.
    const { data } = useAppStore.getState();
    const reloaded = { ...data, hotspotGeoJSON: structuredClone(data.hotspotGeoJSON) };
    act(() => useAppStore.setState({ data: reloaded }));
    await settle();
    act(() => useAppStore.getState().updateFilters({ categories: ['culture'] }));
    await settle();
    const culture = data.hotspots?.filter((hotspot) => hotspot.category === 'culture') ?? [];
    expect(narrow.diffs).toHaveLength(2);
    expect(narrow.diffs[1]?.removeAll).toBe(true);
    expect(narrow.diffs[1]?.add?.map((feature) => feature.properties.id).sort()).toEqual(
      culture.map((hotspot) => hotspot.id).sort(),
    );
  });

  it('a broad filter changes the broad source in place: no change-over', async () => {
    act(() => useAppStore.getState().updateFilters({ statuses: ['existing'] }));
    await settle();
    const planned = useAppStore.getState().data.hotspots?.filter((hotspot) => hotspot.status !== 'existing') ?? [];
    expect(planned.length).toBeGreaterThan(0);
    expect(broad.realDiffs()).toEqual([{ remove: planned.map((hotspot) => hotspot.id) }]);
    expect(narrow.diffs).toEqual([]);
    await act(async () => broad.finishAll());
    expect(result.current.drawn).toEqual({ broad: true, narrow: false });
  });
});
