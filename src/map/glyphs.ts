/**
 * The label fonts and the glyph files the app ships for them.
 *
 * Without a `glyphs` URL MapLibre draws every character of every label on the main thread (TinySDF: a
 * canvas, `getImageData` and a distance transform per glyph, at twice the size). Profiles showed that work
 * inside the first frames and inside the frames after choosing a district. The app therefore serves
 * pre-drawn signed-distance glyphs (scripts/glyphs/build.ts) for the Unicode blocks its labels use; any
 * character outside them is still drawn locally, because MapLibre falls back to TinySDF when a range
 * cannot be loaded. The names match the fonts of the usual online basemaps, so the same layers work
 * on those styles' own glyphs.
 */
export const LABEL_FONT_REGULAR = 'Noto Sans Regular';
export const LABEL_FONT_BOLD = 'Noto Sans Bold';

export const LABEL_FONTS = [
  { stack: LABEL_FONT_REGULAR, weight: 400 },
  { stack: LABEL_FONT_BOLD, weight: 700 },
] as const;

/**
 * Blocks of 256 code points shipped as files (MapLibre asks for glyphs by block): Basic Latin and
 * Latin-1 (German), Latin Extended-A and -B (Turkish, Polish and other languages spoken in Dortmund),
 * Greek, Cyrillic, and General Punctuation with the currency signs (dashes, quotation marks, €).
 */
export const SHIPPED_GLYPH_BLOCKS = [0, 1, 3, 4, 32] as const;

export function glyphBlockName(block: number): string {
  const first = block * 256;
  return `${first}-${first + 255}`;
}

/**
 * The style's `glyphs` template for files under `<base>glyphs/`, made absolute against the page: a
 * relative template would be resolved by whoever fetches it. The placeholders are appended after the
 * URL is resolved, because URL parsing would percent-encode their braces.
 */
export function glyphsUrl(baseUrl: string, pageUrl: string): string {
  return `${new URL(`${baseUrl}glyphs/`, pageUrl).href}{fontstack}/{range}.pbf`;
}
