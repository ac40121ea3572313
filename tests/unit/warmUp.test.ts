import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LngLat } from '@/data/geo';
import { LAYERS } from '@/map/layers';
import { tileOf } from '@/map/tiles';
import { hiddenSpot, warmUpLayers, WARM_UP_SOURCE, type ViewProbe } from '@/map/warmUp';

describe('tileOf', () => {
  it('gives the Web-Mercator tile of a point', () => {
    expect(tileOf([0, 0], 0)).toEqual([0, 0]);
    expect(tileOf([-179.9, 85], 1)).toEqual([0, 0]);
    expect(tileOf([179.9, -85], 1)).toEqual([1, 1]);
    // Dortmund's Reinoldikirche at zoom 10 and 14, as the usual slippy-map formula (with tan and sec) gives them.
    expect(tileOf([7.4663, 51.5142], 10)).toEqual([533, 340]);
    expect(tileOf([7.4663, 51.5142], 14)).toEqual([8531, 5447]);
  });
});

/**
 * A flat stand-in projection: screen x/y map linearly onto longitude/latitude around Dortmund, so tests
 * can put the view's edges where they like relative to the tile grid.
 */
function view(west: number, options: Partial<ViewProbe> = {}): ViewProbe {
  const degreesPerPx = 0.0005;
  return {
    width: 800,
    height: 600,
    tileZoom: 10,
    unproject: ([x, y]) => [west + x * degreesPerPx, 51.6 - y * degreesPerPx] as LngLat,
    ...options,
  };
}

/** The longitude of the western border of tile column x at zoom 10. */
const tileBorder = (x: number) => (x / 1024) * 360 - 180;

describe('hiddenSpot', () => {
  it('picks a spot just left of the view, in the tile the view’s left edge is in', () => {
    const probe = view(tileBorder(533) + 0.1);
    const spots = hiddenSpot(probe);
    expect(spots).not.toBeNull();
    const [spot, end] = spots!;
    expect(spot[0]).toBeLessThan(probe.unproject([0, 0])[0]);
    expect(tileOf(spot, 10)).toEqual(tileOf(probe.unproject([0, 300]), 10));
    expect(tileOf(end, 10)).toEqual(tileOf(spot, 10));
  });

  it('goes to another side when a tile border runs right along the left edge', () => {
    const probe = view(tileBorder(533) + 0.005);
    const [spot] = hiddenSpot(probe)!;
    expect(spot[0]).toBeGreaterThan(probe.unproject([800, 0])[0]);
  });

  it('gives up when every side has a tile border right at its edge (nothing is drawn there)', () => {
    // Each screen pixel spans a whole tile: any spot 40 px outside is in a tile the view does not show.
    const probe: ViewProbe = {
      width: 800,
      height: 600,
      tileZoom: 10,
      unproject: ([x, y]) => [7 + x * 0.36, 51 - y * 0.2] as LngLat,
    };
    expect(hiddenSpot(probe)).toBeNull();
  });
});

/** Just enough of a MapLibre map to watch what the warm-up adds and removes. */
function fakeMap(west: number) {
  const probe = view(west);
  const sources = new Map<string, unknown>();
  const layers = new Map<string, Record<string, unknown>>();
  let onIdle: (() => void) | null = null;
  const map = {
    getContainer: () => ({ clientWidth: probe.width, clientHeight: probe.height }),
    getZoom: () => 10.4,
    unproject: (point: [number, number]) => ({ toArray: () => probe.unproject(point) }),
    getSource: (id: string) => sources.get(id),
    addSource: (id: string, spec: unknown) => void sources.set(id, spec),
    removeSource: (id: string) => void sources.delete(id),
    getLayer: (id: string) => layers.get(id),
    addLayer: (spec: Record<string, unknown>) => void layers.set(spec['id'] as string, spec),
    removeLayer: (id: string) => void layers.delete(id),
    once: (type: string, listener: () => void) => {
      if (type === 'idle') onIdle = listener;
    },
  };
  return { map: map as unknown as MapLibreMap, sources, layers, idle: () => onIdle?.() };
}

describe('warmUpLayers', () => {
  it('adds copies without filters or zoom limits on stand-ins outside the view, and removes them at the next idle', () => {
    const fake = fakeMap(tileBorder(533) + 0.1);
    const added = warmUpLayers(fake.map, [LAYERS.hotspotLabel, LAYERS.districtSelected], { name: 'x' });
    expect(added).toBe(true);
    const label = fake.layers.get(`${WARM_UP_SOURCE}-${LAYERS.hotspotLabel.id}`);
    expect(label?.['source']).toBe(WARM_UP_SOURCE);
    expect(label?.['layout']).toEqual(LAYERS.hotspotLabel.layout);
    expect(label?.['paint']).toEqual(LAYERS.hotspotLabel.paint);
    expect(label).not.toHaveProperty('minzoom');
    expect(label).not.toHaveProperty('filter');
    expect(LAYERS.hotspotLabel.minzoom).toBe(13);
    const data = fake.sources.get(WARM_UP_SOURCE) as { data: { features: { geometry: { type: string } }[] } };
    expect(data.data.features.map((feature) => feature.geometry.type)).toEqual(['Point', 'LineString']);

    fake.idle();
    expect(fake.layers.size).toBe(0);
    expect(fake.sources.size).toBe(0);
  });

  it('adds nothing when there is nowhere to hide the stand-ins', () => {
    const fake = fakeMap(tileBorder(533) + 0.1);
    fake.map.unproject = ((point: [number, number]) => ({
      toArray: () => [7 + point[0] * 0.36, 51 - point[1] * 0.2],
    })) as unknown as MapLibreMap['unproject'];
    expect(warmUpLayers(fake.map, [LAYERS.hotspotPoint], {})).toBe(false);
    expect(fake.layers.size).toBe(0);
    expect(fake.sources.size).toBe(0);
  });
});
