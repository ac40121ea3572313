import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '@/domain/filters';
import { languageFromBrowser, otherLanguage } from '@/i18n/language';
import { parseUrlState, sanitiseFilters, serialiseUrlState, type UrlState } from '@/state/urlState';
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

describe('otherLanguage', () => {
  it('is English for German and German for English', () => {
    expect(otherLanguage('de')).toBe('en');
    expect(otherLanguage('en')).toBe('de');
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

describe('filter parameters', () => {
  const withFilters = (patch: Partial<UrlState['filters']>): UrlState => ({
    ...NOTHING,
    filters: { ...EMPTY_FILTERS, ...patch },
  });

  it('reads every facet, the place and the query', () => {
    const { filters } = parseUrlState(
      '?category=science,culture&sector=civic,municipal&status=existing&tag=robotics,ai&district=hoerde&q=Phoenix&lang=en',
    );
    expect(filters).toEqual({
      categories: ['science', 'culture'],
      sectors: ['municipal', 'civic'],
      statuses: ['existing'],
      tags: ['ai', 'robotics'],
      district: 'hoerde',
      neighbourhood: null,
      query: 'Phoenix',
    });
  });

  it.each<[string, UrlState]>([
    ['categories', withFilters({ categories: ['science', 'culture'] })],
    [
      'all facets',
      withFilters({
        categories: ['business'],
        sectors: ['civic', 'business'],
        statuses: ['planned'],
        tags: ['ai', 'robotics'],
      }),
    ],
    ['a district', withFilters({ district: 'innenstadt-nord' })],
    ['a neighbourhood', withFilters({ neighbourhood: 'kirchhoerde-loettringhausen' })],
    ['a query with umlauts, ampersand, comma and plus', withFilters({ query: 'Hörde & Co, 1+1=2 #x ?y' })],
    [
      'filters, hotspot and language together',
      {
        hotspot: 'tzdo',
        lang: 'en',
        basemap: null,
        filters: {
          ...EMPTY_FILTERS,
          categories: ['civic'],
          statuses: ['existing'],
          neighbourhood: 'city',
          query: 'make',
        },
      },
    ],
  ])('round-trips %s', (_label, state) => {
    const search = serialiseUrlState(state, '');
    expect(search).not.toBe('');
    expect(parseUrlState(search)).toEqual(state);
  });

  it('drops unknown values from a list and keeps the known ones', () => {
    expect(parseUrlState('?category=bogus,science').filters.categories).toEqual(['science']);
    expect(parseUrlState('?category=bogus').filters.categories).toEqual([]);
    expect(parseUrlState('?sector=state,civic').filters.sectors).toEqual(['civic']);
    expect(parseUrlState('?status=demolished').filters.statuses).toEqual([]);
    expect(parseUrlState('?category=SCIENCE, science').filters.categories).toEqual([]);
  });

  it('drops duplicates', () => {
    expect(parseUrlState('?category=science,science,culture,science').filters.categories).toEqual([
      'science',
      'culture',
    ]);
    expect(parseUrlState('?tag=ai,ai,robotics,ai').filters.tags).toEqual(['ai', 'robotics']);
  });

  it('keeps only slug-shaped tags, sorted, at most 30', () => {
    expect(parseUrlState('?tag=robotics,<b>,Robotics,,ai').filters.tags).toEqual(['ai', 'robotics']);
    const many = Array.from({ length: 40 }, (_, index) => `t${String(index).padStart(2, '0')}`);
    const tags = parseUrlState(`?tag=${many.join(',')}`).filters.tags;
    expect(tags).toHaveLength(30);
    expect(tags).toEqual(many.slice(0, 30));
  });

  it('lets a district win over a neighbourhood (one place at a time)', () => {
    const { filters } = parseUrlState('?district=a&neighbourhood=b');
    expect(filters.district).toBe('a');
    expect(filters.neighbourhood).toBeNull();
    expect(parseUrlState('?neighbourhood=b').filters.neighbourhood).toBe('b');
  });

  it('drops a place that is not slug-shaped', () => {
    expect(parseUrlState('?district=<script>').filters.district).toBeNull();
    expect(parseUrlState('?district=H%C3%B6rde').filters.district).toBeNull();
    expect(parseUrlState('?neighbourhood=../etc').filters.neighbourhood).toBeNull();
  });

  it('keeps a query with markup as plain text', () => {
    expect(parseUrlState('?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E').filters.query).toBe('<script>alert(1)</script>');
    expect(parseUrlState('?q=<script>alert(1)</script>').filters.query).toBe('<script>alert(1)</script>');
  });

  it('trims the query and replaces control characters', () => {
    expect(parseUrlState('?q=%20%20Phoenix%20%20').filters.query).toBe('Phoenix');
    expect(parseUrlState('?q=a%00b%0Ac%09d%1Fe%7F').filters.query).toBe('a b c d e');
    expect(parseUrlState('?q=%0A%0D%09').filters.query).toBe('');
  });

  it('caps the query at 200 characters', () => {
    expect(parseUrlState(`?q=${'x'.repeat(500)}`).filters.query).toBe('x'.repeat(200));
    expect(parseUrlState(`?q=${'x'.repeat(200)}`).filters.query).toBe('x'.repeat(200));
  });

  it('writes list values with plain commas, not %2C', () => {
    const search = serialiseUrlState(withFilters({ categories: ['science', 'culture'], tags: ['ai', 'robotics'] }), '');
    expect(search).toContain('category=science,culture');
    expect(search).toContain('tag=ai,robotics');
    expect(search).not.toMatch(/%2C/i);
  });

  it('writes the keys in a stable order and leaves empty facets out', () => {
    const search = serialiseUrlState(
      {
        hotspot: 'tzdo',
        lang: 'de',
        basemap: null,
        filters: { ...EMPTY_FILTERS, statuses: ['planned'], categories: ['urban'], query: '  see ' },
      },
      '',
    );
    expect(search).toBe('?category=urban&status=planned&q=see&hotspot=tzdo&lang=de');
  });

  it('does not write a blank query', () => {
    expect(serialiseUrlState(withFilters({ query: '   ' }), '')).toBe('');
  });

  it('escapes a query with markup, so it cannot break out of the URL', () => {
    const search = serialiseUrlState(withFilters({ query: '<script>alert(1)</script>&x=1' }), '');
    expect(search).not.toContain('<');
    expect(new URLSearchParams(search).get('q')).toBe('<script>alert(1)</script>&x=1');
    expect(new URLSearchParams(search).has('x')).toBe(false);
  });

  it('keeps foreign parameters and replaces its own old filter values', () => {
    const search = serialiseUrlState(
      withFilters({ categories: ['civic'] }),
      '?mode=embed&category=science,culture&district=hoerde&q=old&partner=a%2Cb',
    );
    const params = new URLSearchParams(search);
    expect(params.get('mode')).toBe('embed');
    expect(params.get('partner')).toBe('a,b');
    expect(params.getAll('category')).toEqual(['civic']);
    expect(params.has('district')).toBe(false);
    expect(params.has('q')).toBe(false);
  });

  it('a cleaned garbage URL keeps what is valid and loses the rest', () => {
    const search = '?category=science,bogus&district=Nowhere!&tag=<x>,ai&q=%00hi&mode=kiosk';
    const cleaned = serialiseUrlState(parseUrlState(search), search);
    expect(Object.fromEntries(new URLSearchParams(cleaned))).toEqual({
      mode: 'kiosk',
      category: 'science',
      tag: 'ai',
      q: 'hi',
    });
  });
});

describe('sanitiseFilters', () => {
  const known = {
    districts: new Set(['hoerde', 'eving']),
    neighbourhoods: new Set(['city', 'hacheney']),
    tags: new Set(['ai', 'robotics']),
  };
  const filters = (patch: Partial<UrlState['filters']>) => ({ ...EMPTY_FILTERS, ...patch });

  it('keeps known places and tags', () => {
    expect(sanitiseFilters(filters({ district: 'hoerde', tags: ['ai', 'robotics'] }), known)).toEqual(
      filters({ district: 'hoerde', tags: ['ai', 'robotics'] }),
    );
    expect(sanitiseFilters(filters({ neighbourhood: 'city' }), known).neighbourhood).toBe('city');
  });

  it('drops an unknown district, neighbourhood and tags', () => {
    expect(sanitiseFilters(filters({ district: 'nowhere' }), known).district).toBeNull();
    expect(sanitiseFilters(filters({ neighbourhood: 'nowhere' }), known).neighbourhood).toBeNull();
    expect(sanitiseFilters(filters({ tags: ['ai', 'bogus', 'robotics'] }), known).tags).toEqual(['ai', 'robotics']);
  });

  it('drops every place when the area files could not be loaded', () => {
    const noAreas = { districts: null, neighbourhoods: null, tags: known.tags };
    expect(sanitiseFilters(filters({ district: 'hoerde' }), noAreas).district).toBeNull();
    expect(sanitiseFilters(filters({ neighbourhood: 'city' }), noAreas).neighbourhood).toBeNull();
  });

  it('leaves the facets and the query alone', () => {
    const given = filters({ categories: ['science'], sectors: ['civic'], statuses: ['planned'], query: '<script>' });
    expect(sanitiseFilters(given, known)).toEqual(given);
  });
});
