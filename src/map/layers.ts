import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
  ExpressionSpecification,
} from 'maplibre-gl';
import { CATEGORIES, CATEGORY_COLOURS } from '@/domain/hotspot';
import { LABEL_FONT_BOLD, LABEL_FONT_REGULAR } from './glyphs';

/**
 * Typed layer specs for the thematic layers, drawn above whichever basemap is active. Ids are exported
 * through the specs themselves so that click handling reuses them instead of repeating strings.
 */
export const SOURCE_IDS = {
  boundary: 'city-boundary',
  mask: 'city-mask',
  districts: 'districts',
  neighbourhoods: 'neighbourhoods',
  /** One label point per district and per neighbourhood (property `level`): one source, not two. */
  areaLabels: 'area-labels',
  /** The places (see planSourcesUpdate): every place or a broad filter's result… */
  hotspots: 'hotspots',
  /** …and a narrow filter's result (at most half of the places), drawn by copies of the same layers. */
  hotspotsNarrow: 'hotspots-narrow',
  userLocation: 'user-location',
} as const;

/** Beyond this zoom the clustered source delivers single points. */
export const CLUSTER_MAX_ZOOM = 14;
export const CLUSTER_RADIUS = 44;
/** Places' names from this zoom on; later where the data is dense (see labelZoom.ts). */
export const HOTSPOT_LABEL_MIN_ZOOM = 13;

const INK = '#1f2933';
const HALO = 'rgba(255, 255, 255, 0.92)';
const REGULAR_TEXT = [LABEL_FONT_REGULAR];
const BOLD_TEXT = [LABEL_FONT_BOLD];

const categoryColour: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...CATEGORIES.flatMap((category) => [category, CATEGORY_COLOURS[category]]),
  '#555555',
] as unknown as ExpressionSpecification;

const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const isHovered: ExpressionSpecification = ['boolean', ['feature-state', 'hovered'], false];

/** Dims the land around Dortmund, so the city stands out on either basemap. */
export const cityMaskLayer: Omit<FillLayerSpecification, 'source'> = {
  id: 'city-mask',
  type: 'fill',
  paint: {
    'fill-color': '#d5d9de',
    'fill-opacity': 0.55,
  },
};

export const districtFillLayer: Omit<FillLayerSpecification, 'source'> = {
  id: 'districts-fill',
  type: 'fill',
  paint: {
    'fill-color': '#ffffff',
    'fill-opacity': 0.25,
  },
};

/** Invisible, but hit-testable: a click on the map chooses the neighbourhood under it (zoomed in). */
export const neighbourhoodFillLayer: Omit<FillLayerSpecification, 'source'> = {
  id: 'neighbourhoods-fill',
  type: 'fill',
  minzoom: 12,
  paint: { 'fill-color': '#ffffff', 'fill-opacity': 0 },
};

const SELECTED_AREA_LINE: LineLayerSpecification['paint'] = {
  'line-color': '#1f3a5f',
  'line-width': ['interpolate', ['linear'], ['zoom'], 9, 3, 14, 5],
};

/** The outline of the chosen district; its filter is set from the store (never the data). */
export const districtSelectedLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'district-selected',
  type: 'line',
  filter: ['==', ['get', 'slug'], ''],
  layout: { 'line-join': 'round' },
  paint: SELECTED_AREA_LINE,
};

export const neighbourhoodSelectedLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'neighbourhood-selected',
  type: 'line',
  filter: ['==', ['get', 'slug'], ''],
  layout: { 'line-join': 'round' },
  paint: SELECTED_AREA_LINE,
};

/**
 * One value for every feature, written as a per-feature expression. MapLibre compiles a shader program
 * per layer type and per set of paint properties that vary per feature (and how: by feature, or by zoom
 * and feature). All circle layers here write the same set, colour, radius by zoom and feature, opacity,
 * stroke colour and width, so they share one program. Without a GPU a program takes 50-200 ms to
 * compile on the main thread, and the clusters and points both draw in the first view. (MapLibre folds
 * constant expressions, but not one that looks at the feature.)
 */
export function samePerPlace(value: unknown): ExpressionSpecification {
  return ['case', ['has', 'point_count'], value, value] as unknown as ExpressionSpecification;
}

/** A circle radius from `atCity` at zoom 10 to `atStreet` at zoom 16, per feature (see samePerPlace). */
function radiusByZoom(atCity: number | ExpressionSpecification, atStreet: number | ExpressionSpecification) {
  const perPlace = (value: number | ExpressionSpecification) =>
    typeof value === 'number' ? samePerPlace(value) : value;
  return ['interpolate', ['linear'], ['zoom'], 10, perPlace(atCity), 16, perPlace(atStreet)] as ExpressionSpecification;
}

export const userLocationLayer: Omit<CircleLayerSpecification, 'source'> = {
  id: 'user-location',
  type: 'circle',
  paint: {
    'circle-color': samePerPlace('#0b57d0'),
    'circle-radius': radiusByZoom(8, 8),
    'circle-opacity': samePerPlace(1),
    'circle-stroke-color': samePerPlace('#ffffff'),
    'circle-stroke-width': samePerPlace(3),
  },
};

export const districtLineLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'districts-line',
  type: 'line',
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': '#5f6b7a',
    'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1, 14, 2.5],
  },
};

/**
 * Thinner and lighter than the district lines, and solid: a dashed line is drawn by a shader program of
 * its own (MapLibre's line SDF), which compiled in ~120 ms on the main thread in software rendering, for
 * this one layer. Width and colour tell the two kinds of boundary apart well enough.
 */
export const neighbourhoodLineLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'neighbourhoods-line',
  type: 'line',
  minzoom: 11,
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': '#7b8794',
    'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.5, 15, 1.5],
  },
};

export const boundaryLineLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'city-boundary-line',
  type: 'line',
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': '#2d3748',
    'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2, 14, 4],
  },
};

export const districtLabelLayer: Omit<SymbolLayerSpecification, 'source'> = {
  id: 'district-labels',
  type: 'symbol',
  maxzoom: 12.5,
  filter: ['==', ['get', 'level'], 'district'],
  layout: {
    'text-field': ['get', 'name'],
    'text-font': BOLD_TEXT,
    'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 12, 15],
    'text-letter-spacing': 0.04,
    'text-max-width': 8,
  },
  paint: {
    'text-color': '#3c4858',
    'text-halo-color': HALO,
    'text-halo-width': 1.6,
  },
};

export const neighbourhoodLabelLayer: Omit<SymbolLayerSpecification, 'source'> = {
  id: 'neighbourhood-labels',
  type: 'symbol',
  minzoom: 12.5,
  filter: ['==', ['get', 'level'], 'neighbourhood'],
  layout: {
    'text-field': ['get', 'name'],
    'text-font': REGULAR_TEXT,
    'text-size': 12,
    'text-max-width': 8,
  },
  paint: {
    'text-color': '#3c4858',
    'text-halo-color': HALO,
    'text-halo-width': 1.5,
  },
};

/** Bigger circles for bigger clusters. */
const clusterRadius: ExpressionSpecification = ['step', ['get', 'point_count'], 16, 10, 20, 50, 25, 500, 32];

export const clusterLayer: Omit<CircleLayerSpecification, 'source'> = {
  id: 'hotspot-clusters',
  type: 'circle',
  filter: ['has', 'point_count'],
  paint: {
    'circle-color': samePerPlace('#243b53'),
    'circle-radius': radiusByZoom(clusterRadius, clusterRadius),
    'circle-opacity': samePerPlace(1),
    'circle-stroke-color': samePerPlace('#ffffff'),
    'circle-stroke-width': samePerPlace(2),
  },
};

export const clusterCountLayer: Omit<SymbolLayerSpecification, 'source'> = {
  id: 'hotspot-cluster-count',
  type: 'symbol',
  filter: ['has', 'point_count'],
  layout: {
    'text-field': ['get', 'point_count_abbreviated'],
    'text-font': BOLD_TEXT,
    'text-size': 13,
    'text-allow-overlap': true,
  },
  paint: { 'text-color': '#ffffff' },
};

/**
 * A soft ring under the selected or hovered point, so the choice stays visible over any basemap. The
 * selected one is darker and outlined.
 */
export const hotspotHaloLayer: Omit<CircleLayerSpecification, 'source'> = {
  id: 'hotspot-halo',
  type: 'circle',
  filter: ['!', ['has', 'point_count']],
  paint: {
    'circle-color': categoryColour,
    'circle-radius': radiusByZoom(16, 19),
    'circle-opacity': ['case', isSelected, 0.35, isHovered, 0.25, 0],
    'circle-stroke-color': samePerPlace(INK),
    'circle-stroke-width': ['case', isSelected, 2, 0],
  },
};

/** Existing places are filled dots; planned "visions" are rings in their category colour. */
export const hotspotPointLayer: Omit<CircleLayerSpecification, 'source'> = {
  id: 'hotspot-points',
  type: 'circle',
  filter: ['!', ['has', 'point_count']],
  paint: {
    'circle-color': ['case', ['==', ['get', 'status'], 'planned'], '#ffffff', categoryColour],
    'circle-radius': radiusByZoom(7, 10),
    'circle-opacity': samePerPlace(1),
    'circle-stroke-color': ['case', ['==', ['get', 'status'], 'planned'], categoryColour, '#ffffff'],
    'circle-stroke-width': ['case', ['==', ['get', 'status'], 'planned'], 3.5, 2],
  },
};

export const hotspotLabelLayer: Omit<SymbolLayerSpecification, 'source'> = {
  id: 'hotspot-labels',
  type: 'symbol',
  minzoom: HOTSPOT_LABEL_MIN_ZOOM,
  filter: ['!', ['has', 'point_count']],
  layout: {
    'text-field': ['get', 'name'],
    'text-font': REGULAR_TEXT,
    'text-size': 12,
    'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
    'text-radial-offset': 1.1,
    'text-max-width': 10,
    'text-optional': true,
  },
  paint: {
    'text-color': INK,
    'text-halo-color': HALO,
    'text-halo-width': 1.6,
  },
};

/** The narrow hotspot source's layers are copies of the broad one's, their ids ending in this. */
const NARROW_SUFFIX = '-narrow';

/** The same layer for the narrow hotspot source (see SOURCE_IDS.hotspotsNarrow). */
export function narrowCopy<Layer extends { id: string }>(layer: Layer): Layer {
  return { ...layer, id: `${layer.id}${NARROW_SUFFIX}` };
}

/** Whether a layer id (from a rendered feature) is `layer` or its narrow copy. */
export function isLayerOrCopy(id: string, layer: { id: string }): boolean {
  return id === layer.id || id === `${layer.id}${NARROW_SUFFIX}`;
}

const HOTSPOT_LAYERS = [hotspotHaloLayer, clusterLayer, clusterCountLayer, hotspotPointLayer, hotspotLabelLayer];

/**
 * Layers a pointer can hit: clusters and points first (of both hotspot sources), then the areas under
 * them, so a click on a place is never read as a click on its district.
 */
export const INTERACTIVE_LAYER_IDS = [
  clusterLayer.id,
  hotspotPointLayer.id,
  narrowCopy(clusterLayer).id,
  narrowCopy(hotspotPointLayer).id,
  neighbourhoodFillLayer.id,
  districtFillLayer.id,
];

export const ALL_THEMATIC_LAYERS = [
  { source: SOURCE_IDS.mask, layer: cityMaskLayer },
  { source: SOURCE_IDS.districts, layer: districtFillLayer },
  { source: SOURCE_IDS.neighbourhoods, layer: neighbourhoodFillLayer },
  { source: SOURCE_IDS.neighbourhoods, layer: neighbourhoodLineLayer },
  { source: SOURCE_IDS.districts, layer: districtLineLayer },
  { source: SOURCE_IDS.neighbourhoods, layer: neighbourhoodSelectedLayer },
  { source: SOURCE_IDS.districts, layer: districtSelectedLayer },
  { source: SOURCE_IDS.boundary, layer: boundaryLineLayer },
  { source: SOURCE_IDS.areaLabels, layer: neighbourhoodLabelLayer },
  { source: SOURCE_IDS.areaLabels, layer: districtLabelLayer },
  ...HOTSPOT_LAYERS.map((layer) => ({ source: SOURCE_IDS.hotspots, layer })),
  ...HOTSPOT_LAYERS.map((layer) => ({ source: SOURCE_IDS.hotspotsNarrow, layer: narrowCopy(layer) })),
  { source: SOURCE_IDS.userLocation, layer: userLocationLayer },
] as const;

/** Every thematic layer by role, as MapView renders them (the light theme). */
export const LAYERS = {
  cityMask: cityMaskLayer,
  districtFill: districtFillLayer,
  districtLine: districtLineLayer,
  districtSelected: districtSelectedLayer,
  neighbourhoodFill: neighbourhoodFillLayer,
  neighbourhoodLine: neighbourhoodLineLayer,
  neighbourhoodSelected: neighbourhoodSelectedLayer,
  boundaryLine: boundaryLineLayer,
  districtLabel: districtLabelLayer,
  neighbourhoodLabel: neighbourhoodLabelLayer,
  hotspotHalo: hotspotHaloLayer,
  cluster: clusterLayer,
  clusterCount: clusterCountLayer,
  hotspotPoint: hotspotPointLayer,
  hotspotLabel: hotspotLabelLayer,
  userLocation: userLocationLayer,
};

export type LayerSet = typeof LAYERS;
