import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

type MapLibModule = typeof import('maplibre-gl');

let mapLib: Promise<MapLibModule> | null = null;

/**
 * MapLibre 6 loads its worker from a separate file; in a Vite build that file's hashed URL must be set
 * before the first map is created, or the map never loads ("Worker failed to load").
 */
export function loadMapLib(): Promise<MapLibModule> {
  mapLib ??= import('maplibre-gl').then((module) => {
    module.setWorkerUrl(workerUrl);
    // Start the worker now rather than when the first map is created: it loads and compiles while the
    // map chunk and the data are still on their way. (Also keeps the worker across map restarts.)
    module.prewarm();
    return module;
  });
  return mapLib;
}
