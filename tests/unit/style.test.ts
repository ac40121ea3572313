import { describe, expect, it } from 'vitest';
import {
  validateStyleMin,
  type LayerSpecification,
  type SourceSpecification,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { EMBEDDED_STYLE } from '@/map/embeddedStyle';
import {
  ALL_THEMATIC_LAYERS,
  CLUSTER_MAX_ZOOM,
  CLUSTER_RADIUS,
  INTERACTIVE_LAYER_IDS,
  SOURCE_IDS,
  hotspotPointLayer,
  isLayerOrCopy,
  narrowCopy,
} from '@/map/layers';

const EMPTY_COLLECTION = { type: 'FeatureCollection' as const, features: [] };

/** The embedded style plus every thematic source and layer, as the map ends up with them. */
function fullStyle(extraLayers: LayerSpecification[] = []): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    ...(EMBEDDED_STYLE.sources as Record<string, SourceSpecification>),
  };
  for (const id of Object.values(SOURCE_IDS)) {
    sources[id] =
      id === SOURCE_IDS.hotspots || id === SOURCE_IDS.hotspotsNarrow
        ? {
            type: 'geojson',
            data: EMPTY_COLLECTION,
            cluster: true,
            clusterMaxZoom: CLUSTER_MAX_ZOOM,
            clusterRadius: CLUSTER_RADIUS,
            promoteId: 'id',
          }
        : { type: 'geojson', data: EMPTY_COLLECTION };
  }
  const thematic = ALL_THEMATIC_LAYERS.map(({ source, layer }) => ({ ...layer, source }) as LayerSpecification);
  return {
    ...(EMBEDDED_STYLE as StyleSpecification),
    sources,
    layers: [...(EMBEDDED_STYLE.layers as LayerSpecification[]), ...thematic, ...extraLayers],
  };
}

describe('map style', () => {
  it('the embedded style alone is valid', () => {
    expect(validateStyleMin(EMBEDDED_STYLE as StyleSpecification)).toEqual([]);
  });

  it('the embedded style takes its glyphs from the app itself', () => {
    expect(EMBEDDED_STYLE.glyphs).toMatch(/^http:\/\/localhost(:\d+)?\/glyphs\/\{fontstack\}\/\{range\}\.pbf$/);
  });

  it('the embedded style needs no server: no sources, no sprite', () => {
    expect(EMBEDDED_STYLE.sources).toEqual({});
    expect(EMBEDDED_STYLE).not.toHaveProperty('sprite');
  });

  it('embedded style plus every thematic layer validates with zero errors', () => {
    const errors = validateStyleMin(fullStyle()).map((error) => error.message);
    expect(errors).toEqual([]);
  });

  it('has unique layer ids', () => {
    const ids = fullStyle().layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every thematic layer points at a known source', () => {
    const sourceIds = new Set<string>(Object.values(SOURCE_IDS));
    for (const { source, layer } of ALL_THEMATIC_LAYERS) expect(sourceIds.has(source), layer.id).toBe(true);
  });

  it('the interactive layers are among the thematic layers, points on the hotspot source', () => {
    const ids = ALL_THEMATIC_LAYERS.map(({ layer }) => layer.id);
    for (const id of INTERACTIVE_LAYER_IDS) expect(ids).toContain(id);
    expect(ALL_THEMATIC_LAYERS.find(({ layer }) => layer.id === hotspotPointLayer.id)?.source).toBe(
      SOURCE_IDS.hotspots,
    );
    // The narrow source draws with copies of the same layers, under their own ids.
    const copy = narrowCopy(hotspotPointLayer);
    expect(copy.id).not.toBe(hotspotPointLayer.id);
    expect(INTERACTIVE_LAYER_IDS).toContain(copy.id);
    expect(ALL_THEMATIC_LAYERS.find(({ layer }) => layer.id === copy.id)?.source).toBe(SOURCE_IDS.hotspotsNarrow);
    expect(isLayerOrCopy(copy.id, hotspotPointLayer)).toBe(true);
    expect(isLayerOrCopy(hotspotPointLayer.id, hotspotPointLayer)).toBe(true);
    expect(isLayerOrCopy('hotspot-clusters-narrow', hotspotPointLayer)).toBe(false);
  });

  it('reports a deliberately broken layer (the check can fail)', () => {
    const broken = {
      id: 'broken',
      type: 'circle',
      source: SOURCE_IDS.hotspots,
      paint: { 'circle-radius': 'big', 'circle-colour': '#f00' },
    } as unknown as LayerSpecification;
    const style = fullStyle([broken]);
    const errors = validateStyleMin(style).map((error) => error.message);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    // Errors name the layer by its position: the broken one is last.
    expect(errors.join('\n')).toContain(`layers[${style.layers.length - 1}]`);
    expect(errors.join('\n')).toMatch(/circle-radius/);
    expect(errors.join('\n')).toMatch(/circle-colour/);
  });

  it('reports a layer that names a missing source', () => {
    const orphan = { id: 'orphan', type: 'line', source: 'nowhere' } as LayerSpecification;
    const errors = validateStyleMin(fullStyle([orphan])).map((error) => error.message);
    expect(errors.join('\n')).toMatch(/nowhere/);
  });
});
