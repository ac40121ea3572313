import type { StyleSpecification } from 'maplibre-gl';
import { glyphsUrl } from './glyphs';

/**
 * The style that needs no other server: a plain background under the thematic layers, with label
 * glyphs from the app's own files (see glyphs.ts; characters outside them are drawn from local fonts).
 */
export const EMBEDDED_STYLE: StyleSpecification = {
  version: 8,
  name: 'Innovation Next Door – embedded',
  glyphs: glyphsUrl(import.meta.env.BASE_URL, document.baseURI),
  sources: {},
  layers: [
    {
      id: 'background',
      type: 'background',
      paint: { 'background-color': '#eef0ea' },
    },
  ],
};
