import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { DARK_LAYERS } from '@/map/darkTheme';
import { LAYERS, samePerPlace, type LayerSet } from '@/map/layers';

// The spec's JSON types are wider than StylePropertySpecification (docs, SDK support): read as the latter.
const CIRCLE_PAINT = latest.paint_circle as unknown as Record<string, StylePropertySpecification>;

/**
 * Which of a circle layer's paint properties MapLibre feeds per feature (vertex attributes) and which as
 * one value (uniforms): its shader program is chosen by exactly this, per layer type.
 */
function programSignature(paint: Record<string, unknown> = {}): string {
  return Object.entries(CIRCLE_PAINT)
    .filter(([, spec]) => spec['property-type'] === 'data-driven')
    .map(([name, spec]) => {
      const value = paint[name] ?? spec.default;
      const parsed = createPropertyExpression(value, name, spec);
      if (parsed.result !== 'success') throw new Error(`${name}: ${parsed.value.map((e) => e.message).join('; ')}`);
      const perFeature = parsed.value.kind === 'source' || parsed.value.kind === 'composite';
      return `${name}:${perFeature ? parsed.value.kind : 'uniform'}`;
    })
    .join(' ');
}

describe('shader programs of the circle layers', () => {
  it.each([
    ['light', LAYERS],
    ['dark', DARK_LAYERS],
  ] as [string, LayerSet][])(
    'clusters, halo, points and the user position share one program (%s)',
    (_theme, layers) => {
      const signatures = [layers.cluster, layers.hotspotHalo, layers.hotspotPoint, layers.userLocation].map((layer) =>
        programSignature(layer.paint),
      );
      expect(new Set(signatures).size).toBe(1);
      // Radius by zoom and feature; the two properties no layer sets stay uniforms.
      expect(signatures[0]).toContain('circle-radius:composite');
      expect(signatures[0]).toContain('circle-blur:uniform');
    },
  );

  it('the check tells programs apart: a constant written plainly is a uniform', () => {
    const plain = { ...LAYERS.hotspotPoint.paint, 'circle-opacity': 1 };
    expect(programSignature(plain)).not.toBe(programSignature(LAYERS.hotspotPoint.paint));
    expect(programSignature(plain)).toContain('circle-opacity:uniform');
  });

  it('samePerPlace gives every place the same value, but per place', () => {
    const parsed = createPropertyExpression(
      samePerPlace(0.5),
      'circle-opacity',
      CIRCLE_PAINT['circle-opacity'] as StylePropertySpecification,
    );
    expect(parsed.result).toBe('success');
    if (parsed.result !== 'success') return;
    expect(parsed.value.kind).toBe('source');
    const at = (properties: Record<string, unknown>) =>
      parsed.value.kind === 'source'
        ? parsed.value.evaluate({ zoom: 12 }, { type: 'Point', properties, geometry: [] } as never)
        : null;
    expect(at({})).toBe(0.5);
    expect(at({ point_count: 3 })).toBe(0.5);
  });
});
