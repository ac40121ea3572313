import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { applyFilters, type FacetCounts, type Filters } from '@/domain/filters';
import type { Hotspot } from '@/domain/hotspot';
import { createSearch, MatchRank, searchKeyBuilder, type Search, type SearchKeyBuilder } from '@/domain/search';
import { facetLabelsInEveryLanguage } from '@/i18n/facetLabels';
import { whileIdle } from '@/lib/idle';
import { buildListRows, type ListRows } from './listRows';
import { useAppStore } from './store';
import { useAreaNames, useHotspots, useHotspotsByName } from './selectors';

/** Places per slice of search keys built in idle time (a slice takes a few milliseconds). */
const KEYS_PER_SLICE = 250;

/**
 * Folded search keys, once per data set (language-independent: both languages are in). They are built in
 * the browser's idle time after loading, a slice at a time, so a large data set paints and draws first;
 * a search before they are done builds the keys it reaches itself, in its own slices.
 */
export function useSearchKeys(): SearchKeyBuilder {
  const hotspots = useHotspots();
  const names = useAreaNames();
  const builder = useMemo(
    () =>
      searchKeyBuilder(hotspots, {
        districtName: names.district,
        neighbourhoodName: names.neighbourhood,
        facetLabels: facetLabelsInEveryLanguage(),
      }),
    [hotspots, names],
  );
  useEffect(
    () =>
      whileIdle((timeLeft) => {
        let done = false;
        while (!done && timeLeft() > 2) done = builder.step(KEYS_PER_SLICE);
        return done;
      }),
    [builder],
  );
  return builder;
}

export interface FilteredView {
  /** The filters this view was computed from (deferred: they may trail the store while typing). */
  filters: Filters;
  /** Hotspots that pass every filter. */
  matching: readonly Hotspot[];
  /** Each matching place's position in name order: its key in the list (see ListEntry in listRows.ts). */
  matchingPositions: readonly number[];
  /** Hotspots that pass every filter except the place: the density view compares places with this. */
  matchingAnyPlace: readonly Hotspot[];
  counts: FacetCounts;
  /** The text search's MatchRank per place in name order (index: matchingPositions), or null without one. */
  ranks: Uint8Array | null;
}

/** The first half of the filtered view: the (deferred) filters and what the text search found. */
export interface SearchedView {
  /** The places in name order; `found` lines up with them. */
  hotspots: readonly Hotspot[];
  filters: Filters;
  /** One MatchRank per place (0 = the text search does not find it), or null without a search. */
  found: Uint8Array | null;
}

/** How long one slice of a text search may hold the main thread before the browser gets it back. */
const SEARCH_SLICE_MS = 12;

interface SearchAnswer {
  search: Search;
  query: string;
  found: Uint8Array | null;
}

/**
 * The answer of the text search for a query, computed in slices of SEARCH_SLICE_MS, each a task of its
 * own: at 100,000 places one search takes about 100 ms, and typing must stay responsive meanwhile. Until
 * the new answer is complete, the last complete one stands (with the query it answers). A new search (a
 * new data set, or the places in a new order) is answered at once, because the old flags would not line
 * up with the new places.
 */
function useSearchAnswer(search: Search, query: string): SearchAnswer {
  const [answer, setAnswer] = useState<SearchAnswer>(() => ({ search, query, found: search(query) }));
  let current = answer;
  if (answer.search !== search) {
    current = { search, query, found: search(query) };
    setAnswer(current);
  }
  const answered = current.search === search && current.query === query;

  useEffect(() => {
    if (answered) return undefined;
    const job = search.begin(query);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      if (job.step(SEARCH_SLICE_MS)) setAnswer({ search, query, found: job.found });
      else timer = setTimeout(slice, 0);
    };
    slice();
    return () => clearTimeout(timer);
  }, [answered, search, query]);

  return current;
}

/**
 * The text search over the places, for the filters read through useDeferredValue: typing stays
 * responsive while the list catches up. The filters handed on carry the query the flags answer (it may
 * trail the typed one by a few slices). The places are in name order, so the filtered set needs no
 * sorting of its own.
 */
export function useSearchedView(): SearchedView {
  const hotspots = useHotspotsByName();
  const filters = useAppStore((state) => state.filters);
  const deferredFilters = useDeferredValue(filters);
  const keys = useSearchKeys();
  // In the order the places are filtered in, so the search's flags line up with them. A key is taken from
  // the builder at its first use; if the idle-time slices have not built it yet, the search builds it,
  // inside its own slices (at 100,000 places a search right after loading used to build them all at once:
  // a 1.5 s task).
  const search = useMemo(() => {
    const byName = new Array<string | undefined>(hotspots.length);
    return createSearch({
      length: hotspots.length,
      at: (index) => {
        const hotspot = hotspots[index];
        return hotspot ? (byName[index] ??= keys.keyOf(hotspot)) : undefined;
      },
    });
  }, [hotspots, keys]);
  const answer = useSearchAnswer(search, deferredFilters.query);
  return useMemo(
    () => ({
      hotspots,
      filters: answer.query === deferredFilters.query ? deferredFilters : { ...deferredFilters, query: answer.query },
      found: answer.found,
    }),
    [hotspots, deferredFilters, answer],
  );
}

/** The second half: the filtered set and the facet counts, derived and never stored. */
export function useFilteredView(searched: SearchedView): FilteredView {
  return useMemo(() => {
    const { hotspots, filters, found } = searched;
    const matcher = found ? (_hotspot: Hotspot, index: number) => found[index] !== MatchRank.none : () => true;
    return { filters, ...applyFilters(hotspots, filters, matcher), ranks: found };
  }, [searched]);
}

/**
 * The list as shown: the filtered set (already in name order), best search matches first, optionally
 * limited to the map's view, or sorted by distance (see buildListRows).
 */
export function useListRows({ matching, matchingPositions, ranks }: FilteredView): ListRows {
  // Read the map's extent only while the list is limited to it: otherwise every camera move would rebuild
  // the list.
  const viewBounds = useAppStore((state) => (state.onlyVisible ? state.viewBounds : null));
  const sortBy = useAppStore((state) => state.sortBy);
  const userLocation = useAppStore((state) => state.userLocation);
  return useMemo(
    () => buildListRows(matching, matchingPositions, { viewBounds, userLocation, sortBy, ranks }),
    [matching, matchingPositions, viewBounds, sortBy, userLocation, ranks],
  );
}
