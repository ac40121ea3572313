import { describe, expect, it } from 'vitest';
import {
  API_VERSION,
  MESSAGE_SOURCE,
  filtersToPayload,
  outgoing,
  parentOrigin,
  parseIncoming,
  payloadToFilters,
  type FiltersPayload,
} from '@/features/embed/protocol';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';

/** A message from the parent (host page) to the map, in the version-1 envelope. */
const message = (type: string, payload?: unknown, extra: Record<string, unknown> = {}) => ({
  target: MESSAGE_SOURCE,
  version: API_VERSION,
  type,
  ...(payload === undefined ? {} : { payload }),
  ...extra,
});

const EMPTY_PAYLOAD: FiltersPayload = {
  category: [],
  sector: [],
  status: [],
  tag: [],
  district: null,
  neighbourhood: null,
  q: '',
};

function ancestors(...origins: string[]): DOMStringList {
  const list: Record<number, string> & { length: number } = { length: origins.length };
  origins.forEach((origin, index) => (list[index] = origin));
  return Object.assign(list, {
    item: (index: number) => origins[index] ?? null,
    contains: (origin: string) => origins.includes(origin),
  }) as unknown as DOMStringList;
}

describe('parseIncoming: valid messages', () => {
  it('accepts select with an id and with null', () => {
    expect(parseIncoming(message('select', { id: 'tzdo' }))).toEqual(message('select', { id: 'tzdo' }));
    expect(parseIncoming(message('select', { id: 'fraunhofer-iml' }))?.payload).toEqual({ id: 'fraunhofer-iml' });
    expect(parseIncoming(message('select', { id: null }))?.payload).toEqual({ id: null });
  });

  it('accepts a full setFilters and fills a partial one with empty facets', () => {
    const full: FiltersPayload = {
      category: ['science', 'culture'],
      sector: ['municipal'],
      status: ['planned'],
      tag: ['robotik', 'open-data'],
      district: 'hoerde',
      neighbourhood: null,
      q: 'Labor',
    };
    expect(parseIncoming(message('setFilters', full))?.payload).toEqual(full);
    expect(parseIncoming(message('setFilters', { category: ['science'] }))?.payload).toEqual({
      ...EMPTY_PAYLOAD,
      category: ['science'],
    });
    expect(parseIncoming(message('setFilters', {}))?.payload).toEqual(EMPTY_PAYLOAD);
  });

  it('accepts flyTo inside Dortmund, with zoom 14 when left out', () => {
    expect(parseIncoming(message('flyTo', { lng: 7.5135, lat: 51.4898, zoom: 15 }))?.payload).toEqual({
      lng: 7.5135,
      lat: 51.4898,
      zoom: 15,
    });
    expect(parseIncoming(message('flyTo', { lng: 7.45, lat: 51.51 }))?.payload).toEqual({
      lng: 7.45,
      lat: 51.51,
      zoom: 14,
    });
    // The edges of the accepted box are inside it.
    expect(parseIncoming(message('flyTo', { lng: 7.0, lat: 51.3, zoom: 9 }))).not.toBeNull();
    expect(parseIncoming(message('flyTo', { lng: 7.95, lat: 51.72, zoom: 19 }))).not.toBeNull();
  });

  it('accepts reset with an empty payload or none', () => {
    expect(parseIncoming(message('reset', {}))?.type).toBe('reset');
    expect(parseIncoming(message('reset'))).toEqual({ ...message('reset'), payload: {} });
  });
});

describe('parseIncoming: everything else is null', () => {
  it('rejects non-objects', () => {
    for (const data of [
      'select',
      JSON.stringify(message('select', { id: 'tzdo' })),
      null,
      undefined,
      0,
      1,
      true,
      Symbol.iterator,
    ]) {
      expect(parseIncoming(data)).toBeNull();
    }
  });

  it('rejects arrays, also of valid messages', () => {
    expect(parseIncoming([])).toBeNull();
    expect(parseIncoming([message('select', { id: 'tzdo' })])).toBeNull();
  });

  it('rejects a wrong target, a missing target and the outgoing envelope', () => {
    expect(parseIncoming({ ...message('select', { id: 'tzdo' }), target: 'another-map' })).toBeNull();
    const untargeted: Record<string, unknown> = message('select', { id: 'tzdo' });
    delete untargeted['target'];
    expect(parseIncoming(untargeted)).toBeNull();
    expect(parseIncoming(outgoing('select', { id: 'tzdo' }))).toBeNull();
  });

  it('rejects other versions', () => {
    for (const version of [2, 0, '1', 1.5, null, undefined]) {
      expect(parseIncoming({ ...message('select', { id: 'tzdo' }), version })).toBeNull();
    }
  });

  it('rejects unknown types, including the app-to-parent ones and prototype names', () => {
    for (const type of [
      'ready',
      'filters',
      'resize',
      'eval',
      'SELECT',
      'constructor',
      '__proto__',
      'toString',
      '',
      7,
    ]) {
      expect(parseIncoming({ ...message('select', { id: 'tzdo' }), type })).toBeNull();
    }
  });

  it('rejects extra keys on the envelope and in payloads', () => {
    expect(parseIncoming(message('select', { id: 'tzdo' }, { extra: true }))).toBeNull();
    expect(parseIncoming(message('select', { id: 'tzdo', html: '<b>x</b>' }))).toBeNull();
    expect(parseIncoming(message('setFilters', { category: ['science'], categories: ['science'] }))).toBeNull();
    expect(parseIncoming(message('flyTo', { lng: 7.5, lat: 51.5, zoom: 12, bearing: 40 }))).toBeNull();
    expect(parseIncoming(message('reset', { everything: true }))).toBeNull();
  });

  it('rejects missing or wrongly typed payloads', () => {
    expect(parseIncoming(message('select'))).toBeNull();
    expect(parseIncoming(message('select', {}))).toBeNull();
    expect(parseIncoming(message('select', 'tzdo'))).toBeNull();
    expect(parseIncoming(message('select', { id: 7 }))).toBeNull();
    expect(parseIncoming(message('setFilters'))).toBeNull();
    expect(parseIncoming(message('setFilters', null))).toBeNull();
    expect(parseIncoming(message('setFilters', { category: 'science' }))).toBeNull();
    expect(parseIncoming(message('setFilters', { q: 42 }))).toBeNull();
    expect(parseIncoming(message('flyTo', { lng: '7.5', lat: '51.5' }))).toBeNull();
    expect(parseIncoming(message('flyTo', [7.5, 51.5]))).toBeNull();
  });

  it('rejects bad slugs', () => {
    for (const id of [
      'TZDO',
      'tz do',
      'tz_do',
      '-tzdo',
      'tzdo-',
      'tz--do',
      '',
      '<img src=x onerror=alert(1)>',
      '../x',
      'a'.repeat(81),
    ]) {
      expect(parseIncoming(message('select', { id })), id).toBeNull();
    }
    expect(parseIncoming(message('setFilters', { tag: ['ok', 'Not OK'] }))).toBeNull();
    expect(parseIncoming(message('setFilters', { district: 'Hörde' }))).toBeNull();
    expect(parseIncoming(message('setFilters', { neighbourhood: 'city/..' }))).toBeNull();
  });

  it('rejects values outside the facets and too many values', () => {
    expect(parseIncoming(message('setFilters', { category: ['<script>alert(1)</script>'] }))).toBeNull();
    expect(parseIncoming(message('setFilters', { status: ['closed'] }))).toBeNull();
    expect(
      parseIncoming(
        message('setFilters', { category: ['science', 'science', 'science', 'science', 'science', 'science'] }),
      ),
    ).toBeNull();
    expect(
      parseIncoming(message('setFilters', { tag: Array.from({ length: 31 }, (_, index) => `tag-${index}`) })),
    ).toBeNull();
    expect(parseIncoming(message('setFilters', { q: 'x'.repeat(201) }))).toBeNull();
  });

  it('rejects out-of-range and non-finite flyTo targets', () => {
    const bad = [
      { lng: 13.405, lat: 52.52 }, // Berlin
      { lng: 6.99, lat: 51.5 },
      { lng: 7.96, lat: 51.5 },
      { lng: 7.5, lat: 51.29 },
      { lng: 7.5, lat: 51.73 },
      { lng: 51.5, lat: 7.5 }, // swapped
      { lng: 7.5, lat: 51.5, zoom: 8 },
      { lng: 7.5, lat: 51.5, zoom: 20 },
      { lng: Number.NaN, lat: 51.5 },
      { lng: 7.5, lat: Number.POSITIVE_INFINITY },
      { lng: 7.5 },
    ];
    for (const payload of bad) expect(parseIncoming(message('flyTo', payload)), JSON.stringify(payload)).toBeNull();
  });

  it('rejects oversized messages before validating them', () => {
    const megabyte = 'x'.repeat(1_000_000);
    expect(parseIncoming(message('select', { id: megabyte }))).toBeNull();
    expect(parseIncoming(message('setFilters', { q: megabyte }))).toBeNull();
    expect(parseIncoming(message('reset', {}, { padding: megabyte }))).toBeNull();
  });

  it('rejects what cannot be serialised without throwing', () => {
    const cyclic: Record<string, unknown> = message('select', { id: 'tzdo' });
    cyclic['self'] = cyclic;
    expect(parseIncoming(cyclic)).toBeNull();
    expect(parseIncoming(message('setFilters', { q: 10n }))).toBeNull();
  });

  it('sees only own properties of what postMessage delivers (a structured clone)', () => {
    // parseIncoming itself would read inherited keys, but message data is always a structured clone,
    // which keeps own properties only: inherited ones cannot arrive.
    const inherited = Object.create(message('select', { id: 'tzdo' })) as object;
    expect(parseIncoming(structuredClone(inherited))).toBeNull();
  });
});

describe('outgoing', () => {
  it('wraps a payload in the version-1 envelope for the parent', () => {
    expect(outgoing('select', { id: null })).toEqual({
      source: 'innovation-map',
      version: 1,
      type: 'select',
      payload: { id: null },
    });
    expect(outgoing('resize', { height: 480 })).toEqual({
      source: 'innovation-map',
      version: 1,
      type: 'resize',
      payload: { height: 480 },
    });
  });
});

describe('filter payloads', () => {
  const filters: Filters = {
    categories: ['science', 'culture'],
    sectors: ['business'],
    statuses: ['existing'],
    tags: ['open-data', 'robotik'],
    district: 'hoerde',
    neighbourhood: null,
    query: 'Labor',
  };

  it('uses the URL parameter names', () => {
    expect(filtersToPayload(filters)).toEqual({
      category: ['science', 'culture'],
      sector: ['business'],
      status: ['existing'],
      tag: ['open-data', 'robotik'],
      district: 'hoerde',
      neighbourhood: null,
      q: 'Labor',
    });
    expect(filtersToPayload(EMPTY_FILTERS)).toEqual(EMPTY_PAYLOAD);
  });

  it('copies arrays, so the store’s state cannot be changed through a payload', () => {
    const payload = filtersToPayload(filters);
    payload.category.push('urban');
    expect(filters.categories).toEqual(['science', 'culture']);
  });

  it('round-trips', () => {
    expect(payloadToFilters(filtersToPayload(filters))).toEqual(filters);
    expect(payloadToFilters(EMPTY_PAYLOAD)).toEqual(EMPTY_FILTERS);
  });

  it('puts facet values in canonical order, dedupes and sorts tags, trims the query', () => {
    const result = payloadToFilters({
      ...EMPTY_PAYLOAD,
      category: ['urban', 'science'],
      status: ['planned', 'existing'],
      tag: ['robotik', 'open-data', 'robotik'],
      q: '  Labor ',
    });
    expect(result.categories).toEqual(['science', 'urban']);
    expect(result.statuses).toEqual(['existing', 'planned']);
    expect(result.tags).toEqual(['open-data', 'robotik']);
    expect(result.query).toBe('Labor');
  });

  it('keeps one place: a district wins over a neighbourhood', () => {
    expect(payloadToFilters({ ...EMPTY_PAYLOAD, district: 'hoerde', neighbourhood: 'city' })).toMatchObject({
      district: 'hoerde',
      neighbourhood: null,
    });
    expect(payloadToFilters({ ...EMPTY_PAYLOAD, neighbourhood: 'city' })).toMatchObject({
      district: null,
      neighbourhood: 'city',
    });
  });

  it('turns a parsed partial setFilters into whole filters', () => {
    const parsed = parseIncoming(message('setFilters', { category: ['science'] }));
    expect(parsed?.type).toBe('setFilters');
    if (parsed?.type !== 'setFilters') return;
    expect(payloadToFilters(parsed.payload)).toEqual({ ...EMPTY_FILTERS, categories: ['science'] });
  });
});

describe('parentOrigin', () => {
  it('takes the direct parent from ancestorOrigins first', () => {
    expect(
      parentOrigin(
        { ancestorOrigins: ancestors('https://partner.example', 'https://top.example') },
        'https://other.example/page',
      ),
    ).toBe('https://partner.example');
  });

  it('falls back to the referrer’s origin', () => {
    expect(parentOrigin({}, 'https://partner.example/news/article?x=1#y')).toBe('https://partner.example');
    expect(parentOrigin({ ancestorOrigins: ancestors() }, 'http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
  });

  it('is null without either, or with an unparsable referrer', () => {
    expect(parentOrigin({}, '')).toBeNull();
    expect(parentOrigin({ ancestorOrigins: ancestors() }, '')).toBeNull();
    expect(parentOrigin({}, 'not a url')).toBeNull();
  });

  it('reports an opaque parent as "null", which no partner list can contain', () => {
    expect(parentOrigin({ ancestorOrigins: ancestors('null') }, '')).toBe('null');
  });
});
