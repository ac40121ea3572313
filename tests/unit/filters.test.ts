import { describe, expect, it } from 'vitest';
import { validateHotspots } from '@/data/hotspots';
import {
  applyFilters,
  EMPTY_FILTERS,
  facetCounts,
  filterHotspots,
  isFiltering,
  toggleValue,
  type FacetCounts,
  type Filters,
} from '@/domain/filters';
import { CATEGORIES, SECTORS, STATUSES, type Hotspot } from '@/domain/hotspot';
import { buildSearchKeys, queryMatcher } from '@/domain/search';
import { makeHotspot } from '../fixtures/unit/hotspot';
import { readRawHotspots, realContext, searchContextFor } from '../fixtures/unit/realData';

const ALL = () => true;
const ids = (hotspots: readonly Hotspot[]) => hotspots.map((hotspot) => hotspot.id);
const filters = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });

/** Six hand-built places, chosen so that every facet splits them differently. */
const HAND = [
  makeHotspot({
    id: 'a',
    category: 'science',
    sector: 'science',
    status: 'existing',
    tags: ['ai', 'research'],
    district: 'hoerde',
    neighbourhood: 'hoerde',
  }),
  makeHotspot({
    id: 'b',
    category: 'science',
    sector: 'business',
    status: 'planned',
    tags: ['research'],
    district: 'hoerde',
    neighbourhood: 'hacheney',
  }),
  makeHotspot({
    id: 'c',
    category: 'culture',
    sector: 'municipal',
    status: 'existing',
    tags: ['theatre'],
    district: 'innenstadt-west',
    neighbourhood: 'city',
  }),
  makeHotspot({
    id: 'd',
    category: 'culture',
    sector: 'civic',
    status: 'existing',
    // Validated places list each tag once (validateHotspots de-duplicates; tested in hotspots.test.ts).
    tags: ['ai'],
    district: 'innenstadt-west',
    neighbourhood: 'city',
  }),
  makeHotspot({
    id: 'e',
    category: 'business',
    sector: 'business',
    status: 'existing',
    tags: [],
    district: 'eving',
    neighbourhood: 'brechten',
  }),
  makeHotspot({
    id: 'f',
    category: 'urban',
    sector: 'municipal',
    status: 'planned',
    tags: ['housing'],
    district: null,
    neighbourhood: null,
  }),
];

describe('isFiltering', () => {
  it('is false for the empty filters and for a blank query', () => {
    expect(isFiltering(EMPTY_FILTERS)).toBe(false);
    expect(isFiltering(filters({ query: '   \t ' }))).toBe(false);
  });

  it.each<[string, Partial<Filters>]>([
    ['a category', { categories: ['science'] }],
    ['a sector', { sectors: ['civic'] }],
    ['a status', { statuses: ['planned'] }],
    ['a tag', { tags: ['ai'] }],
    ['a district', { district: 'hoerde' }],
    ['a neighbourhood', { neighbourhood: 'city' }],
    ['a query', { query: 'x' }],
  ])('is true with %s', (_label, patch) => {
    expect(isFiltering(filters(patch))).toBe(true);
  });
});

describe('toggleValue', () => {
  it('adds an absent value and removes a present one', () => {
    expect(toggleValue(['science'], 'culture', CATEGORIES)).toEqual(['science', 'culture']);
    expect(toggleValue(['science', 'culture'], 'science', CATEGORIES)).toEqual(['culture']);
    expect(toggleValue(['science'], 'science', CATEGORIES)).toEqual([]);
  });

  it('keeps the canonical order whatever the order of clicks', () => {
    let values: (typeof CATEGORIES)[number][] = [];
    for (const value of ['urban', 'science', 'civic', 'business'] as const)
      values = toggleValue(values, value, CATEGORIES);
    expect(values).toEqual(['science', 'business', 'civic', 'urban']);
    expect(toggleValue(['planned'], 'existing', STATUSES)).toEqual(['existing', 'planned']);
    expect(toggleValue(['municipal', 'business'], 'civic', SECTORS)).toEqual(['municipal', 'civic', 'business']);
  });

  it('sorts values that have no canonical order (tags)', () => {
    expect(toggleValue(['robotics', 'ai'], 'logistics')).toEqual(['ai', 'logistics', 'robotics']);
  });

  it('does not change its input', () => {
    const values = Object.freeze(['science'] as const);
    toggleValue(values, 'culture', CATEGORIES);
    expect(values).toEqual(['science']);
  });
});

describe('filterHotspots on hand-built places', () => {
  it('returns everything, as a copy, when nothing is filtered', () => {
    const result = filterHotspots(HAND, EMPTY_FILTERS, ALL);
    expect(ids(result)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(result).not.toBe(HAND);
  });

  it('ORs values within one facet', () => {
    expect(ids(filterHotspots(HAND, filters({ categories: ['science'] }), ALL))).toEqual(['a', 'b']);
    expect(ids(filterHotspots(HAND, filters({ categories: ['science', 'culture'] }), ALL))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(ids(filterHotspots(HAND, filters({ sectors: ['business', 'civic'] }), ALL))).toEqual(['b', 'd', 'e']);
    expect(ids(filterHotspots(HAND, filters({ tags: ['theatre', 'housing'] }), ALL))).toEqual(['c', 'f']);
  });

  it('ANDs across facets', () => {
    expect(
      ids(filterHotspots(HAND, filters({ categories: ['science', 'culture'], statuses: ['existing'] }), ALL)),
    ).toEqual(['a', 'c', 'd']);
    expect(
      ids(
        filterHotspots(
          HAND,
          filters({ categories: ['science', 'culture'], statuses: ['existing'], tags: ['ai'] }),
          ALL,
        ),
      ),
    ).toEqual(['a', 'd']);
    expect(ids(filterHotspots(HAND, filters({ categories: ['business'], sectors: ['municipal'] }), ALL))).toEqual([]);
  });

  it('filters by district and by neighbourhood', () => {
    expect(ids(filterHotspots(HAND, filters({ district: 'hoerde' }), ALL))).toEqual(['a', 'b']);
    expect(ids(filterHotspots(HAND, filters({ neighbourhood: 'hacheney' }), ALL))).toEqual(['b']);
    expect(ids(filterHotspots(HAND, filters({ district: 'nowhere' }), ALL))).toEqual([]);
  });

  it('ANDs the text query with the facets, and asks the matcher only about a non-blank query', () => {
    const onlyDE = (hotspot: Hotspot) => hotspot.id === 'd' || hotspot.id === 'e';
    expect(ids(filterHotspots(HAND, filters({ query: 'x' }), onlyDE))).toEqual(['d', 'e']);
    expect(ids(filterHotspots(HAND, filters({ query: 'x', categories: ['culture'] }), onlyDE))).toEqual(['d']);
    // A blank query is no filter: everything passes even if the matcher would say no.
    expect(ids(filterHotspots(HAND, filters({ query: '  ' }), () => false))).toEqual(ids(HAND));
  });

  it('a place without a district passes no district filter but every other one', () => {
    expect(ids(filterHotspots(HAND, filters({ categories: ['urban'] }), ALL))).toEqual(['f']);
    expect(ids(filterHotspots(HAND, filters({ categories: ['urban'], district: 'hoerde' }), ALL))).toEqual([]);
  });
});

describe('facetCounts on hand-built places', () => {
  it('counts every value over all places when nothing is filtered', () => {
    const counts = facetCounts(HAND, EMPTY_FILTERS, ALL);
    expect(counts.categories).toEqual({ science: 2, culture: 2, business: 1, urban: 1 });
    expect(counts.sectors).toEqual({ science: 1, business: 2, municipal: 2, civic: 1 });
    expect(counts.statuses).toEqual({ existing: 4, planned: 2 });
    expect(counts.district).toEqual({ hoerde: 2, 'innenstadt-west': 2, eving: 1 });
    expect(counts.neighbourhood).toEqual({ hoerde: 1, hacheney: 1, city: 2, brechten: 1 });
  });

  it('counts each tag of a place', () => {
    expect(facetCounts(HAND, EMPTY_FILTERS, ALL).tags).toEqual({ ai: 2, research: 2, theatre: 1, housing: 1 });
  });

  it('leaves the facet’s own selection out of its counts, and applies it to every other facet', () => {
    const counts = facetCounts(HAND, filters({ categories: ['science'] }), ALL);
    // Culture is still offered with the number of culture places, though science is chosen.
    expect(counts.categories).toEqual({ science: 2, culture: 2, business: 1, urban: 1 });
    // The other facets count only science places.
    expect(counts.statuses).toEqual({ existing: 1, planned: 1 });
    expect(counts.tags).toEqual({ ai: 1, research: 2 });
    expect(counts.district).toEqual({ hoerde: 2 });
  });

  it('applies every other facet to a facet’s counts', () => {
    const counts = facetCounts(HAND, filters({ categories: ['science', 'culture'], statuses: ['existing'] }), ALL);
    expect(counts.categories).toEqual({ science: 1, culture: 2, business: 1 });
    expect(counts.statuses).toEqual({ existing: 3, planned: 1 });
    expect(counts.sectors).toEqual({ science: 1, municipal: 1, civic: 1 });
  });

  it('counts districts and neighbourhoods with the place choice left out (one place at a time)', () => {
    const byDistrict = facetCounts(HAND, filters({ district: 'hoerde' }), ALL);
    expect(byDistrict.district).toEqual({ hoerde: 2, 'innenstadt-west': 2, eving: 1 });
    expect(byDistrict.neighbourhood).toEqual({ hoerde: 1, hacheney: 1, city: 2, brechten: 1 });
    expect(byDistrict.categories).toEqual({ science: 2 });

    const byNeighbourhood = facetCounts(HAND, filters({ neighbourhood: 'city' }), ALL);
    expect(byNeighbourhood.district).toEqual({ hoerde: 2, 'innenstadt-west': 2, eving: 1 });
    expect(byNeighbourhood.categories).toEqual({ culture: 2 });
  });

  it('applies the text query to every facet', () => {
    const counts = facetCounts(HAND, filters({ query: 'x' }), (hotspot) => hotspot.id === 'a');
    expect(counts.categories).toEqual({ science: 1 });
    expect(counts.tags).toEqual({ ai: 1, research: 1 });
    expect(counts.district).toEqual({ hoerde: 1 });
  });
});

// ---------------------------------------------------------------------------------------------------
// The real data: counts are checked against an oracle that simply filters with the value chosen.

const context = realContext();
const REAL = validateHotspots(readRawHotspots(), context).hotspots;
const districtNames = new Map(context.districts!.map((area) => [area.slug, area.name]));
const neighbourhoodNames = new Map(context.neighbourhoods!.map((area) => [area.slug, area.name]));
const KEYS = buildSearchKeys(REAL, searchContextFor(context.districts, context.neighbourhoods));
const matcherFor = (current: Filters) => queryMatcher(current.query, KEYS);
const REAL_TAGS = [...new Set(REAL.flatMap((hotspot) => hotspot.tags))].sort();

/** What choosing only `value` in `facet` (the other facets unchanged) would give: the definition of a count. */
function oracleCounts(hotspots: readonly Hotspot[], current: Filters): FacetCounts {
  const count = (patch: Partial<Filters>) => {
    const next = { ...current, ...patch };
    return filterHotspots(hotspots, next, matcherFor(next)).length;
  };
  const record = (values: readonly string[], patch: (value: string) => Partial<Filters>) =>
    Object.fromEntries(values.map((value) => [value, count(patch(value))]).filter(([, n]) => n !== 0));
  return {
    categories: record(CATEGORIES, (value) => ({ categories: [value as Hotspot['category']] })),
    sectors: record(SECTORS, (value) => ({ sectors: [value as Hotspot['sector']] })),
    statuses: record(STATUSES, (value) => ({ statuses: [value as Hotspot['status']] })),
    tags: record(REAL_TAGS, (value) => ({ tags: [value] })),
    district: record([...districtNames.keys()], (value) => ({ district: value, neighbourhood: null })),
    neighbourhood: record([...neighbourhoodNames.keys()], (value) => ({ neighbourhood: value, district: null })),
  };
}

const COMBINATIONS: [string, Filters][] = [
  ['nothing', EMPTY_FILTERS],
  ['science', filters({ categories: ['science'] })],
  ['science or culture', filters({ categories: ['science', 'culture'] })],
  ['science or culture, existing', filters({ categories: ['science', 'culture'], statuses: ['existing'] })],
  [
    'municipal, tag structural-change or participation',
    filters({ sectors: ['municipal'], tags: ['participation', 'structural-change'] }),
  ],
  ['district hoerde', filters({ district: 'hoerde' })],
  ['a district no place lies in', filters({ district: 'atlantis' })],
  ['a tag no place has, or structural-change', filters({ tags: ['no-such-tag', 'structural-change'] })],
  ['neighbourhood city, culture', filters({ neighbourhood: 'city', categories: ['culture'] })],
  ['query "dortmund", planned', filters({ query: 'dortmund', statuses: ['planned'] })],
  ['query "hörde"', filters({ query: 'hörde' })],
  [
    'everything at once',
    filters({
      categories: ['urban', 'business'],
      sectors: ['municipal', 'business'],
      statuses: ['existing'],
      tags: ['industrial-heritage', 'structural-change'],
      district: 'hoerde',
      query: 'phoenix',
    }),
  ],
];

describe('filterHotspots and facetCounts on the real data', () => {
  it('loads the 51 real places', () => {
    expect(REAL).toHaveLength(51);
  });

  it('a category filter keeps exactly the places of that category', () => {
    const science = filterHotspots(REAL, filters({ categories: ['science'] }), ALL);
    expect(science.length).toBeGreaterThan(0);
    expect(science.every((hotspot) => hotspot.category === 'science')).toBe(true);
    expect(science).toHaveLength(REAL.filter((hotspot) => hotspot.category === 'science').length);
  });

  it('OR within a facet is the union, AND across facets the intersection', () => {
    const science = new Set(ids(filterHotspots(REAL, filters({ categories: ['science'] }), ALL)));
    const culture = new Set(ids(filterHotspots(REAL, filters({ categories: ['culture'] }), ALL)));
    const both = ids(filterHotspots(REAL, filters({ categories: ['science', 'culture'] }), ALL));
    expect(new Set(both)).toEqual(new Set([...science, ...culture]));

    const hoerde = new Set(ids(filterHotspots(REAL, filters({ district: 'hoerde' }), ALL)));
    const urban = new Set(ids(filterHotspots(REAL, filters({ categories: ['urban'] }), ALL)));
    const urbanInHoerde = ids(filterHotspots(REAL, filters({ categories: ['urban'], district: 'hoerde' }), ALL));
    expect(urbanInHoerde.length).toBeGreaterThan(0);
    expect(new Set(urbanInHoerde)).toEqual(new Set([...hoerde].filter((id) => urban.has(id))));
  });

  it('a place filter keeps the places of that district or neighbourhood', () => {
    for (const slug of districtNames.keys()) {
      const found = filterHotspots(REAL, filters({ district: slug }), ALL);
      expect(ids(found), slug).toEqual(ids(REAL.filter((hotspot) => hotspot.district === slug)));
    }
    const city = filterHotspots(REAL, filters({ neighbourhood: 'city' }), ALL);
    expect(city.length).toBeGreaterThan(0);
    expect(city.every((hotspot) => hotspot.neighbourhood === 'city')).toBe(true);
  });

  it.each(COMBINATIONS)('counts match the oracle with %s', (_label, current) => {
    expect(facetCounts(REAL, current, matcherFor(current))).toEqual(oracleCounts(REAL, current));
  });

  it('with science chosen, the culture count is the number of culture places passing the other filters', () => {
    const current = filters({ categories: ['science'], statuses: ['existing'] });
    const counts = facetCounts(REAL, current, ALL);
    const culture = REAL.filter((hotspot) => hotspot.category === 'culture' && hotspot.status === 'existing').length;
    expect(culture).toBeGreaterThan(0);
    expect(counts.categories['culture']).toBe(culture);
    expect(counts.categories['science']).toBe(filterHotspots(REAL, current, ALL).length);
  });

  it('without filters the district counts add up to all places, and so do the neighbourhood counts', () => {
    const counts = facetCounts(REAL, EMPTY_FILTERS, ALL);
    const sum = (record: Record<string, number>) => Object.values(record).reduce((total, n) => total + n, 0);
    expect(sum(counts.district)).toBe(REAL.length);
    expect(sum(counts.neighbourhood)).toBe(REAL.length);
    expect(sum(counts.categories)).toBe(REAL.length);
    // Each place counts once per distinct tag.
    expect(sum(counts.tags)).toBe(REAL.reduce((total, hotspot) => total + new Set(hotspot.tags).size, 0));
  });

  it('the count of the chosen value equals the number of places shown when one value is chosen', () => {
    for (const [, current] of COMBINATIONS) {
      const shown = filterHotspots(REAL, current, matcherFor(current)).length;
      const counts = facetCounts(REAL, current, matcherFor(current));
      if (current.categories.length === 1) expect(counts.categories[current.categories[0]!] ?? 0).toBe(shown);
      if (current.district !== null) expect(counts.district[current.district] ?? 0).toBe(shown);
      if (current.neighbourhood !== null) expect(counts.neighbourhood[current.neighbourhood] ?? 0).toBe(shown);
    }
  });
});

describe('applyFilters: the one pass behind the list, the map and the counts', () => {
  /** The rules written out plainly, one facet at a time: what the single pass must agree with. */
  function passesPlainly(
    hotspot: Hotspot,
    current: Filters,
    matches: (hotspot: Hotspot) => boolean,
    withPlace: boolean,
  ) {
    const facet = <T>(chosen: readonly T[], value: T) => chosen.length === 0 || chosen.includes(value);
    return (
      facet(current.categories, hotspot.category) &&
      facet(current.sectors, hotspot.sector) &&
      facet(current.statuses, hotspot.status) &&
      (current.tags.length === 0 || hotspot.tags.some((tag) => current.tags.includes(tag))) &&
      (current.query.trim() === '' || matches(hotspot)) &&
      (!withPlace ||
        ((current.district === null || hotspot.district === current.district) &&
          (current.neighbourhood === null || hotspot.neighbourhood === current.neighbourhood)))
    );
  }

  it.each(COMBINATIONS)('agrees with the plain rules on the real data: %s', (_label, current) => {
    const matches = matcherFor(current);
    const result = applyFilters(REAL, current, matches);
    expect(ids(result.matching)).toEqual(ids(REAL.filter((hotspot) => passesPlainly(hotspot, current, matches, true))));
    expect(ids(result.matchingAnyPlace)).toEqual(
      ids(REAL.filter((hotspot) => passesPlainly(hotspot, current, matches, false))),
    );
    // Each match's position in the places given, one per match.
    expect(result.matchingPositions.map((position) => REAL[position])).toEqual(result.matching);
  });

  it('keeps the order it is given (the app passes the places sorted by name)', () => {
    const reversed = [...HAND].reverse();
    expect(ids(applyFilters(reversed, filters({ categories: ['science', 'culture'] }), ALL).matching)).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
  });

  it('asks the text search once per place, with its position (the search flags line up with it)', () => {
    const asked: [string, number][] = [];
    const onlyAE = (hotspot: Hotspot, index: number) => {
      asked.push([hotspot.id, index]);
      return hotspot.id === 'a' || hotspot.id === 'e';
    };
    const result = applyFilters(HAND, filters({ query: 'x', categories: ['science'] }), onlyAE);
    expect(asked).toEqual(HAND.map((hotspot, index) => [hotspot.id, index]));
    expect(ids(result.matching)).toEqual(['a']);
    // The search counts towards the category counts: only a and e are counted.
    expect(result.counts.categories).toEqual({ science: 1, business: 1 });
  });

  it('asks nothing of the text search when there is no query', () => {
    const result = applyFilters(HAND, filters({ query: ' ' }), () => {
      throw new Error('asked without a query');
    });
    expect(result.matching).toHaveLength(HAND.length);
  });
});
