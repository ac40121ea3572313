/** The service worker's network-first cache for the data files and config.json (vite.config.ts). */
export const DATA_CACHE = 'app-data';
