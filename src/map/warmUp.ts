import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { LngLat } from '@/data/geo';
import { tileOf } from './tiles';

/**
 * Shader warm-up. WebGL compiles a layer's shader program the first time the layer draws something; in
 * software rendering (no GPU) that takes 50–200 ms per program, on the main thread. At 10,000+ places the
 * first view holds only clusters, so the single points, their halo and their labels would compile inside
 * the first interaction that shows them (a selection, a district, a category). Instead, once the map is
 * ready, copies of those layers draw one stand-in place just outside the visible area, inside a tile the
 * map draws anyway: the programs compile while nobody waits, and nothing is ever seen. MapLibre keys its
 * programs by layer type and which paint properties are data-driven, so a copy with the same paint and
 * layout compiles exactly the program the real layer will use.
 */

export const WARM_UP_SOURCE = 'shader-warm-up';

/** Labels within this many pixels outside the view are still placed (MapLibre's collision grid pads the
 * viewport by 100 px), so they draw and compile; further out they would be skipped. */
const OUTSIDE_PX = 40;

export interface ViewProbe {
  width: number;
  height: number;
  /** The map's tile zoom for its 512 px GeoJSON tiles (the integer part of the camera zoom). */
  tileZoom: number;
  unproject: (point: [number, number]) => LngLat;
}

/**
 * A spot just outside the view, and a second one 10 px from it, that lie in the same tile as a point on
 * the view's edge (so that tile is drawn); null when every side has a tile border right at the edge.
 */
export function hiddenSpot(view: ViewProbe): [LngLat, LngLat] | null {
  const { width, height } = view;
  // Each: a point on the edge, and two points outside it (a place, and the end of a short line).
  type Pixel = [number, number];
  const candidates: [edge: Pixel, outside: Pixel, end: Pixel][] = [
    [
      [0, height / 2],
      [-OUTSIDE_PX, height / 2],
      [-OUTSIDE_PX, height / 2 + 10],
    ],
    [
      [width, height / 2],
      [width + OUTSIDE_PX, height / 2],
      [width + OUTSIDE_PX, height / 2 + 10],
    ],
    [
      [width / 2, 0],
      [width / 2, -OUTSIDE_PX],
      [width / 2 + 10, -OUTSIDE_PX],
    ],
    [
      [width / 2, height],
      [width / 2, height + OUTSIDE_PX],
      [width / 2 + 10, height + OUTSIDE_PX],
    ],
  ];
  for (const [edge, outside, end] of candidates) {
    const spots: [LngLat, LngLat] = [view.unproject(outside), view.unproject(end)];
    const edgeTile = tileOf(view.unproject(edge), view.tileZoom).join('/');
    if (spots.every((spot) => tileOf(spot, view.tileZoom).join('/') === edgeTile)) return spots;
  }
  return null;
}

/**
 * Draws the given layers once on stand-in features outside the view (a point, and a short line for
 * line layers), then removes them after the next idle. The copies keep paint and layout but lose their
 * filters and zoom limits, so they draw now. Returns false when there was nowhere to hide them (nothing
 * is added then).
 */
export function warmUpLayers(
  map: MapLibreMap,
  layers: readonly Omit<LayerSpecification, 'source'>[],
  properties: Record<string, unknown>,
): boolean {
  const container = map.getContainer();
  const spots = hiddenSpot({
    width: container.clientWidth,
    height: container.clientHeight,
    tileZoom: Math.floor(map.getZoom()),
    unproject: (point) => map.unproject(point).toArray(),
  });
  if (!spots || map.getSource(WARM_UP_SOURCE)) return false;
  const [spot, end] = spots;
  map.addSource(WARM_UP_SOURCE, {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [...spot] } },
        { type: 'Feature', properties, geometry: { type: 'LineString', coordinates: [[...spot], [...end]] } },
      ],
    },
  });
  const ids = layers.map((layer) => `${WARM_UP_SOURCE}-${layer.id}`);
  layers.forEach((layer, index) => {
    // The real label layer starts at zoom 13 and the outlines filter by area: the copies draw now.
    const copy = { ...layer, id: ids[index], source: WARM_UP_SOURCE } as LayerSpecification;
    delete copy.minzoom;
    delete copy.maxzoom;
    if ('filter' in copy) delete copy.filter;
    map.addLayer(copy);
  });
  map.once('idle', () => {
    for (const id of ids) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(WARM_UP_SOURCE)) map.removeSource(WARM_UP_SOURCE);
  });
  return true;
}
