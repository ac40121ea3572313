import { useEffect, useMemo, useState } from 'react';
import type { FilterSpecification } from 'maplibre-gl';
import { useFiltered } from '@/state/FilteredView';
import { filterToExpression } from './filterExpression';

/** Typing waits this long before the map re-filters; the list follows every keystroke. */
export const SEARCH_MAP_DELAY_MS = 250;

export interface HotspotSourceFilter {
  filter: FilterSpecification | null;
  /** Changes exactly when the filter does; used to re-create the source with its new filter. */
  key: string;
}

/**
 * The filter for the clustered hotspot source. It must be the *source's* filter, not a layer's: only
 * then does clustering see the filtered set and do the cluster counts stay true.
 */
export function useHotspotFilter(): HotspotSourceFilter {
  const { filters, searchIds } = useFiltered();
  const immediate = useMemo(() => {
    const filter = filterToExpression(filters, searchIds);
    return { filter, key: JSON.stringify(filter), query: filters.query };
  }, [filters, searchIds]);
  const [applied, setApplied] = useState(immediate);

  useEffect(() => {
    if (immediate.key === applied.key) return undefined;
    const delay = immediate.query !== applied.query ? SEARCH_MAP_DELAY_MS : 0;
    const timer = setTimeout(() => setApplied(immediate), delay);
    return () => clearTimeout(timer);
  }, [immediate, applied]);

  return { filter: applied.filter, key: applied.key };
}
