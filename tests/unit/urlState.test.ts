import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '@/domain/filters';
import { languageFromBrowser } from '@/i18n/language';
import { parseUrlState, serialiseUrlState, type UrlState } from '@/state/urlState';
import { initialLanguage } from '@/state/useUrlSync';

const NOTHING: UrlState = { hotspot: null, lang: null, basemap: null, filters: EMPTY_FILTERS };

describe('parseUrlState', () => {
  it('reads hotspot, lang and basemap', () => {
    expect(parseUrlState('?hotspot=tzdo&lang=en&basemap=offline')).toMatchObject({
      hotspot: 'tzdo',
      lang: 'en',
      basemap: 'offline',
    });
  });

  it('works with or without the leading ?', () => {
    expect(parseUrlState('hotspot=phoenix-see').hotspot).toBe('phoenix-see');
    expect(parseUrlState('?hotspot=phoenix-see').hotspot).toBe('phoenix-see');
  });

  it('gives nothing for an empty query string', () => {
    expect(parseUrlState('')).toEqual(NOTHING);
  });

  it.each([
    ['?hotspot=<script>alert(1)</script>', 'markup'],
    ['?hotspot=%3Cscript%3E', 'encoded markup'],
    ['?hotspot=../x', 'a path'],
    ['?hotspot=Phoenix-See', 'upper case'],
    ['?hotspot=phoenix--see', 'a double dash'],
    ['?hotspot=-phoenix', 'a leading dash'],
    ['?hotspot=', 'an empty value'],
    [`?hotspot=${'a'.repeat(81)}`, 'an overlong id'],
    ['?hotspot=phoenix%20see', 'a space'],
  ])('drops %s (%s) to null', (search) => {
    expect(parseUrlState(search).hotspot).toBeNull();
  });

  it('accepts an id of exactly 80 characters', () => {
    expect(parseUrlState(`?hotspot=${'a'.repeat(80)}`).hotspot).toBe('a'.repeat(80));
  });

  it.each(['?lang=fr', '?lang=EN', '?lang=', '?lang=de-DE'])('drops %s to null', (search) => {
    expect(parseUrlState(search).lang).toBeNull();
  });

  it.each(['?basemap=online', '?basemap=OFFLINE', '?basemap=', '?basemap=https://evil.example/style.json'])(
    'drops %s to null',
    (search) => {
      expect(parseUrlState(search).basemap).toBeNull();
    },
  );

  it('never throws on malformed percent-encoding', () => {
    expect(() => parseUrlState('?hotspot=%E0%A4%A&lang=%')).not.toThrow();
    expect(parseUrlState('?hotspot=%E0%A4%A').hotspot).toBeNull();
  });

  it('uses the first of repeated keys', () => {
    expect(parseUrlState('?lang=en&lang=de').lang).toBe('en');
  });

  it('keeps only known filter values, each once, in canonical order', () => {
    const { filters } = parseUrlState('?category=culture,bogus,science,culture&status=planned');
    expect(filters.categories).toEqual(['science', 'culture']);
    expect(filters.statuses).toEqual(['planned']);
  });
});

describe('serialiseUrlState', () => {
  it('writes the app keys', () => {
    const search = serialiseUrlState({ ...NOTHING, hotspot: 'tzdo', lang: 'en', basemap: 'offline' }, '');
    const params = new URLSearchParams(search);
    expect(search.startsWith('?')).toBe(true);
    expect(params.get('hotspot')).toBe('tzdo');
    expect(params.get('lang')).toBe('en');
    expect(params.get('basemap')).toBe('offline');
  });

  it('returns an empty string when there is nothing to say', () => {
    expect(serialiseUrlState(NOTHING, '')).toBe('');
  });

  it('keeps parameters it does not own', () => {
    const search = serialiseUrlState({ ...NOTHING, hotspot: 'tzdo' }, '?mode=embed&partner=stadt');
    const params = new URLSearchParams(search);
    expect(params.get('mode')).toBe('embed');
    expect(params.get('partner')).toBe('stadt');
    expect(params.get('hotspot')).toBe('tzdo');
  });

  it('drops keys whose value is null', () => {
    const search = serialiseUrlState({ ...NOTHING, lang: 'de' }, '?hotspot=tzdo&basemap=offline&mode=embed');
    const params = new URLSearchParams(search);
    expect(params.has('hotspot')).toBe(false);
    expect(params.has('basemap')).toBe(false);
    expect(params.get('lang')).toBe('de');
    expect(params.get('mode')).toBe('embed');
  });

  it('replaces an old value rather than adding a second one', () => {
    const search = serialiseUrlState({ ...NOTHING, hotspot: 'drz' }, '?hotspot=tzdo');
    expect(new URLSearchParams(search).getAll('hotspot')).toEqual(['drz']);
  });
});

describe('round trips', () => {
  const states: UrlState[] = [
    NOTHING,
    { ...NOTHING, hotspot: 'phoenix-see' },
    { ...NOTHING, hotspot: 'tzdo', lang: 'en', basemap: 'offline' },
    { ...NOTHING, lang: 'de' },
    {
      ...NOTHING,
      hotspot: 'dortmunder-u',
      filters: { ...EMPTY_FILTERS, categories: ['science', 'culture'], district: 'hoerde', query: 'Phönix & Co' },
    },
  ];

  it.each(states.map((state) => [serialiseUrlState(state, '') || '(empty)', state] as const))(
    'parse(serialise(state)) gives the state back: %s',
    (_label, state) => {
      expect(parseUrlState(serialiseUrlState(state, ''))).toEqual(state);
    },
  );

  it.each(['?hotspot=tzdo', '?hotspot=tzdo&lang=en', '?lang=de&basemap=offline'])(
    'serialise(parse(search)) gives an equivalent query string: %s',
    (search) => {
      const again = serialiseUrlState(parseUrlState(search), '');
      expect(Object.fromEntries(new URLSearchParams(again))).toEqual(Object.fromEntries(new URLSearchParams(search)));
    },
  );

  it('a cleaned garbage URL keeps the foreign parameters and loses the garbage', () => {
    const search = '?hotspot=<script>&lang=fr&basemap=online&mode=kiosk';
    const cleaned = serialiseUrlState(parseUrlState(search), search);
    expect(Object.fromEntries(new URLSearchParams(cleaned))).toEqual({ mode: 'kiosk' });
  });
});

describe('languageFromBrowser', () => {
  it.each([
    [['en-GB'], 'en'],
    [['en-US', 'de-DE'], 'en'],
    [['de-AT', 'en'], 'de'],
    [['fr'], 'de'],
    [['fr-FR', 'en-GB'], 'en'],
    [['EN'], 'en'],
    [[], 'de'],
  ] as const)('%j → %s', (preferred, language) => {
    expect(languageFromBrowser(preferred)).toBe(language);
  });
});

describe('initialLanguage', () => {
  it('prefers ?lang= over the browser', () => {
    expect(initialLanguage('?lang=en', ['de-DE'])).toBe('en');
    expect(initialLanguage('?lang=de', ['en-GB'])).toBe('de');
  });

  it('falls back to the browser for a missing or unsupported ?lang=', () => {
    expect(initialLanguage('', ['en-GB'])).toBe('en');
    expect(initialLanguage('?lang=fr', ['en-US'])).toBe('en');
  });

  it('falls back to German when nothing fits', () => {
    expect(initialLanguage('?lang=fr', ['fr-FR', 'it'])).toBe('de');
    expect(initialLanguage('', [])).toBe('de');
  });
});
