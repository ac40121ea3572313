import { useDeferredValue, useMemo } from 'react';
import { facetCounts, filterHotspots, type FacetCounts, type Filters } from '@/domain/filters';
import type { Hotspot } from '@/domain/hotspot';
import { buildSearchKeys, queryMatcher } from '@/domain/search';
import { inBBox, type LngLat } from '@/data/geo';
import { useAppStore } from './store';
import { useAreaNames, useHotspots } from './selectors';

/** Folded search keys, built once per data set (and language-independent: both languages are in). */
export function useSearchKeys(): ReadonlyMap<string, string> {
  const hotspots = useHotspots();
  const names = useAreaNames();
  return useMemo(
    () => buildSearchKeys(hotspots, { districtName: names.district, neighbourhoodName: names.neighbourhood }),
    [hotspots, names],
  );
}

export interface FilteredView {
  /** The filters this view was computed from (deferred: they may trail the store while typing). */
  filters: Filters;
  /** Hotspots that pass every filter. */
  matching: readonly Hotspot[];
  /** Hotspots that pass every filter except the place: the density view compares places with this. */
  matchingAnyPlace: readonly Hotspot[];
  counts: FacetCounts;
  /** Ids found by the text search, or null when there is no search. */
  searchIds: readonly string[] | null;
}

/**
 * The filtered set and the facet counts, derived from the store and never stored. The text query is
 * read through useDeferredValue, so typing stays responsive while the list catches up.
 */
export function useFilteredView(): FilteredView {
  const hotspots = useHotspots();
  const filters = useAppStore((state) => state.filters);
  const deferredFilters = useDeferredValue(filters);
  const keys = useSearchKeys();
  return useMemo(() => {
    const matcher = queryMatcher(deferredFilters.query, keys);
    const hasQuery = deferredFilters.query.trim() !== '';
    const anyPlace = { ...deferredFilters, district: null, neighbourhood: null };
    // One pass over all places (the text search is the costly part); the place filter then narrows it.
    const matchingAnyPlace = filterHotspots(hotspots, anyPlace, matcher);
    const { district, neighbourhood } = deferredFilters;
    return {
      filters: deferredFilters,
      matching: matchingAnyPlace.filter(
        (hotspot) =>
          (district === null || hotspot.district === district) &&
          (neighbourhood === null || hotspot.neighbourhood === neighbourhood),
      ),
      matchingAnyPlace,
      counts: facetCounts(hotspots, deferredFilters, matcher),
      searchIds: hasQuery ? hotspots.filter(matcher).map((hotspot) => hotspot.id) : null,
    };
  }, [hotspots, deferredFilters, keys]);
}

/** Distance in metres on the sphere; exact enough for sorting places within a city. */
export function distanceMetres([lon1, lat1]: LngLat, [lon2, lat2]: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

export interface ListEntry {
  hotspot: Hotspot;
  distance: number | null;
}

/** The list as shown: the filtered set, optionally limited to the map's view, sorted by name or distance. */
export function useListEntries(matching: readonly Hotspot[]): ListEntry[] {
  const language = useAppStore((state) => state.language);
  const onlyVisible = useAppStore((state) => state.onlyVisible);
  // Read the map's extent only while it matters: otherwise every camera move would re-sort the list.
  const viewBounds = useAppStore((state) => (state.onlyVisible ? state.viewBounds : null));
  const sortBy = useAppStore((state) => state.sortBy);
  const userLocation = useAppStore((state) => state.userLocation);
  return useMemo(() => {
    const visible =
      onlyVisible && viewBounds ? matching.filter((hotspot) => inBBox(hotspot.lngLat, viewBounds)) : matching;
    const entries = visible.map((hotspot) => ({
      hotspot,
      distance: userLocation ? distanceMetres(userLocation, hotspot.lngLat) : null,
    }));
    const collator = new Intl.Collator(language, { sensitivity: 'base' });
    const byName = (a: ListEntry, b: ListEntry) => collator.compare(a.hotspot.name, b.hotspot.name);
    entries.sort(
      sortBy === 'distance' && userLocation ? (a, b) => (a.distance ?? 0) - (b.distance ?? 0) || byName(a, b) : byName,
    );
    return entries;
  }, [matching, onlyVisible, viewBounds, sortBy, userLocation, language]);
}
