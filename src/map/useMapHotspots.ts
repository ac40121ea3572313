import { useEffect, useState } from 'react';
import type { Hotspot } from '@/domain/hotspot';
import { useFiltered } from '@/state/FilteredView';

/** Typing waits this long before the map re-filters; the list follows every keystroke. */
export const SEARCH_MAP_DELAY_MS = 250;

interface Applied {
  matching: readonly Hotspot[];
  query: string;
}

/**
 * The places the map shows: those that pass the filters, following a typed search only after a pause
 * (each change re-clusters the map's source, which is not worth doing per keystroke). Facet, district
 * and place changes reach the map at once.
 */
export function useMapHotspots(): readonly Hotspot[] {
  const { filters, matching } = useFiltered();
  const [applied, setApplied] = useState<Applied>(() => ({ matching, query: filters.query }));
  const typing = filters.query !== applied.query;

  // Remembered for the next search (adjusted during render, as React advises for derived state): while
  // it waits, the map keeps what it shows now.
  if (!typing && applied.matching !== matching) setApplied({ matching, query: filters.query });

  useEffect(() => {
    if (!typing) return undefined;
    const timer = setTimeout(() => setApplied({ matching, query: filters.query }), SEARCH_MAP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typing, matching, filters.query]);

  return typing ? applied.matching : matching;
}
