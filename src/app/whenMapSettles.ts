import type { MapStatus } from '@/state/store';

interface MapStatusStore {
  getState: () => { mapStatus: MapStatus };
  subscribe: (listener: (state: { mapStatus: MapStatus }) => void) => () => void;
}

/**
 * Runs `task` once, as soon as the map has settled (ready, failed or not supported), or after
 * `deadlineMs` if it never does (a data file or the map's code that never arrives). Returns a cancel.
 *
 * For work that would compete with the first map on a visitor's first visit: the service worker's
 * install fetches every precached file (MapLibre's code among them) and its data-cache warm-up every
 * data file, on the same two cores and the same line as the map's start.
 */
export function whenMapSettles(store: MapStatusStore, task: () => void, deadlineMs: number): () => void {
  let pending = true;
  // Called only after `unsubscribe` and `deadline` below exist: from the listener, the timer or the last line.
  const cancel = () => {
    pending = false;
    unsubscribe();
    clearTimeout(deadline);
  };
  const run = () => {
    if (!pending) return;
    cancel();
    task();
  };
  const unsubscribe = store.subscribe((state) => {
    if (state.mapStatus !== 'loading') run();
  });
  const deadline = setTimeout(run, deadlineMs);
  if (store.getState().mapStatus !== 'loading') run();
  return cancel;
}
