import { describe, expect, it } from 'vitest';
import {
  createExpression,
  featureFilter,
  validateStyleMin,
  type FilterSpecification,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { hotspotsToGeoJSON, validateHotspots } from '@/data/hotspots';
import { EMPTY_FILTERS, filterHotspots, type Filters } from '@/domain/filters';
import { buildSearchKeys, queryMatcher } from '@/domain/search';
import { filterToExpression } from '@/map/filterExpression';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS } from '@/map/layers';
import { readRawHotspots, realContext } from '../fixtures/unit/realData';

const filters = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });

const context = realContext();
const REAL = validateHotspots(readRawHotspots(), context).hotspots;
const GEOJSON = hotspotsToGeoJSON(REAL);
const districtNames = new Map(context.districts!.map((area) => [area.slug, area.name]));
const neighbourhoodNames = new Map(context.neighbourhoods!.map((area) => [area.slug, area.name]));
const KEYS = buildSearchKeys(REAL, {
  districtName: (slug) => (slug ? (districtNames.get(slug) ?? null) : null),
  neighbourhoodName: (slug) => (slug ? (neighbourhoodNames.get(slug) ?? null) : null),
});

/** What the app passes: the ids found by the text search, or null without a search (as useFilteredView does). */
function searchIds(current: Filters): string[] | null {
  if (current.query.trim() === '') return null;
  return REAL.filter(queryMatcher(current.query, KEYS)).map((hotspot) => hotspot.id);
}

/** A clustered GeoJSON source with the expression as its own filter, as MapView sets it up. */
function styleWithSourceFilter(filter: FilterSpecification): StyleSpecification {
  return {
    version: 8,
    sources: {
      hotspots: {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        cluster: true,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
        clusterRadius: CLUSTER_RADIUS,
        promoteId: 'id',
        filter,
      },
    },
    layers: [{ id: 'points', type: 'circle', source: 'hotspots', filter }],
  };
}

/**
 * The ids the map keeps, evaluated the way MapLibre's GeoJSON worker evaluates a source filter
 * (createExpression with a boolean spec, evaluated on the raw GeoJSON feature at zoom 0).
 */
function idsKeptBySource(filter: FilterSpecification): string[] {
  const compiled = createExpression(filter, 'sources.hotspots.filter', {
    type: 'boolean',
    'property-type': 'data-driven',
    overridable: false,
    transition: false,
  } as never);
  if (compiled.result === 'error') throw new Error(compiled.value.map((error) => error.message).join(', '));
  const expression = compiled.value;
  return GEOJSON.features
    .filter((feature) => expression.evaluate({ zoom: 0 }, { type: 'Point', properties: { ...feature.properties } }) === true)
    .map((feature) => feature.properties.id);
}

/** The same through featureFilter, the style-spec's layer-filter compiler. */
function idsKeptByLayerFilter(filter: FilterSpecification): string[] {
  const compiled = featureFilter(filter, 'layers.points.filter');
  return GEOJSON.features
    .filter((feature) => compiled.filter({ zoom: 0 }, { type: 'Point', properties: { ...feature.properties } }))
    .map((feature) => feature.properties.id);
}

describe('filterToExpression: the clauses', () => {
  it('is null when nothing is filtered (the source then needs no filter)', () => {
    expect(filterToExpression(EMPTY_FILTERS, null)).toBeNull();
  });

  it('turns each facet into one property test', () => {
    expect(filterToExpression(filters({ categories: ['science', 'culture'] }), null)).toEqual([
      'in',
      ['get', 'category'],
      ['literal', ['science', 'culture']],
    ]);
    expect(filterToExpression(filters({ sectors: ['civic'] }), null)).toEqual(['in', ['get', 'sector'], ['literal', ['civic']]]);
    expect(filterToExpression(filters({ statuses: ['planned'] }), null)).toEqual([
      'in',
      ['get', 'status'],
      ['literal', ['planned']],
    ]);
    expect(filterToExpression(filters({ tags: ['ai', 'robotics'] }), null)).toEqual([
      'any',
      ['in', 'ai', ['get', 'tags']],
      ['in', 'robotics', ['get', 'tags']],
    ]);
    expect(filterToExpression(filters({ district: 'hoerde' }), null)).toEqual(['==', ['get', 'district'], 'hoerde']);
    expect(filterToExpression(filters({ neighbourhood: 'city' }), null)).toEqual(['==', ['get', 'neighbourhood'], 'city']);
  });

  it('ANDs several facets with "all"', () => {
    expect(filterToExpression(filters({ categories: ['science'], district: 'hoerde' }), null)).toEqual([
      'all',
      ['in', ['get', 'category'], ['literal', ['science']]],
      ['==', ['get', 'district'], 'hoerde'],
    ]);
  });

  it('turns the ids a search found into a match on the id, each id once', () => {
    expect(filterToExpression(filters({ query: 'x' }), ['tzdo', 'drz', 'tzdo'])).toEqual([
      'match',
      ['get', 'id'],
      ['tzdo', 'drz'],
      true,
      false,
    ]);
  });

  it('is false when the search found nothing', () => {
    expect(filterToExpression(filters({ query: 'nothing' }), [])).toBe(false);
    expect(filterToExpression(filters({ query: 'nothing', categories: ['science'] }), [])).toEqual([
      'all',
      ['in', ['get', 'category'], ['literal', ['science']]],
      false,
    ]);
  });

  it('does not share arrays with the filters (the source keeps its own copy)', () => {
    const current = filters({ categories: ['science'] });
    const expression = filterToExpression(current, null) as unknown[];
    const literal = (expression[2] as unknown[])[1];
    expect(literal).toEqual(['science']);
    expect(literal).not.toBe(current.categories);
  });
});

const COMBINATIONS: [string, Filters][] = [
  ['science', filters({ categories: ['science'] })],
  ['science or culture', filters({ categories: ['science', 'culture'] })],
  ['planned', filters({ statuses: ['planned'] })],
  ['municipal or civic, existing', filters({ sectors: ['municipal', 'civic'], statuses: ['existing'] })],
  ['tag research or startups', filters({ tags: ['research', 'startups'] })],
  ['district hoerde', filters({ district: 'hoerde' })],
  ['neighbourhood city', filters({ neighbourhood: 'city' })],
  ['query "hörde"', filters({ query: 'hörde' })],
  ['query "phonix", business', filters({ query: 'phonix', categories: ['business'] })],
  ['query with no hit', filters({ query: 'xylophonquartett' })],
  ['query with markup', filters({ query: '<script>alert(1)</script>' })],
  ['a tag nobody has', filters({ tags: ['not-a-tag'] })],
  [
    'everything at once',
    filters({
      categories: ['urban', 'business', 'science'],
      sectors: ['municipal', 'business', 'science'],
      statuses: ['existing'],
      tags: ['structural-change', 'research', 'startups'],
      district: 'hombruch',
      query: 'dortmund',
    }),
  ],
];

describe('filterToExpression on the real data', () => {
  it.each(COMBINATIONS)('validates as a source filter and a layer filter: %s', (_label, current) => {
    const expression = filterToExpression(current, searchIds(current));
    expect(expression).not.toBeNull();
    expect(validateStyleMin(styleWithSourceFilter(expression!)).map((error) => error.message)).toEqual([]);
  });

  it.each(COMBINATIONS)('keeps exactly the features filterHotspots keeps: %s', (_label, current) => {
    const expected = filterHotspots(REAL, current, queryMatcher(current.query, KEYS)).map((hotspot) => hotspot.id);
    const expression = filterToExpression(current, searchIds(current))!;
    expect(idsKeptBySource(expression)).toEqual(expected);
    expect(idsKeptByLayerFilter(expression)).toEqual(expected);
  });

  it('the combinations are not trivial: some keep a few places, some none', () => {
    const sizes = COMBINATIONS.map(([, current]) => filterHotspots(REAL, current, queryMatcher(current.query, KEYS)).length);
    expect(sizes.some((size) => size > 0 && size < REAL.length)).toBe(true);
    expect(sizes.some((size) => size === 0)).toBe(true);
  });

  it('the validation is real: a broken expression is reported', () => {
    const broken = ['in', ['get', 'category']] as unknown as FilterSpecification;
    const messages = validateStyleMin(styleWithSourceFilter(broken)).map((error) => error.message);
    expect(messages.some((message) => message.startsWith('sources.hotspots.filter'))).toBe(true);
    expect(messages.some((message) => message.startsWith('layers[0].filter'))).toBe(true);
  });
});
