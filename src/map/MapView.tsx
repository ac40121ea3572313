import 'maplibre-gl/dist/maplibre-gl.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import Map, {
  Layer,
  NavigationControl,
  ScaleControl,
  Source,
  type MapLayerMouseEvent,
  type MapEvent,
  type MapRef,
} from 'react-map-gl/maplibre';
import type { FilterSpecification, GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { RuntimeConfig } from '@/config/runtimeConfig';
import { areasToGeoJSON } from '@/data/areas';
import { MAPLIBRE_LOCALE } from '@/i18n/maplibreLocale';
import { prefersReducedMotion } from '@/lib/motion';
import { yieldToMain } from '@/lib/yieldToMain';
import { useFiltered } from '@/state/FilteredView';
import { useAppStore } from '@/state/store';
import { useHotspotIndex, useHotspots } from '@/state/selectors';
import { areaLabelPoints } from './areaLabels';
import { areaSizes, DENSITY_FILL_OPACITY, densityByArea, densityClasses, densityFillExpression } from './choropleth';
import { cityMask } from './cityMask';
import { DensityLegend } from './DensityLegend';
import {
  areaPadding,
  cameraLimits,
  type CameraLimits,
  DORTMUND_BOUNDS,
  HOME_PADDING_PX,
  type Padding,
  sameLimits,
} from './bounds';
import { poseOf, samePose, type CameraPose } from './cameraPose';
import { loadMapLib } from './loadMapLib';
import { PanControls } from './PanControls';
import { homeLayout, sameRect, type PanGeometry, type PanLayout, type Rect } from './panLayout';
import { useBasemap } from './useBasemap';
import { warmUpLayers } from './warmUp';
import type { HotspotCollection } from './hotspotSourceDiff';
import { EMPTY_HOTSPOTS, useHotspotSource } from './useHotspotSource';
import {
  CLUSTER_MAX_ZOOM,
  CLUSTER_RADIUS,
  HOTSPOT_LABEL_MIN_ZOOM,
  INTERACTIVE_LAYER_IDS,
  LAYERS,
  SOURCE_IDS,
  isLayerOrCopy,
  narrowCopy,
  type LayerSet,
} from './layers';
import { labelMinZoom } from './labelZoom';
import { DARK_LAYERS } from './darkTheme';

const mapLib = loadMapLib();
/** Pointer slop in CSS px: a finger on a touch screen is less precise than a mouse. */
const HIT_TOLERANCE = 10;
const SELECT_ZOOM = 15;
/** Below this zoom a click on the map chooses a district, above it a neighbourhood. */
const NEIGHBOURHOOD_ZOOM = 12;
const MAX_ZOOM = 19;
/** Room for a place's name beside its dot (to the right; names wrap at about 10 em). */
const NAME_ROOM_PX = 120;

/** An element's box in the map's pixels, and its distance from the map's right edge; null when not shown. */
function boxInMap(container: HTMLElement, selector: string): (Rect & { fromRight: number }) | null {
  const element = container.querySelector(selector);
  if (!(element instanceof HTMLElement) || element.offsetParent === null) return null;
  const map = container.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return {
    left: box.left - map.left,
    top: box.top - map.top,
    right: box.right - map.left,
    bottom: box.bottom - map.top,
    fromRight: map.right - box.right,
  };
}

/** How far the pan buttons reach in from the map's right edge; nothing when they are not shown. */
function panButtonsReach(container: HTMLElement): number {
  const group = boxInMap(container, '.pan-controls');
  return group ? group.fromRight + (group.right - group.left) : 0;
}

/**
 * The pan buttons' size and place, measured; null when they are not shown. Their top right corner and
 * size are the same in both layouts, so the measure does not depend on the layout they have now.
 */
function panGeometryOf(container: HTMLElement): PanGeometry | null {
  const group = boxInMap(container, '.pan-controls');
  const controls = container.querySelector<HTMLElement>('.pan-controls');
  const button = controls?.querySelector('button');
  if (!group || !controls || !button) return null;
  return {
    button: button.getBoundingClientRect().width,
    gap: Number.parseFloat(getComputedStyle(controls).rowGap) || 0,
    top: group.top,
    edge: group.fromRight,
  };
}

interface HomeFit {
  layout: PanLayout;
  padding: Padding;
  covered: number;
  /** The density toggle's boxes the fit kept clear of (densityToggleBoxes). */
  toggle: (Rect | null)[];
  limits: CameraLimits;
}

/**
 * The density toggle in the map's top left corner: the whole of it (with its legend, when open), then its
 * own row (its checkbox and label, wider in English). The legend's box keeps its width when the language
 * changes; the row's does not.
 */
const DENSITY_TOGGLE_PARTS = ['.density-legend', '.density-legend .checkbox-row'];

/** The density toggle's boxes (DENSITY_TOGGLE_PARTS), in the map's pixels; null for a part not shown. */
function densityToggleBoxes(container: HTMLElement): (Rect | null)[] {
  return DENSITY_TOGGLE_PARTS.map((selector) => boxInMap(container, selector));
}

/**
 * The whole-city view for this container: the pan buttons' layout and the padding that keeps the city clear
 * of them (homeLayout) and above a phone's bottom sheet, and the camera limits that let the view be reached.
 */
function homeFitFor(container: HTMLElement): HomeFit {
  const view = { width: container.clientWidth, height: container.clientHeight };
  const covered = coveredByOverlay(container);
  // With its legend open, then its own row: the city keeps clear of the first it can (homeLayout).
  const toggle = densityToggleBoxes(container);
  const fit = homeLayout(view, panGeometryOf(container), {
    coveredBottom: covered,
    topLeft: toggle.filter((box) => box !== null),
  });
  return { ...fit, covered, toggle, limits: cameraLimits(view, fit.padding) };
}

/** The layers that draw nothing in the first view at 10,000+ places, but appear with the first click. */
const warmUpSet = (layers: LayerSet) => [
  layers.hotspotHalo,
  layers.hotspotPoint,
  layers.hotspotLabel,
  layers.neighbourhoodLine,
  layers.neighbourhoodLabel,
  layers.districtSelected,
];
/** The stand-in place the shader warm-up draws out of sight (see warmUp.ts). */
const WARM_UP_PLACE = { id: 'shader-warm-up', name: 'x', category: 'science', status: 'existing' };

export interface MapViewProps {
  basemapConfig: RuntimeConfig['basemap'];
  forceOfflineBasemap: boolean;
  theme: 'light' | 'dark';
  /** In an iframe the page must keep scrolling: the map then needs two fingers or Ctrl + scroll. */
  cooperativeGestures: boolean;
  onContextLost?: () => void;
  onContextRestored?: () => void;
  /** MapLibre could not create its WebGL 2 context: the app then goes list-only. */
  onUnsupported?: () => void;
}

/** Both hotspot sources: feature-state is kept on both, so it is right whichever one is drawn. */
const HOTSPOT_SOURCES = [SOURCE_IDS.hotspots, SOURCE_IDS.hotspotsNarrow] as const;
/** The layers a click near a place looks in (the hidden ones hold no rendered features). */
const PLACE_LAYER_IDS = [LAYERS.hotspotPoint, LAYERS.cluster].flatMap((layer) => [layer.id, narrowCopy(layer).id]);

type HotspotLayers = Pick<LayerSet, 'hotspotHalo' | 'cluster' | 'clusterCount' | 'hotspotPoint' | 'hotspotLabel'>;

/** One hotspot source's layers, shown or hidden (hidden layers keep no tiles and cost nothing to draw). */
function hotspotLayers(layers: LayerSet, narrow: boolean, drawn: boolean): HotspotLayers {
  const variant = <L extends { id: string; layout?: object }>(layer: L): L => {
    const copy = narrow ? narrowCopy(layer) : layer;
    return { ...copy, layout: { ...copy.layout, visibility: drawn ? 'visible' : 'none' } };
  };
  return {
    hotspotHalo: variant(layers.hotspotHalo),
    cluster: variant(layers.cluster),
    clusterCount: variant(layers.clusterCount),
    hotspotPoint: variant(layers.hotspotPoint),
    hotspotLabel: variant(layers.hotspotLabel),
  };
}

/** A clustered hotspot source with its layers (halo, clusters, counts, points, names). */
function ClusteredHotspots(props: { id: string; data: HotspotCollection; layers: HotspotLayers; namesFrom: number }) {
  const { id, data, layers, namesFrom } = props;
  return (
    <Source
      id={id}
      type="geojson"
      data={data}
      cluster
      clusterMaxZoom={CLUSTER_MAX_ZOOM}
      clusterRadius={CLUSTER_RADIUS}
      promoteId="id"
    >
      <Layer {...layers.hotspotHalo} />
      <Layer {...layers.cluster} />
      <Layer {...layers.clusterCount} />
      <Layer {...layers.hotspotPoint} />
      <Layer {...layers.hotspotLabel} minzoom={namesFrom} />
    </Source>
  );
}

function uniqueHotspotIds(features: readonly MapGeoJSONFeature[]): string[] {
  const ids = features
    .filter((feature) => isLayerOrCopy(feature.layer.id, LAYERS.hotspotPoint))
    .map((feature) => feature.properties['id'])
    .filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)];
}

/** The phone's bottom sheet when it lies over the map (the sidebar is then positioned absolutely), else null. */
function sheetOverMap(): HTMLElement | null {
  const sheet = document.querySelector<HTMLElement>('.sidebar');
  return sheet && getComputedStyle(sheet).position === 'absolute' ? sheet : null;
}

/**
 * How many pixels at the bottom of the map an overlay hides. On a phone, the bottom sheet (the sidebar is
 * then positioned over the map), and the credits and scale bar that ride on its top edge (the credits wrap
 * to four lines on a phone, 71 px: they hid the city's southern tip). Beside a sidebar or in an iframe, the
 * credits when they wrap: two lines in a 700 px iframe hid Hörde's southern tip. One line fits in the
 * home view's padding, and the scale bar sits in the bottom-left corner, which the city leaves empty.
 */
function coveredByOverlay(container: HTMLElement): number {
  const sheet = sheetOverMap();
  const overlays = document.querySelectorAll<HTMLElement>(
    sheet ? '.map-attribution, .maplibregl-ctrl-bottom-left' : '.map-attribution',
  );
  const tops = [...overlays]
    .filter((element) => element.offsetParent !== null)
    .map((element) => element.getBoundingClientRect().top);
  if (sheet) tops.push(sheet.getBoundingClientRect().top);
  const overlap = container.getBoundingClientRect().bottom - Math.min(...tops);
  if (!sheet && overlap <= HOME_PADDING_PX) return 0;
  return Math.max(0, Math.min(overlap, container.clientHeight - 80));
}

function slugFilter(slug: string | null): FilterSpecification {
  return ['==', ['get', 'slug'], slug ?? ''];
}

export default function MapView({
  basemapConfig,
  forceOfflineBasemap,
  theme,
  cooperativeGestures,
  onContextLost,
  onContextRestored,
  onUnsupported,
}: MapViewProps) {
  const dark = theme === 'dark';
  const layers = dark ? DARK_LAYERS : LAYERS;
  const mapRef = useRef<MapRef>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  // The first view needs the container's size (see homePadding): measured before the map is created.
  const [initialView, setInitialView] = useState<{
    bounds: typeof DORTMUND_BOUNDS;
    fitBoundsOptions: { padding: Padding };
  } | null>(null);
  const [panLayout, setPanLayout] = useState<PanLayout>('cross');
  /** The lowest zoom and the bounds for this map's size (cameraLimits); set before the map is created. */
  const [limits, setLimits] = useState<CameraLimits | null>(null);
  /** What the phone's sheet and its credits covered at the last whole-city fit (coveredByOverlay). */
  const homeCovered = useRef(0);
  /** The density toggle's boxes at the last whole-city fit. */
  const homeToggle = useRef<(Rect | null)[]>([]);
  useLayoutEffect(() => {
    if (!containerRef.current) return;
    const { layout, padding, covered, toggle, limits: firstLimits } = homeFitFor(containerRef.current);
    setPanLayout(layout);
    setLimits(firstLimits);
    homeCovered.current = covered;
    homeToggle.current = toggle;
    setInitialView({ bounds: DORTMUND_BOUNDS, fitBoundsOptions: { padding } });
  }, []);
  /**
   * Applies the limits at once (a fit right after must not be held to the old ones) and keeps the props in
   * step, so react-map-gl does not set the old ones back.
   */
  const applyLimits = useCallback((map: MapLibreMap, next: CameraLimits) => {
    map.setMaxBounds(next.maxBounds);
    map.setMinZoom(next.minZoom);
    setLimits((current) => (sameLimits(current, next) ? current : next));
  }, []);
  const [ready, setReady] = useState(false);
  const [cursor, setCursor] = useState('');
  const data = useAppStore((state) => state.data);
  const language = useAppStore((state) => state.language);
  const selectedId = useAppStore((state) => state.selectedId);
  const hoveredId = useAppStore((state) => state.hoveredId);
  const district = useAppStore((state) => state.filters.district);
  const neighbourhood = useAppStore((state) => state.filters.neighbourhood);
  const choropleth = useAppStore((state) => state.choropleth);
  const userLocation = useAppStore((state) => state.userLocation);
  const index = useHotspotIndex();
  const { matchingAnyPlace } = useFiltered();
  const hotspotSource = useHotspotSource(mapRef, data.hotspotGeoJSON);
  const broadLayers = useMemo(
    () => hotspotLayers(layers, false, hotspotSource.drawn.broad),
    [layers, hotspotSource.drawn.broad],
  );
  const narrowLayers = useMemo(
    () => hotspotLayers(layers, true, hotspotSource.drawn.narrow),
    [layers, hotspotSource.drawn.narrow],
  );
  const { mapStyle, onMapError, onMapIdle } = useBasemap(basemapConfig, forceOfflineBasemap, dark);
  const [initialLocale] = useState(() => MAPLIBRE_LOCALE[language]);

  // Everything handed to <Source> is memoised: react-map-gl deep-compares and calls setData on change.
  const mask = useMemo(() => (data.boundary ? cityMask(data.boundary.geometry) : null), [data.boundary]);
  const boundary = useMemo(
    () => (data.boundary ? { type: 'Feature' as const, properties: {}, geometry: data.boundary.geometry } : null),
    [data.boundary],
  );
  const districts = useMemo(() => (data.districts ? areasToGeoJSON(data.districts) : null), [data.districts]);
  const neighbourhoods = useMemo(
    () => (data.neighbourhoods ? areasToGeoJSON(data.neighbourhoods) : null),
    [data.neighbourhoods],
  );
  const areaLabels = useMemo(
    () =>
      data.districts || data.neighbourhoods
        ? areaLabelPoints({
            ...(data.districts ? { district: data.districts } : {}),
            ...(data.neighbourhoods ? { neighbourhood: data.neighbourhoods } : {}),
          })
        : null,
    [data.districts, data.neighbourhoods],
  );
  const userLocationPoint = useMemo(
    () =>
      userLocation
        ? {
            type: 'Feature' as const,
            properties: {},
            geometry: { type: 'Point' as const, coordinates: [...userLocation] },
          }
        : null,
    [userLocation],
  );

  // Counted over all places, not the filtered ones: the names' zoom does not jump while filtering.
  const hotspots = useHotspots();
  const namesFrom = useMemo(
    () =>
      labelMinZoom(
        hotspots.map((hotspot) => hotspot.lngLat),
        { defaultMinZoom: HOTSPOT_LABEL_MIN_ZOOM, firstSingleZoom: CLUSTER_MAX_ZOOM + 1, maxZoom: MAX_ZOOM },
      ),
    [hotspots],
  );

  // The density view: places per km² by district, for the hotspots that pass the filters.
  // Both only while the view is on: at 100,000 places the count took about 70 ms of every filter change,
  // and the areas' sizes are map-start work nobody sees while it is off.
  const sizes = useMemo(() => (choropleth ? areaSizes(data.districts ?? []) : null), [choropleth, data.districts]);
  const density = useMemo(() => (sizes ? densityByArea(matchingAnyPlace, sizes) : null), [sizes, matchingAnyPlace]);
  const classes = useMemo(() => (density ? densityClasses(density) : []), [density]);
  const districtFillPaint = useMemo(
    () =>
      density
        ? { 'fill-color': densityFillExpression(density, classes), 'fill-opacity': DENSITY_FILL_OPACITY }
        : (layers.districtFill.paint ?? {}),
    [density, classes, layers],
  );
  const districtSelectedFilter = useMemo(() => slugFilter(district), [district]);
  const neighbourhoodSelectedFilter = useMemo(() => slugFilter(neighbourhood), [neighbourhood]);

  // Selection and hover live in feature-state: no data is rebuilt when they change.
  const appliedState = useRef<{ selected: string | null; hovered: string | null }>({ selected: null, hovered: null });
  /** The hotspot sources the feature-state was last applied to. */
  const stateSources = useRef<unknown[]>([]);
  const warmedUp = useRef(false);
  const applyFeatureState = useCallback(() => {
    const map = mapRef.current;
    if (!map || HOTSPOT_SOURCES.some((source) => !map.getSource(source))) return;
    const previous = appliedState.current;
    const set = (id: string | null, key: 'selected' | 'hovered', value: boolean) => {
      if (id) for (const source of HOTSPOT_SOURCES) map.setFeatureState({ source, id }, { [key]: value });
    };
    if (previous.selected !== selectedId) set(previous.selected, 'selected', false);
    if (previous.hovered !== hoveredId) set(previous.hovered, 'hovered', false);
    set(selectedId, 'selected', true);
    set(hoveredId, 'hovered', true);
    appliedState.current = { selected: selectedId, hovered: hoveredId };
  }, [selectedId, hoveredId]);
  useEffect(applyFeatureState, [applyFeatureState]);

  // A camera in the URL (#map=…) wins over the camera moves that a restored selection or place would
  // make, for the first render only: a shared link shows exactly what its sender saw.
  const cameraFromUrl = useRef(window.location.hash.includes('map='));
  // A camera move starts in a task of its own, after the one that handled the input: the list, panel and
  // focus change are committed without it. A jump runs MapLibre's move handlers and its #map= hash update
  // (a history call, now and then 10-25 ms) synchronously. The map may be gone by then: nothing moves.
  const moveCamera = useCallback((move: (animate: boolean) => void) => {
    const animate = !prefersReducedMotion();
    void yieldToMain().then(() => {
      if (mapRef.current) move(animate);
    });
  }, []);

  // Bring the selected place into view, unless it is already comfortably visible.
  useEffect(() => {
    const map = mapRef.current;
    const hotspot = selectedId ? index.get(selectedId) : undefined;
    if (!map || !ready || !hotspot || cameraFromUrl.current) return;
    const [lng, lat] = hotspot.lngLat;
    // On a phone the sheet lies over the lower part of the map: the place must show above it.
    const covered = coveredByOverlay(map.getContainer());
    const point = map.project([lng, lat]);
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const inView = point.x >= 0 && point.x <= width && point.y >= 0 && point.y <= height - covered;
    if (inView && map.getZoom() >= CLUSTER_MAX_ZOOM + 1) return;
    // Centred above the sheet. Where the pan buttons would lie over the place's name (drawn to its right;
    // a phone's map is 390 px wide and the buttons take 146 of it), centred in the width they leave free.
    // An offset, not padding: MapLibre keeps a camera's padding for every later move, and the home view
    // and the address's camera would shift with it.
    const reach = panButtonsReach(containerRef.current ?? map.getContainer());
    const nameClear = width / 2 + NAME_ROOM_PX <= width - reach;
    const shiftLeft = nameClear || reach >= width / 2 ? 0 : reach / 2;
    const camera = {
      center: [lng, lat] as [number, number],
      zoom: Math.max(map.getZoom(), SELECT_ZOOM),
      offset: [-shiftLeft, -covered / 2] as [number, number],
    };
    // Without motion an easeTo of no duration: jumpTo takes no offset, and flyTo under reduced motion
    // turns into a jumpTo that drops it.
    moveCamera((animate) =>
      animate ? map.flyTo({ ...camera, duration: 900 }) : map.easeTo({ ...camera, duration: 0 }),
    );
  }, [selectedId, index, ready, moveCamera]);

  // Fit the camera to a chosen district or neighbourhood.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || cameraFromUrl.current) return;
    const area = neighbourhood
      ? data.neighbourhoods?.find((item) => item.slug === neighbourhood)
      : district
        ? data.districts?.find((item) => item.slug === district)
        : undefined;
    if (!area) return;
    const [west, south, east, north] = area.prepared.bbox;
    moveCamera((animate) =>
      map.fitBounds(
        [
          [west, south],
          [east, north],
        ],
        // Above a phone's sheet: half open, it hid the lower half of a district chosen from it.
        { padding: areaPadding(coveredByOverlay(map.getContainer())), duration: animate ? 800 : 0 },
      ),
    );
    // Only when the chosen place changes, not when data or selection do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [district, neighbourhood, ready]);

  // The whole-city view follows the map's size (a rotated phone or tablet, a resized window or partner
  // iframe) for as long as nobody has moved the camera away from it: MapLibre alone keeps the centre and
  // zoom, which cut the city off on a narrower map and left the pan buttons over it (see homeLayout).
  /** The camera of the last whole-city fit; null when the first view was a shared link's camera. */
  const homeCamera = useRef<CameraPose | null>(null);
  /** The camera was still at homeCamera when it last stopped. */
  const atHome = useRef(false);
  /** Fits the whole city, measured now: the map may have changed size or a phone's sheet moved since. */
  const fitHome = useCallback(
    (map: MapLibreMap, animate: boolean) => {
      const {
        layout,
        padding,
        covered,
        toggle,
        limits: fitLimits,
      } = homeFitFor(containerRef.current ?? map.getContainer());
      setPanLayout(layout);
      applyLimits(map, fitLimits);
      homeCovered.current = covered;
      homeToggle.current = toggle;
      const [west, south, east, north] = DORTMUND_BOUNDS;
      const bounds: [[number, number], [number, number]] = [
        [west, south],
        [east, north],
      ];
      const target = map.cameraForBounds(bounds, { padding });
      if (target?.zoom !== undefined && target.zoom < map.getMinZoom()) {
        // A map too small for the city at the lowest zoom (a 640×400 phone on its side, its sheet folded).
        // MapLibre would offset the centre for the padding at the zoom the fit wanted, then raise the zoom:
        // the offset grew with it and pushed most of the city off the top. Instead, the city's middle goes
        // to the middle of the padded box at the lowest zoom, in a jump (there is little to animate there).
        map.easeTo({
          center: map.cameraForBounds(bounds)?.center ?? map.getCenter(),
          zoom: map.getMinZoom(),
          offset: [(padding.left - padding.right) / 2, (padding.top - padding.bottom) / 2],
          duration: 0,
        });
        homeCamera.current = poseOf(map);
        return;
      }
      // The camera the fit ends at: an animated fit is still under way when a resize could ask.
      const center = target?.center;
      homeCamera.current =
        center && 'lng' in center
          ? {
              lng: center.lng,
              lat: center.lat,
              zoom: target.zoom ?? map.getZoom(),
              bearing: target.bearing ?? map.getBearing(),
              pitch: map.getPitch(),
            }
          : null;
      map.fitBounds(bounds, { padding, duration: animate ? 800 : 0 });
    },
    [applyLimits],
  );
  const onLoad = useCallback(
    (event: MapEvent) => {
      // The first view is the whole city unless the address held a camera. From the event: the load can
      // come before react-map-gl has filled mapRef.
      if (cameraFromUrl.current) return;
      const map = event.target;
      homeCamera.current = poseOf(map);
      atHome.current = true;
      // The first fit has the same trouble on a map too small for the city (see fitHome).
      if (map.getZoom() <= map.getMinZoom()) fitHome(map, false);
    },
    [fitHome],
  );
  /** Refits the whole city if the camera is still where the last fit put it; says whether it did. */
  const refitIfHome = useCallback(
    (map: MapLibreMap, animate: boolean): boolean => {
      // Not while the camera moves: a flight to a place, a drag, or an animated fit has its own goal.
      if (!atHome.current || map.isMoving()) return false;
      fitHome(map, animate);
      return true;
    },
    [fitHome],
  );
  const onResize = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (!map || refitIfHome(map, false)) return;
    // A moved camera stays, but the lowest zoom follows the new size: pinching out, or "show all", must
    // still reach the whole city on a smaller map.
    applyLimits(map, homeFitFor(containerRef.current ?? map.getContainer()).limits);
  }, [refitIfHome, applyLimits]);

  // The same when a phone's sheet is pulled up or folded: the untouched whole-city view is fitted above it
  // again. Not when the sheet covers the whole map (the map is hidden then), nor on a desktop, where the
  // sheet's state covers nothing.
  const sheet = useAppStore((state) => state.sheet);
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map || !ready || sheet === 'full' || !atHome.current) return;
    // Only a style read on a desktop, where the sheet's state covers nothing: measuring the credits there
    // forced a layout into the first key of a search (it sets the sheet half open), a 63–71 ms task at
    // 10,000 places.
    if (!sheetOverMap()) return;
    if (coveredByOverlay(containerRef.current ?? map.getContainer()) === homeCovered.current) return;
    // Asked again when the move starts: opening a place pulls the sheet up too, and its flight to the
    // place (started first, in the same way) wins.
    moveCamera((animate) => refitIfHome(map, animate));
  }, [sheet, ready, moveCamera, refitIfHome]);

  // The same when the density toggle changes size: its legend opens (and then reached over Mengede's north
  // on a 1280×800 desktop) or closes, or the language changes its label. Observed rather than tied to those
  // settings, so a font arriving late counts too. The first calls come once the map is ready: a change
  // before that (the first fit was measured before the map existed) is caught up then.
  useEffect(() => {
    const container = containerRef.current;
    if (!ready || !container) return;
    const toggleMoved = () =>
      densityToggleBoxes(container).some((box, part) => !sameRect(box, homeToggle.current[part] ?? null));
    const observer = new ResizeObserver(() => {
      const map = mapRef.current?.getMap();
      if (!map || !atHome.current || !toggleMoved()) return;
      // Asked again when the move starts: a resize in between has refitted already.
      moveCamera((animate) => {
        if (toggleMoved()) refitIfHome(map, animate);
      });
    });
    for (const part of DENSITY_TOGGLE_PARTS) {
      const element = container.querySelector(part);
      if (element) observer.observe(element);
    }
    return () => observer.disconnect();
  }, [ready, moveCamera, refitIfHome]);

  // Camera moves asked for from outside (a partner's flyTo, a reset to the home view).
  const cameraRequest = useAppStore((state) => state.cameraRequest);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !cameraRequest) return;
    if (cameraRequest.center === null) {
      moveCamera((animate) => fitHome(map.getMap(), animate));
      return;
    }
    const camera = { center: cameraRequest.center, zoom: cameraRequest.zoom ?? map.getZoom() };
    moveCamera((animate) => (animate ? map.flyTo({ ...camera, duration: 900 }) : map.jumpTo(camera)));
  }, [cameraRequest, ready, moveCamera, fitHome]);

  // Declared after the camera effects, so it runs after them: the URL's camera is honoured once.
  useEffect(() => {
    if (ready) cameraFromUrl.current = false;
  }, [ready]);

  // A lost WebGL context (driver reset, too many contexts, WEBGL_lose_context) is reported upwards;
  // MapLibre redraws by itself if the browser restores it, otherwise MapArea starts a fresh map.
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map || !ready) return undefined;
    const lost = () => onContextLost?.();
    const restored = () => onContextRestored?.();
    map.on('webglcontextlost', lost);
    map.on('webglcontextrestored', restored);
    return () => {
      map.off('webglcontextlost', lost);
      map.off('webglcontextrestored', restored);
    };
  }, [ready, onContextLost, onContextRestored]);

  // MapLibre's own strings are set at creation; keep them in the current language afterwards.
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    const locale = MAPLIBRE_LOCALE[language];
    map.getCanvas().setAttribute('aria-label', locale['Map.Title'] ?? '');
    const container = map.getContainer();
    const relabel = (selector: string, key: string) =>
      container.querySelectorAll(selector).forEach((element) => {
        element.setAttribute('aria-label', locale[key] ?? '');
        element.setAttribute('title', locale[key] ?? '');
      });
    relabel('.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn');
    relabel('.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut');
  }, [language, ready]);

  const chooseArea = useAppStore((state) => state.updateFilters);
  const onClick = useCallback(
    async (event: MapLayerMouseEvent) => {
      const map = mapRef.current;
      if (!map) return;
      const { select, chooseAmong } = useAppStore.getState();
      const exact = event.features ?? [];
      const cluster = exact.find((feature) => isLayerOrCopy(feature.layer.id, LAYERS.cluster));
      if (cluster && cluster.geometry.type === 'Point') {
        const source = map.getSource<GeoJSONSource>(cluster.source);
        const clusterId = cluster.properties['cluster_id'] as number;
        if (!source) return;
        const zoom = await source.getClusterExpansionZoom(clusterId);
        if (zoom > CLUSTER_MAX_ZOOM + 1) {
          // Points that share one spot never separate: let the user pick among them.
          const leaves = await source.getClusterLeaves(clusterId, 100, 0);
          chooseAmong(
            leaves.map((leaf) => leaf.properties?.['id']).filter((id): id is string => typeof id === 'string'),
          );
          return;
        }
        const [lng, lat] = cluster.geometry.coordinates as [number, number];
        moveCamera((animate) => map.easeTo({ center: [lng, lat], zoom, duration: animate ? 500 : 0 }));
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
            { layers: PLACE_LAYER_IDS },
          ),
        );
      }
      if (ids.length === 1) {
        select(ids[0] ?? null);
        return;
      }
      if (ids.length > 1) {
        chooseAmong(ids);
        return;
      }
      // No place under the pointer: the click chooses the area instead.
      const layer = map.getZoom() >= NEIGHBOURHOOD_ZOOM ? LAYERS.neighbourhoodFill.id : LAYERS.districtFill.id;
      const area = exact.find((feature) => feature.layer.id === layer)?.properties['slug'];
      if (typeof area !== 'string') return;
      if (layer === LAYERS.neighbourhoodFill.id) chooseArea({ neighbourhood: area, district: null });
      else chooseArea({ district: area, neighbourhood: null });
    },
    [chooseArea, moveCamera],
  );

  const hover = useAppStore((state) => state.hover);
  const onMouseMove = useCallback(
    (event: MapLayerMouseEvent) => {
      const [id] = uniqueHotspotIds(event.features ?? []);
      const onCluster = (event.features ?? []).some((feature) => isLayerOrCopy(feature.layer.id, LAYERS.cluster));
      setCursor(id || onCluster ? 'pointer' : '');
      hover(id ?? null);
    },
    [hover],
  );
  const onMouseLeave = useCallback(() => {
    setCursor('');
    hover(null);
  }, [hover]);

  const setViewBounds = useAppStore((state) => state.setViewBounds);
  const onMoveEnd = useCallback(() => {
    const map = mapRef.current;
    if (!map) return;
    const bounds = map.getBounds();
    setViewBounds([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]);
    atHome.current = homeCamera.current !== null && samePose(poseOf(map), homeCamera.current);
  }, [setViewBounds]);

  const setMapStatus = useAppStore((state) => state.setMapStatus);
  const onIdle = useCallback(() => {
    const map = mapRef.current;
    if (!map) return;
    // A basemap swap re-adds the hotspot sources, which drops their feature-state: put it
    // back, but only for new source objects. Setting state on every idle would repaint, fire idle
    // again and keep the map rendering forever.
    const sources = HOTSPOT_SOURCES.map((id) => map.getSource(id));
    if (sources.every(Boolean) && sources.some((source, index) => source !== stateSources.current[index])) {
      stateSources.current = sources;
      appliedState.current = { selected: null, hovered: null };
      applyFeatureState();
    }
    onMapIdle(map);
    // User-timing marks for the benchmark harness (scripts/bench): cheap, and visible in DevTools. Only
    // the latest idle mark is kept: the timeline has no limit, and a kiosk goes idle thousands of times.
    performance.clearMarks('map-idle');
    performance.mark('map-idle');
    if (!ready) {
      performance.mark('map-ready');
      setReady(true);
      setMapStatus('ready');
      onMoveEnd();
    }
    // Compile the single places' shaders out of sight, not in the first click that shows them; only once
    // the places are on the map (the first idle can come before the data), so the compiling does not
    // hold up the first complete map: at 10,000 places it took ~100 ms amid the data's validation.
    if (!warmedUp.current && sources.every(Boolean)) {
      warmedUp.current = true;
      const maplibre = map.getMap();
      setTimeout(() => {
        if (maplibre.isStyleLoaded()) {
          warmUpLayers(maplibre, warmUpSet(layers), WARM_UP_PLACE);
        }
      }, 0);
    }
  }, [applyFeatureState, onMapIdle, onMoveEnd, ready, setMapStatus, layers]);

  const onError = useCallback(
    (event: { error?: unknown; sourceId?: unknown }) => {
      // Thrown by the Map constructor (react-map-gl reports it here) or when a restored context fails.
      if (event.error instanceof Error && event.error.name === 'GPUInitializationError') {
        onUnsupported?.();
        return;
      }
      onMapError(event.sourceId);
    },
    [onMapError, onUnsupported],
  );

  return (
    <div ref={containerRef} className="map-view" aria-busy={ready ? 'false' : 'true'} data-testid="map">
      {initialView && limits && (
        <Map
          ref={mapRef}
          mapLib={mapLib}
          mapStyle={mapStyle}
          initialViewState={initialView}
          hash="map"
          // Labels appear at once instead of fading in: a fade re-uploads every label's opacity on each
          // frame for 300 ms (measured: 1.3 s of buffer uploads after one selection at 100,000 places).
          fadeDuration={0}
          minZoom={limits.minZoom}
          maxZoom={MAX_ZOOM}
          maxBounds={limits.maxBounds}
          locale={initialLocale}
          cooperativeGestures={cooperativeGestures}
          // The credits are the shell's (app/MapAttribution.tsx), shown before and without the map.
          attributionControl={false}
          interactiveLayerIds={INTERACTIVE_LAYER_IDS}
          cursor={cursor}
          onClick={(event) => void onClick(event)}
          onMouseMove={onMouseMove}
          onMouseLeave={onMouseLeave}
          onLoad={onLoad}
          onResize={onResize}
          onMoveEnd={onMoveEnd}
          onIdle={onIdle}
          onSourceData={hotspotSource.onSourceData}
          onError={onError}
          style={{ width: '100%', height: '100%' }}
        >
          {mask && (
            <Source id={SOURCE_IDS.mask} type="geojson" data={mask}>
              <Layer {...layers.cityMask} />
            </Source>
          )}
          {districts && (
            <Source id={SOURCE_IDS.districts} type="geojson" data={districts}>
              <Layer {...layers.districtFill} paint={districtFillPaint} />
              <Layer {...layers.districtLine} />
            </Source>
          )}
          {neighbourhoods && (
            <Source id={SOURCE_IDS.neighbourhoods} type="geojson" data={neighbourhoods}>
              <Layer {...layers.neighbourhoodFill} />
              <Layer {...layers.neighbourhoodLine} />
              <Layer {...layers.neighbourhoodSelected} filter={neighbourhoodSelectedFilter} />
            </Source>
          )}
          {districts && (
            // Above the neighbourhood layers, so its own layer here instead of inside the districts' Source.
            <Layer {...layers.districtSelected} source={SOURCE_IDS.districts} filter={districtSelectedFilter} />
          )}
          {boundary && (
            <Source id={SOURCE_IDS.boundary} type="geojson" data={boundary}>
              <Layer {...layers.boundaryLine} />
            </Source>
          )}
          {areaLabels && (
            <Source id={SOURCE_IDS.areaLabels} type="geojson" data={areaLabels}>
              <Layer {...layers.neighbourhoodLabel} />
              <Layer {...layers.districtLabel} />
            </Source>
          )}
          {hotspotSource.data && (
            <>
              {/* Created with every place (or a broad filter's result); useHotspotSource sends only the
                difference when a broad filter changes (no re-created source, no copy of every place). */}
              <ClusteredHotspots
                id={SOURCE_IDS.hotspots}
                data={hotspotSource.data}
                layers={broadLayers}
                namesFrom={namesFrom}
              />
              {/* Holds a narrow filter's result (see planSourcesUpdate); empty until the first one. */}
              <ClusteredHotspots
                id={SOURCE_IDS.hotspotsNarrow}
                data={EMPTY_HOTSPOTS}
                layers={narrowLayers}
                namesFrom={namesFrom}
              />
            </>
          )}
          {userLocationPoint && (
            <Source id={SOURCE_IDS.userLocation} type="geojson" data={userLocationPoint}>
              <Layer {...layers.userLocation} />
            </Source>
          )}
          <NavigationControl position="top-right" showCompass={false} />
          <ScaleControl position="bottom-left" />
        </Map>
      )}
      <PanControls mapRef={mapRef} layout={panLayout} />
      <DensityLegend classes={classes} />
    </div>
  );
}
