import { describe, expect, it } from 'vitest';
import { slugify } from '@/lib/slug';
import { readRawAreas } from '../fixtures/unit/realData';

const KEBAB_ASCII = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('slugify', () => {
  it.each([
    ['Hörde', 'hoerde'],
    ['Lütgendortmund', 'luetgendortmund'],
    ['Innenstadt-West', 'innenstadt-west'],
    ['Dorstfelder Brücke', 'dorstfelder-bruecke'],
    ['Kirchhörde-Löttringhausen', 'kirchhoerde-loettringhausen'],
    ['Persebeck-Kruckel-Schnee', 'persebeck-kruckel-schnee'],
    ['Großholthausen', 'grossholthausen'],
    ['Straße', 'strasse'],
    ['Ärzte', 'aerzte'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('removes other accents instead of transliterating them', () => {
    expect(slugify('Café Crème')).toBe('cafe-creme');
  });

  it('collapses punctuation and spaces and trims dashes at the ends', () => {
    expect(slugify('  St. Josef / Nord  ')).toBe('st-josef-nord');
    expect(slugify('--Eving--')).toBe('eving');
  });

  // Regression: decomposed input (NFD, as macOS tools and some copy-paste produce) used to lose the
  // umlaut instead of transliterating it, so "Hörde" in NFD slugged to "horde", not "hoerde".
  it('transliterates umlauts written with combining marks (NFD) like precomposed ones', () => {
    expect(slugify('Ho\u0308rde')).toBe('hoerde');
    expect(slugify('Lu\u0308tgendortmund'.normalize('NFD'))).toBe('luetgendortmund');
  });
});

describe.each(['districts.geojson', 'neighbourhoods.geojson'] as const)('slugs in data/%s', (file) => {
  const features = readRawAreas(file).features;
  const slugs = features.map((feature) => feature.properties['slug']);

  it('has features', () => {
    expect(features.length).toBeGreaterThan(10);
  });

  it('are ASCII kebab-case', () => {
    for (const slug of slugs) expect(slug).toMatch(KEBAB_ASCII);
  });

  it('are unique', () => {
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('equal slugify(name)', () => {
    const mismatches = features
      .map((feature) => ({ name: String(feature.properties['name']), slug: feature.properties['slug'] }))
      .filter(({ name, slug }) => slugify(name) !== slug);
    expect(mismatches).toEqual([]);
  });
});
