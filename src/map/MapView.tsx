import 'maplibre-gl/dist/maplibre-gl.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Map, {
  AttributionControl,
  Layer,
  NavigationControl,
  ScaleControl,
  Source,
  type MapLayerMouseEvent,
  type MapRef,
} from 'react-map-gl/maplibre';
import type { GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl';
import type { RuntimeConfig } from '@/config/runtimeConfig';
import { areasToGeoJSON } from '@/data/areas';
import { useT } from '@/i18n/useT';
import { prefersReducedMotion } from '@/lib/motion';
import { useAppStore } from '@/state/store';
import { useHotspotIndex } from '@/state/selectors';
import { areaLabelPoints } from './areaLabels';
import { DORTMUND_BOUNDS } from './embeddedStyle';
import { loadMapLib } from './loadMapLib';
import { useBasemap } from './useBasemap';
import {
  CLUSTER_MAX_ZOOM,
  CLUSTER_RADIUS,
  INTERACTIVE_LAYER_IDS,
  SOURCE_IDS,
  boundaryLineLayer,
  clusterCountLayer,
  clusterLayer,
  districtFillLayer,
  districtLabelLayer,
  districtLineLayer,
  hotspotHaloLayer,
  hotspotLabelLayer,
  hotspotPointLayer,
  neighbourhoodLabelLayer,
  neighbourhoodLineLayer,
} from './layers';

const mapLib = loadMapLib();
const INITIAL_VIEW = { bounds: DORTMUND_BOUNDS, fitBoundsOptions: { padding: 24 } };
/** Pointer slop in CSS px: a finger on a touch screen is less precise than a mouse. */
const HIT_TOLERANCE = 10;
const SELECT_ZOOM = 15;
/** Keeps the camera around Dortmund: there is nothing to find beyond it. */
const MAX_BOUNDS: [number, number, number, number] = [7.0, 51.3, 7.95, 51.72];

export interface MapViewProps {
  basemapConfig: RuntimeConfig['basemap'];
  forceOfflineBasemap: boolean;
}

function uniqueHotspotIds(features: readonly MapGeoJSONFeature[]): string[] {
  const ids = features
    .filter((feature) => feature.layer.id === hotspotPointLayer.id)
    .map((feature) => feature.properties['id'])
    .filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)];
}

export default function MapView({ basemapConfig, forceOfflineBasemap }: MapViewProps) {
  const t = useT();
  const mapRef = useRef<MapRef>(null);
  const [ready, setReady] = useState(false);
  const [cursor, setCursor] = useState('');
  const data = useAppStore((state) => state.data);
  const selectedId = useAppStore((state) => state.selectedId);
  const hoveredId = useAppStore((state) => state.hoveredId);
  const select = useAppStore((state) => state.select);
  const hover = useAppStore((state) => state.hover);
  const chooseAmong = useAppStore((state) => state.chooseAmong);
  const setMapStatus = useAppStore((state) => state.setMapStatus);
  const index = useHotspotIndex();
  const { mapStyle, onMapError, onMapIdle } = useBasemap(basemapConfig, forceOfflineBasemap);

  const boundary = useMemo(
    () =>
      data.boundary
        ? { type: 'Feature' as const, properties: {}, geometry: data.boundary.geometry }
        : null,
    [data.boundary],
  );
  const districts = useMemo(() => (data.districts ? areasToGeoJSON(data.districts) : null), [data.districts]);
  const neighbourhoods = useMemo(
    () => (data.neighbourhoods ? areasToGeoJSON(data.neighbourhoods) : null),
    [data.neighbourhoods],
  );
  const districtLabels = useMemo(() => (data.districts ? areaLabelPoints(data.districts) : null), [data.districts]);
  const neighbourhoodLabels = useMemo(
    () => (data.neighbourhoods ? areaLabelPoints(data.neighbourhoods) : null),
    [data.neighbourhoods],
  );

  // Selection and hover live in feature-state: no data is rebuilt when they change.
  const appliedState = useRef<{ selected: string | null; hovered: string | null }>({ selected: null, hovered: null });
  const applyFeatureState = useCallback(() => {
    const map = mapRef.current;
    if (!map || !map.getSource(SOURCE_IDS.hotspots)) return;
    const previous = appliedState.current;
    const set = (id: string | null, key: 'selected' | 'hovered', value: boolean) => {
      if (id) map.setFeatureState({ source: SOURCE_IDS.hotspots, id }, { [key]: value });
    };
    if (previous.selected !== selectedId) set(previous.selected, 'selected', false);
    if (previous.hovered !== hoveredId) set(previous.hovered, 'hovered', false);
    set(selectedId, 'selected', true);
    set(hoveredId, 'hovered', true);
    appliedState.current = { selected: selectedId, hovered: hoveredId };
  }, [selectedId, hoveredId]);
  useEffect(applyFeatureState, [applyFeatureState]);

  // Bring the selected place into view, unless it is already comfortably visible.
  const firstSelection = useRef(true);
  useEffect(() => {
    const map = mapRef.current;
    const hotspot = selectedId ? index.get(selectedId) : undefined;
    if (!map || !ready || !hotspot) return;
    const keepRestoredCamera = firstSelection.current && window.location.hash.includes('map=');
    firstSelection.current = false;
    if (keepRestoredCamera) return;
    const [lng, lat] = hotspot.lngLat;
    if (map.getBounds().contains([lng, lat]) && map.getZoom() >= CLUSTER_MAX_ZOOM + 1) return;
    const camera = { center: [lng, lat] as [number, number], zoom: Math.max(map.getZoom(), SELECT_ZOOM) };
    if (prefersReducedMotion()) map.jumpTo(camera);
    else map.flyTo({ ...camera, duration: 900 });
  }, [selectedId, index, ready]);

  const onClick = useCallback(
    async (event: MapLayerMouseEvent) => {
      const map = mapRef.current;
      if (!map) return;
      const exact = event.features ?? [];
      const cluster = exact.find((feature) => feature.layer.id === clusterLayer.id);
      if (cluster && cluster.geometry.type === 'Point') {
        const source = map.getSource<GeoJSONSource>(SOURCE_IDS.hotspots);
        const clusterId = cluster.properties['cluster_id'] as number;
        if (!source) return;
        const zoom = await source.getClusterExpansionZoom(clusterId);
        if (zoom > CLUSTER_MAX_ZOOM + 1) {
          // Points that share one spot never separate: let the user pick among them.
          const leaves = await source.getClusterLeaves(clusterId, 100, 0);
          chooseAmong(leaves.map((leaf) => leaf.properties?.['id']).filter((id): id is string => typeof id === 'string'));
          return;
        }
        const [lng, lat] = cluster.geometry.coordinates as [number, number];
        map.easeTo({ center: [lng, lat], zoom, duration: prefersReducedMotion() ? 0 : 500 });
        return;
      }
      let ids = uniqueHotspotIds(exact);
      if (ids.length === 0) {
        const { x, y } = event.point;
        ids = uniqueHotspotIds(
          map.queryRenderedFeatures(
            [
              [x - HIT_TOLERANCE, y - HIT_TOLERANCE],
              [x + HIT_TOLERANCE, y + HIT_TOLERANCE],
            ],
            { layers: [hotspotPointLayer.id] },
          ),
        );
      }
      if (ids.length === 1) select(ids[0] ?? null);
      else if (ids.length > 1) chooseAmong(ids);
    },
    [select, chooseAmong],
  );

  const onMouseMove = useCallback(
    (event: MapLayerMouseEvent) => {
      const features = event.features ?? [];
      setCursor(features.length > 0 ? 'pointer' : '');
      const [id] = uniqueHotspotIds(features);
      hover(id ?? null);
    },
    [hover],
  );
  const onMouseLeave = useCallback(() => {
    setCursor('');
    hover(null);
  }, [hover]);

  const onIdle = useCallback(() => {
    const map = mapRef.current;
    if (!map) return;
    // A basemap swap re-adds the sources, which drops their feature-state: put it back.
    appliedState.current = { selected: null, hovered: null };
    applyFeatureState();
    onMapIdle(map);
    if (!ready) {
      setReady(true);
      setMapStatus('ready');
    }
  }, [applyFeatureState, onMapIdle, ready, setMapStatus]);

  const attribution = useMemo(
    () => [t('map.attribution.boundary'), t('map.attribution.districts')],
    [t],
  );

  return (
    <div className="map-view" aria-busy={ready ? 'false' : 'true'} data-testid="map">
      <Map
        ref={mapRef}
        mapLib={mapLib}
        mapStyle={mapStyle}
        initialViewState={INITIAL_VIEW}
        hash="map"
        minZoom={9}
        maxZoom={19}
        maxBounds={MAX_BOUNDS}
        attributionControl={false}
        interactiveLayerIds={INTERACTIVE_LAYER_IDS}
        cursor={cursor}
        onClick={(event) => void onClick(event)}
        onMouseMove={onMouseMove}
        onMouseLeave={onMouseLeave}
        onIdle={onIdle}
        onError={(event) => onMapError((event as { sourceId?: unknown }).sourceId)}
        style={{ width: '100%', height: '100%' }}
      >
        {districts && (
          <Source id={SOURCE_IDS.districts} type="geojson" data={districts}>
            <Layer {...districtFillLayer} />
            <Layer {...districtLineLayer} />
          </Source>
        )}
        {neighbourhoods && (
          <Source id={SOURCE_IDS.neighbourhoods} type="geojson" data={neighbourhoods}>
            <Layer {...neighbourhoodLineLayer} />
          </Source>
        )}
        {boundary && (
          <Source id={SOURCE_IDS.boundary} type="geojson" data={boundary}>
            <Layer {...boundaryLineLayer} />
          </Source>
        )}
        {neighbourhoodLabels && (
          <Source id={SOURCE_IDS.neighbourhoodLabels} type="geojson" data={neighbourhoodLabels}>
            <Layer {...neighbourhoodLabelLayer} />
          </Source>
        )}
        {districtLabels && (
          <Source id={SOURCE_IDS.districtLabels} type="geojson" data={districtLabels}>
            <Layer {...districtLabelLayer} />
          </Source>
        )}
        {data.hotspotGeoJSON && (
          <Source
            id={SOURCE_IDS.hotspots}
            type="geojson"
            data={data.hotspotGeoJSON}
            cluster
            clusterMaxZoom={CLUSTER_MAX_ZOOM}
            clusterRadius={CLUSTER_RADIUS}
            promoteId="id"
          >
            <Layer {...hotspotHaloLayer} />
            <Layer {...clusterLayer} />
            <Layer {...clusterCountLayer} />
            <Layer {...hotspotPointLayer} />
            <Layer {...hotspotLabelLayer} />
          </Source>
        )}
        <NavigationControl position="top-right" showCompass={false} />
        <ScaleControl position="bottom-left" />
        <AttributionControl position="bottom-right" customAttribution={attribution} />
      </Map>
    </div>
  );
}
