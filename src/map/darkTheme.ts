import type { StyleSpecification } from 'maplibre-gl';
import { EMBEDDED_STYLE } from './embeddedStyle';
import { LAYERS, samePerPlace, type LayerSet } from './layers';

const LIGHT_INK = '#e4ebf2';
const DARK_HALO = 'rgba(13, 18, 26, 0.92)';

/**
 * Paint overrides per layer id for the dark theme. Only colours change; every label keeps a halo that
 * contrasts with its text, and the category colours of the points stay the same (with white rings).
 */
export const DARK_PAINT: Readonly<Record<string, Record<string, unknown>>> = {
  'city-mask': { 'fill-color': '#06090d', 'fill-opacity': 0.6 },
  'districts-fill': { 'fill-color': '#223041', 'fill-opacity': 0.45 },
  'districts-line': { 'line-color': '#9fb3c8' },
  'neighbourhoods-line': { 'line-color': '#7890a8' },
  'city-boundary-line': { 'line-color': '#e4ebf2' },
  'district-selected': { 'line-color': '#f6b73c' },
  'neighbourhood-selected': { 'line-color': '#f6b73c' },
  'district-labels': { 'text-color': LIGHT_INK, 'text-halo-color': DARK_HALO },
  'neighbourhood-labels': { 'text-color': LIGHT_INK, 'text-halo-color': DARK_HALO },
  'hotspot-labels': { 'text-color': LIGHT_INK, 'text-halo-color': DARK_HALO },
  'hotspot-halo': { 'circle-stroke-color': samePerPlace('#ffffff') },
  'hotspot-clusters': { 'circle-color': samePerPlace('#d9e2ec'), 'circle-stroke-color': samePerPlace('#0f1720') },
  'hotspot-cluster-count': { 'text-color': '#0f1720' },
};

export const EMBEDDED_STYLE_DARK: StyleSpecification = {
  ...EMBEDDED_STYLE,
  name: 'Innovation Next Door – embedded, dark',
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#121a24' } }],
};

/** The thematic layers with the dark paint applied; built once, so the specs stay referentially stable. */
export const DARK_LAYERS: LayerSet = Object.fromEntries(
  Object.entries(LAYERS).map(([role, layer]) => [
    role,
    DARK_PAINT[layer.id] ? { ...layer, paint: { ...layer.paint, ...DARK_PAINT[layer.id] } } : layer,
  ]),
) as LayerSet;
