/**
 * The benchmark's floor: the least a react-map-gl page must do to draw the app's data. Same React, same
 * MapLibre (set up as src/map/loadMapLib.ts does), the same background-only style (no basemap), the same
 * four data files read by URL, a clustered hotspot source with the app's cluster settings, and nothing
 * else: no validation, no store, no list, no panels.
 *
 * It marks `map-ready` at the first idle and `map-idle` at every idle, like the app, and exposes the
 * map operations behind the app's interactions on `window.__floor`, so the harness can measure both
 * the same way.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { FloorApi } from './api';
import Map, { Layer, Source, type MapRef } from 'react-map-gl/maplibre';
import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  FilterSpecification,
  LineLayerSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';

const mapLib = import('maplibre-gl').then((module) => {
  module.setWorkerUrl(workerUrl);
  return module;
});

/** The app's embedded style: a plain background, no glyphs (labels use local fonts). */
const STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef0ea' } }],
};
const BOUNDS: [number, number, number, number] = [7.302, 51.415, 7.638, 51.6];
const INITIAL_VIEW = { bounds: BOUNDS, fitBoundsOptions: { padding: 24 } };
const dataUrl = (name: string) => new URL(`${import.meta.env.BASE_URL}data/${name}`, window.location.href).href;

const districtFill: Omit<FillLayerSpecification, 'source'> = {
  id: 'districts-fill',
  type: 'fill',
  paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.25 },
};
const districtLine: Omit<LineLayerSpecification, 'source'> = {
  id: 'districts-line',
  type: 'line',
  paint: { 'line-color': '#5f6b7a', 'line-width': 1.5 },
};
const neighbourhoodLine: Omit<LineLayerSpecification, 'source'> = {
  id: 'neighbourhoods-line',
  type: 'line',
  minzoom: 11,
  paint: { 'line-color': '#7b8794', 'line-width': 1, 'line-dasharray': [3, 2] },
};
const boundaryLine: Omit<LineLayerSpecification, 'source'> = {
  id: 'boundary-line',
  type: 'line',
  paint: { 'line-color': '#2d3748', 'line-width': 2.5 },
};
const clusters: Omit<CircleLayerSpecification, 'source'> = {
  id: 'clusters',
  type: 'circle',
  filter: ['has', 'point_count'],
  paint: {
    'circle-color': '#243b53',
    'circle-radius': ['step', ['get', 'point_count'], 16, 10, 20, 50, 25, 500, 32],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 2,
  },
};
const clusterCount: Omit<SymbolLayerSpecification, 'source'> = {
  id: 'cluster-count',
  type: 'symbol',
  filter: ['has', 'point_count'],
  layout: {
    'text-field': ['get', 'point_count_abbreviated'],
    'text-font': ['Noto Sans Bold'],
    'text-size': 13,
    'text-allow-overlap': true,
  },
  paint: { 'text-color': '#ffffff' },
};
const points: Omit<CircleLayerSpecification, 'source'> = {
  id: 'points',
  type: 'circle',
  filter: ['!', ['has', 'point_count']],
  paint: {
    'circle-color': '#1d5fa8',
    'circle-radius': ['case', ['boolean', ['feature-state', 'selected'], false], 10, 7],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 2,
  },
};

declare global {
  interface Window {
    __floor?: FloorApi;
  }
}

function Floor() {
  const mapRef = useRef<MapRef>(null);
  const ready = useRef(false);
  const selected = useRef<string | null>(null);
  const [filter, setFilter] = useState<FilterSpecification | null>(null);
  const filterKey = useMemo(() => JSON.stringify(filter), [filter]);

  useEffect(() => {
    window.__floor = {
      setFilter,
      fitBounds: ([west, south, east, north]) =>
        mapRef.current?.fitBounds(
          [
            [west, south],
            [east, north],
          ],
          { padding: 40, duration: 0 },
        ),
      select: (id, lngLat) => {
        const map = mapRef.current;
        if (!map) return;
        if (selected.current) map.setFeatureState({ source: 'hotspots', id: selected.current }, { selected: false });
        selected.current = id;
        if (id) map.setFeatureState({ source: 'hotspots', id }, { selected: true });
        if (lngLat) map.jumpTo({ center: lngLat, zoom: Math.max(map.getZoom(), 15) });
      },
    };
    return () => {
      delete window.__floor;
    };
  }, []);

  const onIdle = useCallback(() => {
    performance.mark('map-idle');
    if (!ready.current) {
      ready.current = true;
      performance.mark('map-ready');
    }
  }, []);

  return (
    <Map
      ref={mapRef}
      mapLib={mapLib}
      mapStyle={STYLE}
      initialViewState={INITIAL_VIEW}
      minZoom={9}
      maxZoom={19}
      onIdle={onIdle}
      style={{ width: '100%', height: '100%' }}
    >
      <Source id="districts" type="geojson" data={dataUrl('districts.geojson')}>
        <Layer {...districtFill} />
        <Layer {...districtLine} />
      </Source>
      <Source id="neighbourhoods" type="geojson" data={dataUrl('neighbourhoods.geojson')}>
        <Layer {...neighbourhoodLine} />
      </Source>
      <Source id="boundary" type="geojson" data={dataUrl('city-boundary.geojson')}>
        <Layer {...boundaryLine} />
      </Source>
      {/* Like the app: a new filter re-creates the clustered source, so clusters count only what passes. */}
      <Source
        key={filterKey}
        id="hotspots"
        type="geojson"
        data={dataUrl('hotspots.geojson')}
        cluster
        clusterMaxZoom={14}
        clusterRadius={44}
        promoteId="id"
        {...(filter ? { filter } : {})}
      >
        <Layer {...clusters} />
        <Layer {...clusterCount} />
        <Layer {...points} />
      </Source>
    </Map>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Floor />);
