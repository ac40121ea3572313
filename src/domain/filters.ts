import { CATEGORIES, SECTORS, STATUSES, type Category, type Hotspot, type Sector, type Status } from './hotspot';

/**
 * What the user filters by. Within a facet the chosen values are alternatives (OR); across facets
 * all must hold (AND). A place filter is either one district or one neighbourhood.
 */
export interface Filters {
  categories: readonly Category[];
  sectors: readonly Sector[];
  statuses: readonly Status[];
  tags: readonly string[];
  district: string | null;
  neighbourhood: string | null;
  query: string;
}

export const EMPTY_FILTERS: Filters = {
  categories: [],
  sectors: [],
  statuses: [],
  tags: [],
  district: null,
  neighbourhood: null,
  query: '',
};

export type FacetKey = 'categories' | 'sectors' | 'statuses' | 'tags' | 'district' | 'neighbourhood';

export const FACET_VALUES = { categories: CATEGORIES, sectors: SECTORS, statuses: STATUSES } as const;

export function isFiltering(filters: Filters): boolean {
  return (
    filters.categories.length > 0 ||
    filters.sectors.length > 0 ||
    filters.statuses.length > 0 ||
    filters.tags.length > 0 ||
    filters.district !== null ||
    filters.neighbourhood !== null ||
    filters.query.trim() !== ''
  );
}

/** Adds the value to a facet when absent, removes it when present; keeps the facet's canonical order. */
export function toggleValue<T extends string>(values: readonly T[], value: T, order?: readonly T[]): T[] {
  const next = values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
  return order ? order.filter((item) => next.includes(item)) : [...next].sort();
}

/** A hotspot's answer to each facet, so counts can leave one facet out at a time. */
function facetMatches(
  hotspot: Hotspot,
  filters: Filters,
  matchesQuery: (hotspot: Hotspot) => boolean,
): Record<FacetKey | 'query', boolean> {
  return {
    categories: filters.categories.length === 0 || filters.categories.includes(hotspot.category),
    sectors: filters.sectors.length === 0 || filters.sectors.includes(hotspot.sector),
    statuses: filters.statuses.length === 0 || filters.statuses.includes(hotspot.status),
    tags: filters.tags.length === 0 || filters.tags.some((tag) => hotspot.tags.includes(tag)),
    district: filters.district === null || hotspot.district === filters.district,
    neighbourhood: filters.neighbourhood === null || hotspot.neighbourhood === filters.neighbourhood,
    query: matchesQuery(hotspot),
  };
}

const ALL_KEYS = ['categories', 'sectors', 'statuses', 'tags', 'district', 'neighbourhood', 'query'] as const;

export function filterHotspots(
  hotspots: readonly Hotspot[],
  filters: Filters,
  matchesQuery: (hotspot: Hotspot) => boolean,
): Hotspot[] {
  if (!isFiltering(filters)) return [...hotspots];
  return hotspots.filter((hotspot) => {
    const matches = facetMatches(hotspot, filters, matchesQuery);
    return ALL_KEYS.every((key) => matches[key]);
  });
}

export interface FacetCounts {
  categories: Record<string, number>;
  sectors: Record<string, number>;
  statuses: Record<string, number>;
  tags: Record<string, number>;
  district: Record<string, number>;
  neighbourhood: Record<string, number>;
}

function bump(record: Record<string, number>, key: string | null) {
  if (key !== null) record[key] = (record[key] ?? 0) + 1;
}

/**
 * For every facet value: how many hotspots there would be if that value were chosen, with all the
 * other facets as they are (the facet's own selection is left out, so alternatives stay visible).
 * One pass over the data.
 */
export function facetCounts(
  hotspots: readonly Hotspot[],
  filters: Filters,
  matchesQuery: (hotspot: Hotspot) => boolean,
): FacetCounts {
  const counts: FacetCounts = { categories: {}, sectors: {}, statuses: {}, tags: {}, district: {}, neighbourhood: {} };
  for (const hotspot of hotspots) {
    const matches = facetMatches(hotspot, filters, matchesQuery);
    const passesAllBut = (facet: FacetKey) => ALL_KEYS.every((key) => key === facet || matches[key]);
    if (passesAllBut('categories')) bump(counts.categories, hotspot.category);
    if (passesAllBut('sectors')) bump(counts.sectors, hotspot.sector);
    if (passesAllBut('statuses')) bump(counts.statuses, hotspot.status);
    if (passesAllBut('tags')) for (const tag of new Set(hotspot.tags)) bump(counts.tags, tag);
    // District and neighbourhood are one "place" choice: each counts with the other left out too.
    const passesPlaceless = ALL_KEYS.every((key) => key === 'district' || key === 'neighbourhood' || matches[key]);
    if (passesPlaceless) {
      bump(counts.district, hotspot.district);
      bump(counts.neighbourhood, hotspot.neighbourhood);
    }
  }
  return counts;
}
