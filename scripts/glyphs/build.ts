/**
 * Draws the label fonts' signed-distance glyphs and writes them as MapLibre glyph ranges into
 * public/glyphs/<font stack>/<first>-<last>.pbf. Run with `npm run glyphs` after changing the fonts or
 * the shipped blocks (src/map/glyphs.ts); the files are committed, so building the app needs no browser.
 *
 * The glyphs are drawn in Chromium with TinySDF, the same rasteriser MapLibre uses when it draws a
 * glyph itself, at the size and spread of the usual server-made glyphs (24 px, 3 px border, radius 8,
 * cutoff 0.25). The font is Noto Sans from @fontsource/noto-sans (SIL Open Font License 1.1).
 */
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LABEL_FONTS, SHIPPED_GLYPH_BLOCKS, glyphBlockName } from '../../src/map/glyphs.ts';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.ts';
import { encodeGlyphRange, GLYPH_BORDER, type SdfGlyph } from './glyphPbf.ts';

const require = createRequire(import.meta.url);
const FONT_PACKAGE = path.dirname(require.resolve('@fontsource/noto-sans/package.json'));
const TINY_SDF = require.resolve('@mapbox/tiny-sdf');
const OUT_DIR = path.resolve('public/glyphs');
/** The subsets of the font that cover the shipped blocks. */
const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'];
/** Size, border, spread and edge of the glyphs MapLibre expects from a glyphs URL. */
const SDF = { fontSize: 24, buffer: GLYPH_BORDER, radius: 8, cutoff: 0.25 };
/**
 * MapLibre's offset between TinySDF's baseline-relative top and the glyph-file convention
 * (glyph_manager.ts, `topAdjustment`), rounded: files hold whole pixels. Labels then sit where the
 * locally drawn ones did.
 */
const TOP_ADJUSTMENT = 27.5;
const ORIGIN = 'https://glyphs.invalid';

/** The `unicode-range` of each subset's @font-face in the package's CSS for `weight`. */
function subsetRanges(weight: number): Map<string, string> {
  const css = readFileSync(path.join(FONT_PACKAGE, `${weight}.css`), 'utf8');
  const ranges = new Map<string, string>();
  for (const match of css.matchAll(/\/\* noto-sans-([a-z-]+)-\d+-normal \*\/[^}]*unicode-range:\s*([^;]+);/g)) {
    ranges.set(match[1]!, match[2]!.trim());
  }
  return ranges;
}

function inUnicodeRange(codePoint: number, unicodeRange: string): boolean {
  return unicodeRange.split(',').some((part) => {
    const [first, last = first] = part.trim().replace(/^U\+/i, '').split('-');
    return codePoint >= parseInt(first!, 16) && codePoint <= parseInt(last!, 16);
  });
}

interface DrawnGlyph {
  id: number;
  data: number[];
  width: number;
  height: number;
  glyphWidth: number;
  glyphHeight: number;
  glyphTop: number;
  glyphLeft: number;
  glyphAdvance: number;
}

interface FaceInput {
  weight: number;
  unicodeRange: string;
  base64: string;
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  // tsx compiles the function handed to page.evaluate with esbuild's keepNames, which wraps named
  // functions in a `__name` helper that exists only in Node; the page gets a harmless one.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/tiny-sdf.js') {
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(TINY_SDF, 'utf8') });
    }
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>glyphs</title>' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.addScriptTag({
    type: 'module',
    content: `import TinySDF from '${ORIGIN}/tiny-sdf.js'; window.TinySDF = TinySDF;`,
  });
  await page.waitForFunction(() => 'TinySDF' in window);

  rmSync(OUT_DIR, { recursive: true, force: true });
  let files = 0;
  for (const { stack, weight } of LABEL_FONTS) {
    const ranges = subsetRanges(weight);
    const faces: FaceInput[] = SUBSETS.map((subset) => {
      const unicodeRange = ranges.get(subset);
      if (!unicodeRange) throw new Error(`No unicode-range for ${subset} ${weight} in @fontsource/noto-sans`);
      const file = path.join(FONT_PACKAGE, 'files', `noto-sans-${subset}-${weight}-normal.woff2`);
      return { weight, unicodeRange, base64: readFileSync(file).toString('base64') };
    });
    for (const block of SHIPPED_GLYPH_BLOCKS) {
      // Control characters never reach a label; everything else the font's subsets cover is drawn.
      const codePoints: number[] = [];
      for (let id = block * 256; id < (block + 1) * 256; id++) {
        if (/\p{Cc}/u.test(String.fromCodePoint(id))) continue;
        if (faces.some((face) => inUnicodeRange(id, face.unicodeRange))) codePoints.push(id);
      }
      const drawn = await page.evaluate(
        async ({ faces, weight, codePoints, sdf }) => {
          for (const face of faces) {
            const bytes = Uint8Array.from(atob(face.base64), (c) => c.charCodeAt(0));
            const fontFace = new FontFace('Noto Sans', bytes, {
              weight: String(face.weight),
              unicodeRange: face.unicodeRange,
            });
            // FontFaceSet is set-like; the DOM typings this config uses leave out its add().
            (document.fonts as unknown as Set<FontFace>).add(await fontFace.load());
          }
          // A character the font lacks is drawn from a fallback font, which then decides its width:
          // two different fallbacks give two widths, so such characters are left out.
          const probe = document.createElement('canvas').getContext('2d')!;
          const widthWith = (fallback: string, text: string) => {
            probe.font = `${weight} ${sdf.fontSize}px "Noto Sans", ${fallback}`;
            return probe.measureText(text).width;
          };
          type TinySdfClass = new (options: object) => {
            draw: (char: string) => Omit<DrawnGlyph, 'id' | 'data'> & { data: Uint8ClampedArray };
          };
          const TinySDF = (window as unknown as { TinySDF: TinySdfClass }).TinySDF;
          const rasteriser = new TinySDF({ ...sdf, fontFamily: '"Noto Sans"', fontWeight: String(weight) });
          const glyphs: DrawnGlyph[] = [];
          for (const id of codePoints) {
            const char = String.fromCodePoint(id);
            if (widthWith('serif', char) !== widthWith('monospace', char)) continue;
            const { data, ...metrics } = rasteriser.draw(char);
            glyphs.push({ id, data: Array.from(data), ...metrics });
          }
          return glyphs;
        },
        { faces, weight, codePoints, sdf: SDF },
      );
      const glyphs: SdfGlyph[] = drawn.map((glyph) => ({
        id: glyph.id,
        bitmap: Uint8Array.from(glyph.data),
        width: glyph.glyphWidth,
        height: glyph.glyphHeight,
        left: glyph.glyphLeft,
        top: Math.round(glyph.glyphTop - TOP_ADJUSTMENT),
        advance: Math.round(glyph.glyphAdvance),
      }));
      const range = glyphBlockName(block);
      mkdirSync(path.join(OUT_DIR, stack), { recursive: true });
      const file = path.join(OUT_DIR, stack, `${range}.pbf`);
      const bytes = encodeGlyphRange(stack, range, glyphs);
      writeFileSync(file, bytes);
      files++;
      console.log(`${path.relative(process.cwd(), file)}: ${glyphs.length} glyphs, ${bytes.length} bytes`);
    }
  }
  console.log(`${files} glyph files written.`);
} finally {
  await browser.close();
}
