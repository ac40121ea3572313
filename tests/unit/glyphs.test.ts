import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGlyphRange, type SdfGlyph } from '../../scripts/glyphs/glyphPbf';
import { LABEL_FONTS, SHIPPED_GLYPH_BLOCKS, glyphBlockName, glyphsUrl } from '@/map/glyphs';
import { EMBEDDED_STYLE } from '@/map/embeddedStyle';
import { ALL_THEMATIC_LAYERS } from '@/map/layers';

const GLYPH_DIR = path.resolve('public/glyphs');

interface ParsedGlyph {
  id: number;
  bitmap: { width: number; height: number; data: Uint8Array };
  metrics: { width: number; height: number; left: number; top: number; advance: number };
}

/**
 * MapLibre's own reader of glyph files, from its source (the package does not export it). Imported by
 * path so that TypeScript does not type-check MapLibre's sources under this project's settings.
 */
const PARSER = path.resolve('node_modules/maplibre-gl/src/style/parse_glyph_pbf.ts');
const { parseGlyphPbf } = (await import(/* @vite-ignore */ PARSER)) as {
  parseGlyphPbf: (data: Uint8Array) => ParsedGlyph[];
};

function glyph(id: number, width: number, height: number, extra: Partial<SdfGlyph> = {}): SdfGlyph {
  const bitmap = Uint8Array.from({ length: (width + 6) * (height + 6) }, (_, i) => (i * 7 + id) % 256);
  return { id, bitmap, width, height, left: 1, top: -10, advance: width + 2, ...extra };
}

describe('glyphsUrl', () => {
  it('resolves the app base against the page and keeps the placeholders as MapLibre needs them', () => {
    expect(glyphsUrl('/', 'https://karte.example.org/?hotspot=tzdo')).toBe(
      'https://karte.example.org/glyphs/{fontstack}/{range}.pbf',
    );
    expect(glyphsUrl('/innovation/', 'https://www.dortmund.example/innovation/index.html')).toBe(
      'https://www.dortmund.example/innovation/glyphs/{fontstack}/{range}.pbf',
    );
  });

  it('names blocks as MapLibre asks for them', () => {
    expect(glyphBlockName(0)).toBe('0-255');
    expect(glyphBlockName(32)).toBe('8192-8447');
  });
});

describe('encodeGlyphRange', () => {
  it('writes what MapLibre’s own parser reads back, negative offsets and empty glyphs included', () => {
    const glyphs = [glyph(66, 12, 17), glyph(32, 0, 0, { advance: 6 }), glyph(65, 14, 17, { left: -2, top: -27 })];
    const parsed = parseGlyphPbf(encodeGlyphRange('Noto Sans Regular', '0-255', glyphs));
    expect(parsed.map((g) => g.id)).toEqual([32, 65, 66]);
    const a = parsed[1]!;
    expect(a.metrics).toEqual({ width: 14, height: 17, left: -2, top: -27, advance: 16 });
    expect(a.bitmap.width).toBe(20);
    expect(a.bitmap.height).toBe(23);
    expect(Array.from(a.bitmap.data)).toEqual(Array.from(glyphs[2]!.bitmap));
    expect(parsed[0]!.metrics).toEqual({ width: 0, height: 0, left: 1, top: -10, advance: 6 });
    expect(parsed[0]!.bitmap.data.every((value) => value === 0)).toBe(true);
  });

  it('refuses a bitmap that does not fit the glyph’s box and border', () => {
    const broken = { ...glyph(65, 10, 10), bitmap: new Uint8Array(100) };
    expect(() => encodeGlyphRange('Noto Sans Regular', '0-255', [broken])).toThrow(/needs 256/);
  });

  it('refuses metrics the format cannot hold', () => {
    expect(() => encodeGlyphRange('x', '0-255', [glyph(65, 4, 4, { top: -10.5 })])).toThrow(RangeError);
  });
});

/** Every label text in the shipped data: area names and place names (cluster counts are digits). */
function labelTexts(): string[] {
  const names = (file: string) =>
    (
      JSON.parse(readFileSync(path.resolve('data', file), 'utf8')) as { features: { properties: { name: string } }[] }
    ).features.map((feature) => feature.properties.name);
  return [
    ...names('districts.geojson'),
    ...names('neighbourhoods.geojson'),
    ...names('hotspots.geojson'),
    '0123456789k',
  ];
}

describe('the shipped glyph files', () => {
  const files = LABEL_FONTS.flatMap(({ stack }) =>
    SHIPPED_GLYPH_BLOCKS.map((block) => ({
      stack,
      block,
      file: path.join(GLYPH_DIR, stack, `${glyphBlockName(block)}.pbf`),
    })),
  );

  it('exist for every label font and block (run `npm run glyphs` after changing either)', () => {
    for (const { file } of files) expect(existsSync(file), file).toBe(true);
  });

  it('hold glyphs of their own block with bitmaps that fit their boxes', () => {
    for (const { block, file } of files) {
      const parsed = parseGlyphPbf(readFileSync(file));
      // Every shipped block is at least a quarter covered by the font (Cyrillic, the sparsest, has 100).
      expect(parsed.length, file).toBeGreaterThanOrEqual(64);
      for (const { id, bitmap, metrics } of parsed) {
        expect(Math.floor(id / 256), `U+${id.toString(16)} in ${file}`).toBe(block);
        expect(bitmap.width * bitmap.height).toBe((metrics.width + 6) * (metrics.height + 6));
      }
      // A drawn letter has ink: the distance field reaches the edge value (192) somewhere.
      const a = parsed.find((g) => g.id === block * 256 + 0x41) ?? parsed.find((g) => g.metrics.width > 4)!;
      expect(Math.max(...a.bitmap.data)).toBeGreaterThan(192);
    }
  });

  it('cover every character of every label in the data, in both weights', () => {
    const needed = new Set([...labelTexts().join('')].map((char) => char.codePointAt(0)!));
    for (const { stack } of LABEL_FONTS) {
      const covered = new Set(
        SHIPPED_GLYPH_BLOCKS.flatMap((block) =>
          parseGlyphPbf(readFileSync(path.join(GLYPH_DIR, stack, `${glyphBlockName(block)}.pbf`))).map((g) => g.id),
        ),
      );
      const missing = [...needed].filter((id) => !covered.has(id)).map((id) => String.fromCodePoint(id));
      expect(missing, stack).toEqual([]);
    }
    expect(needed.has('ü'.codePointAt(0)!) || needed.has('ö'.codePointAt(0)!)).toBe(true);
  });

  it('are the fonts the label layers ask for, served by the embedded style', () => {
    const stacks = new Set(
      ALL_THEMATIC_LAYERS.flatMap(({ layer }) =>
        layer.type === 'symbol' ? ((layer.layout?.['text-font'] as string[] | undefined) ?? []) : [],
      ),
    );
    expect([...stacks].sort()).toEqual(LABEL_FONTS.map(({ stack }) => stack).sort());
    expect(EMBEDDED_STYLE.glyphs).toBe(glyphsUrl('/', document.baseURI));
  });
});
