import { createContext, useContext, type ReactNode } from 'react';
import { useFilteredView, useSearchedView, type FilteredView, type SearchedView } from './derived';

const FilteredViewContext = createContext<FilteredView | null>(null);

/**
 * Computes the filtered set and counts once for the whole app; panels, list and map read it. Two
 * components, not one: in the deferred render that follows a keystroke React yields to the browser
 * between components, so the search (one) and the filtering (the other) run as two tasks instead of one
 * twice as long (at 100,000 places each takes tens of milliseconds).
 */
export function FilteredViewProvider({ children }: { children: ReactNode }) {
  const searched = useSearchedView();
  return <ApplyFilters searched={searched}>{children}</ApplyFilters>;
}

function ApplyFilters({ searched, children }: { searched: SearchedView; children: ReactNode }) {
  const view = useFilteredView(searched);
  return <FilteredViewContext.Provider value={view}>{children}</FilteredViewContext.Provider>;
}

export function useFiltered(): FilteredView {
  const view = useContext(FilteredViewContext);
  if (!view) throw new Error('useFiltered needs a FilteredViewProvider');
  return view;
}
