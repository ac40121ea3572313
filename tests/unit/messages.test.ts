import { describe, expect, it } from 'vitest';
import { CATEGORIES, COORD_CONFIDENCES, SECTORS, STATUSES } from '@/domain/hotspot';
import type { FeatureProblemCode, FileProblemCode } from '@/data/problems';
import { LANGUAGES } from '@/i18n/language';
import { MESSAGES, translate, type MessageKey } from '@/i18n/messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

// `satisfies` makes the compiler complain here when a new problem code is added without a message.
const FEATURE_CODES = Object.keys({
  'invalid-feature': true,
  'invalid-value': true,
  'swapped-coordinates': true,
  'outside-city': true,
  'duplicate-id': true,
  'insecure-link': true,
} satisfies Record<FeatureProblemCode, true>);
const FILE_CODES = Object.keys({
  http: true,
  network: true,
  'not-json': true,
  'wrong-type': true,
  empty: true,
} satisfies Record<FileProblemCode, true>);

describe('messages', () => {
  const deKeys = Object.keys(MESSAGES.de).sort();

  it('de and en have the same keys', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(deKeys);
    expect(deKeys.length).toBeGreaterThan(50);
  });

  it.each(LANGUAGES)('%s has no empty or blank strings', (language) => {
    const blank = Object.entries(MESSAGES[language])
      .filter(([, text]) => text.trim() === '')
      .map(([key]) => key);
    expect(blank).toEqual([]);
  });

  it('placeholders match between languages', () => {
    const mismatches = (deKeys as MessageKey[]).filter(
      (key) => JSON.stringify(placeholders(MESSAGES.de[key])) !== JSON.stringify(placeholders(MESSAGES.en[key])),
    );
    expect(mismatches).toEqual([]);
  });

  it('has a label for every category, sector, status and confidence', () => {
    const needed = [
      ...CATEGORIES.map((value) => `category.${value}`),
      ...SECTORS.map((value) => `sector.${value}`),
      ...STATUSES.map((value) => `status.${value}`),
      ...COORD_CONFIDENCES.map((value) => `confidence.${value}`),
    ];
    expect(needed.filter((key) => !(key in MESSAGES.de))).toEqual([]);
  });

  it('has a sentence for every data problem code, naming the file', () => {
    const needed = [
      ...FEATURE_CODES.map((code) => `problems.feature.${code}`),
      ...FILE_CODES.map((code) => `problems.file.${code}`),
    ];
    expect(needed.filter((key) => !(key in MESSAGES.de))).toEqual([]);
    for (const key of needed as MessageKey[]) expect(placeholders(MESSAGES.en[key]), key).toContain('file');
    for (const code of FEATURE_CODES) {
      expect(placeholders(MESSAGES.en[`problems.feature.${code}` as MessageKey])).toEqual(['feature', 'field', 'file']);
    }
  });

  it('the two languages differ where they should (not copy-pasted)', () => {
    expect(MESSAGES.de['list.title']).not.toBe(MESSAGES.en['list.title']);
    expect(MESSAGES.de['app.switchLanguage']).toBe('English');
    expect(MESSAGES.en['app.switchLanguage']).toBe('Deutsch');
  });
});

describe('translate', () => {
  it('looks up the message in the language', () => {
    expect(translate('de', 'list.title')).toBe('Orte');
    expect(translate('en', 'list.title')).toBe('Places');
  });

  it('fills params', () => {
    expect(translate('en', 'list.count', { count: 51 })).toBe('51 places');
    expect(translate('de', 'list.count', { count: 51 })).toBe('51 Orte');
    expect(translate('en', 'problems.file.http', { file: 'hotspots.geojson', status: 500 })).toBe(
      'hotspots.geojson could not be loaded (HTTP 500).',
    );
  });

  it('fills every occurrence and leaves unknown placeholders visible', () => {
    expect(translate('en', 'about.counts', { hotspots: 51, districts: 12 })).toBe(
      '51 places in 12 districts and {neighbourhoods} statistical neighbourhoods.',
    );
  });

  it('inserts values literally: no second substitution, no $-patterns', () => {
    expect(translate('en', 'problems.feature.invalid-value', { file: '$&', feature: '{file}', field: "$'" })).toBe(
      "$&, entry {file}: invalid value in $'.",
    );
  });

  it('passes markup through as plain text (React escapes it when rendering)', () => {
    expect(translate('en', 'list.count', { count: '<b>5</b>' })).toBe('<b>5</b> places');
  });
});
