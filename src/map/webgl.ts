/**
 * True when the browser has WebGL 2 at all, which MapLibre 6 needs. Cheap (no context is created):
 * whether a context can really be made is only known when MapLibre tries.
 */
export function hasWebGL2(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined';
}
