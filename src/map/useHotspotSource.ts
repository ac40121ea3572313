import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { MapRef } from 'react-map-gl/maplibre';
import type { Hotspot } from '@/domain/hotspot';
import { whileIdle } from '@/lib/idle';
import {
  initialContents,
  planSourceUpdate,
  prepareDiffs,
  type HotspotCollection,
  type SourceContents,
} from './hotspotSourceDiff';
import { SOURCE_IDS } from './layers';
import { useMapHotspots } from './useMapHotspots';

export interface HotspotSource {
  /** The data the clustered source is created with (per data set): the places that passed then. */
  data: HotspotCollection | null;
  /** For the map's `sourcedata` events: a source added again (a style change) is brought up to date. */
  onSourceData: (event: { sourceId?: string }) => void;
}

/**
 * Keeps the clustered hotspot source holding exactly the places that pass the filters, by sending MapLibre
 * only what changed (see planSourceUpdate). The source's `data` prop changes only with a new data set, so
 * react-map-gl calls setData only then. A source that react-map-gl (re-)adds holds that data again: it is
 * recognised by its new identity and brought up to date.
 */
export function useHotspotSource(mapRef: RefObject<MapRef | null>, geojson: HotspotCollection | null): HotspotSource {
  const target = useMapHotspots();
  const [initial, setInitial] = useState<(ReturnType<typeof initialContents> & { target: readonly Hotspot[] }) | null>(
    null,
  );
  // A new data set: computed during render (not in an effect), so the source is created with it at once.
  if (geojson && initial?.geojson !== geojson) setInitial({ ...initialContents(geojson, target), target });

  const synced = useRef<{
    source: GeoJSONSource;
    data: HotspotCollection;
    target: readonly Hotspot[];
    contents: SourceContents;
  } | null>(null);

  // Cancels the idle-time preparation for the source last filled (see primeForDiffs).
  const priming = useRef(() => {});

  const sync = useCallback(() => {
    const source = mapRef.current?.getSource<GeoJSONSource>(SOURCE_IDS.hotspots);
    if (!source || !initial || initial.geojson !== geojson) return;
    const last = synced.current;
    const fresh = last?.source !== source || last.data !== initial.data;
    // sourcedata fires for every tile: answer those in O(1).
    if (!fresh && last.target === target) return;
    // A source created from `initial` for this very target already holds it: no second pass over the ids.
    const { diff, contents } =
      fresh && initial.target === target
        ? { diff: null, contents: initial }
        : planSourceUpdate(fresh ? initial : last.contents, initial.geojson, target);
    synced.current = { source, data: initial.data, target, contents };
    if (diff) void source.updateData(diff);
    if (fresh) {
      priming.current();
      const map = mapRef.current?.getMap();
      if (map) priming.current = primeForDiffs(map, source, initial.geojson);
    }
  }, [mapRef, geojson, initial, target]);

  // A task of its own, after the one that rendered the filter change: the list paints first, and the
  // copy to MapLibre's worker does not lengthen that task (at 100,000 places each is tens of ms).
  useEffect(() => {
    const task = setTimeout(sync, 0);
    return () => clearTimeout(task);
  }, [sync]);
  useEffect(() => () => priming.current(), []);

  const onSourceData = useCallback(
    (event: { sourceId?: string }) => {
      if (event.sourceId === SOURCE_IDS.hotspots) sync();
    },
    [sync],
  );
  return { data: initial?.geojson === geojson ? initial.data : null, onSourceData };
}

/**
 * The first diff a GeoJSON source gets makes MapLibre index all its features by id, on the main thread
 * (30–80 ms at 100,000 places), and makes planSourceUpdate index them too. Both are done in idle time
 * once the map has drawn the filled source (not before: the empty diff that is enough for MapLibre also
 * re-tiles the source, which would hold up the first complete map), so the first filter change does not
 * pay for them. Returns a function that cancels what has not run yet.
 */
function primeForDiffs(map: MapLibreMap, source: GeoJSONSource, geojson: HotspotCollection): () => void {
  let stopIdleWork = () => {};
  const start = () => {
    stopIdleWork = whileIdle(() => {
      prepareDiffs(geojson);
      void source.updateData({});
      return true;
    });
  };
  map.once('idle', start);
  return () => {
    map.off('idle', start);
    stopIdleWork();
  };
}
