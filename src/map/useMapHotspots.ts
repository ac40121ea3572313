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

  useEffect(() => {
    if (matching === applied.matching) return undefined;
    const delay = filters.query !== applied.query ? SEARCH_MAP_DELAY_MS : 0;
    const timer = setTimeout(() => setApplied({ matching, query: filters.query }), delay);
    return () => clearTimeout(timer);
  }, [matching, filters.query, applied]);

  return applied.matching;
}
