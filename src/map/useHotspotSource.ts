import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { Hotspot } from '@/domain/hotspot';
import type { GeoJSONSource } from 'maplibre-gl';
import type { MapRef } from 'react-map-gl/maplibre';
import { planSourceUpdate, type HotspotCollection, type SourceContents } from './hotspotSourceDiff';
import { SOURCE_IDS } from './layers';
import { useMapHotspots } from './useMapHotspots';

/** The data the clustered source is created with; its places arrive as a diff (see planSourceUpdate). */
export const EMPTY_HOTSPOTS: HotspotCollection = { type: 'FeatureCollection', features: [] };

/**
 * Keeps the clustered hotspot source holding exactly the places that pass the filters, by sending MapLibre
 * only what changed. The source is created empty (react-map-gl never calls setData on it); a style change
 * that re-adds it is noticed by its new identity, and it is filled again. Returns the handler for the map's
 * `sourcedata` events, which is how a newly added source gets its places.
 */
export function useHotspotSource(
  mapRef: RefObject<MapRef | null>,
  geojson: HotspotCollection | null,
): (event: { sourceId?: string }) => void {
  const target = useMapHotspots();
  const synced = useRef<{ source: GeoJSONSource; target: readonly Hotspot[]; contents: SourceContents } | null>(null);

  const sync = useCallback(() => {
    const source = mapRef.current?.getSource<GeoJSONSource>(SOURCE_IDS.hotspots);
    if (!source || !geojson) return;
    const last = synced.current;
    // sourcedata fires for every tile: answer those in O(1).
    if (last?.source === source && last.target === target && last.contents.geojson === geojson) return;
    const { diff, contents } = planSourceUpdate(last?.source === source ? last.contents : null, geojson, target);
    synced.current = { source, target, contents };
    if (diff) void source.updateData(diff);
  }, [mapRef, geojson, target]);

  useEffect(sync, [sync]);

  return useCallback(
    (event: { sourceId?: string }) => {
      if (event.sourceId === SOURCE_IDS.hotspots) sync();
    },
    [sync],
  );
}
