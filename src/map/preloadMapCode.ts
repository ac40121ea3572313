import { loadMapLib } from './loadMapLib';

/**
 * Starts loading the map's code (the map view, MapLibre and its worker) without waiting for the app's
 * own code: the entry (main.ts) calls it together with the app's import, once the static page is
 * painted. The map view's later import (app/MapArea.tsx) gets the same module from the browser's
 * module map. Failures are left to that import, which shows them.
 */
export function preloadMapCode(): void {
  void import('./MapView').catch(() => undefined);
  void loadMapLib().catch(() => undefined);
}
