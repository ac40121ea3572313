import type { StyleSpecification } from 'maplibre-gl';
import { loadMapLib } from './loadMapLib';

/** The https URLs of the PMTiles archives a style reads through the `pmtiles://` protocol. */
export function pmtilesArchives(style: StyleSpecification): string[] {
  const urls = Object.values(style.sources).flatMap((source) =>
    'url' in source && typeof source.url === 'string' && source.url.startsWith('pmtiles://')
      ? [source.url.slice(10)]
      : [],
  );
  return [...new Set(urls)].filter((url) => url.startsWith('https://') || url.startsWith('/'));
}

let registered: Promise<void> | null = null;

/**
 * An operator's own vector basemap as a PMTiles file: registers the protocol (the library loads only
 * when such a style is configured) and fetches each archive once in full, so the service worker can
 * answer MapLibre's byte-range requests from its cache when the kiosk is offline.
 */
export async function preparePmtiles(style: StyleSpecification): Promise<void> {
  const archives = pmtilesArchives(style);
  if (archives.length === 0) return;
  registered ??= Promise.all([import('pmtiles'), loadMapLib()]).then(([pmtiles, maplibre]) => {
    const protocol = new pmtiles.Protocol();
    maplibre.addProtocol('pmtiles', protocol.tile);
  });
  await registered;
  if ('serviceWorker' in navigator && navigator.serviceWorker.controller) {
    await Promise.allSettled(archives.map((url) => fetch(url)));
  }
}
