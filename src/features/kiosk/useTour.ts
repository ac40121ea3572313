import { useEffect, useState } from 'react';
import { useAppStore } from '@/state/store';
import type { Tour, TourStop } from './tours';

/** How long each stop stays on screen. Long enough to read both languages from a few steps away. */
export const STOP_SECONDS = 12;

/**
 * Plays a tour while `playing` is true: the camera moves to each stop in turn (MapLibre jumps instead of
 * flying under reduced motion) and the stop's place is highlighted. Returns the current stop for the
 * caption. Stopping clears the highlight at once.
 */
export function useTour(tour: Tour | null, playing: boolean): TourStop | null {
  const [index, setIndex] = useState(0);
  const stops = tour?.stops ?? [];
  const stop = playing && stops.length > 0 ? (stops[index % stops.length] ?? null) : null;

  useEffect(() => {
    if (!playing || stops.length === 0) return undefined;
    const timer = window.setInterval(() => setIndex((current) => (current + 1) % stops.length), STOP_SECONDS * 1000);
    return () => {
      window.clearInterval(timer);
      setIndex(0);
    };
  }, [playing, stops.length]);

  useEffect(() => {
    const store = useAppStore.getState();
    if (!stop) {
      store.hover(null);
      return;
    }
    store.requestCamera([stop.lngLat[0], stop.lngLat[1]], stop.zoom);
    store.hover(stop.hotspot);
  }, [stop]);

  return stop;
}
