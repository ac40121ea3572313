import type { StyleSpecification } from 'maplibre-gl';

/**
 * The style that needs no server at all: a plain background under the thematic layers. It has no
 * `glyphs`, so MapLibre draws labels with the device's local fonts (supported since MapLibre 5.11).
 */
export const EMBEDDED_STYLE: StyleSpecification = {
  version: 8,
  name: 'Innovation Next Door – embedded',
  sources: {},
  layers: [
    {
      id: 'background',
      type: 'background',
      paint: { 'background-color': '#eef0ea' },
    },
  ],
};

/** Dortmund's extent, used for the first view when the URL does not say otherwise. */
export const DORTMUND_BOUNDS: [number, number, number, number] = [7.302, 51.415, 7.638, 51.6];
