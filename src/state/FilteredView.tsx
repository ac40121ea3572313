import { createContext, useContext, type ReactNode } from 'react';
import { useFilteredView, type FilteredView } from './derived';

const FilteredViewContext = createContext<FilteredView | null>(null);

/** Computes the filtered set and counts once for the whole app; panels, list and map read it. */
export function FilteredViewProvider({ children }: { children: ReactNode }) {
  const view = useFilteredView();
  return <FilteredViewContext.Provider value={view}>{children}</FilteredViewContext.Provider>;
}

export function useFiltered(): FilteredView {
  const view = useContext(FilteredViewContext);
  if (!view) throw new Error('useFiltered needs a FilteredViewProvider');
  return view;
}
