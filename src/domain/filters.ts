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

export interface FacetCounts {
  categories: Record<string, number>;
  sectors: Record<string, number>;
  statuses: Record<string, number>;
  tags: Record<string, number>;
  district: Record<string, number>;
  neighbourhood: Record<string, number>;
}

export interface FilterResult {
  /** Hotspots that pass every filter, in the order given. */
  matching: Hotspot[];
  /** Hotspots that pass every filter except the place (district, neighbourhood), in the order given. */
  matchingAnyPlace: Hotspot[];
  /**
   * For every facet value: how many hotspots there would be if that value were chosen, with all the
   * other facets as they are (the facet's own selection is left out, so alternatives stay visible).
   */
  counts: FacetCounts;
}

// One bit per facet: a hotspot's answers fit in one small integer, so no object is made per hotspot.
const CATEGORY = 1;
const SECTOR = 2;
const STATUS = 4;
const TAG = 8;
const DISTRICT = 16;
const NEIGHBOURHOOD = 32;
const QUERY = 64;
const ALL = 127;
const PLACE = DISTRICT | NEIGHBOURHOOD;

function bump(record: Record<string, number>, key: string | null) {
  if (key !== null) record[key] = (record[key] ?? 0) + 1;
}

/**
 * Everything the filters decide, in one pass over the data with the text search asked once per
 * hotspot: at 100,000 places this is what keeps a keystroke cheap.
 */
export function applyFilters(
  hotspots: readonly Hotspot[],
  filters: Filters,
  matchesQuery: (hotspot: Hotspot, index: number) => boolean,
): FilterResult {
  const categories = new Set<string>(filters.categories);
  const sectors = new Set<string>(filters.sectors);
  const statuses = new Set<string>(filters.statuses);
  const tags = new Set(filters.tags);
  const { district, neighbourhood } = filters;
  const hasQuery = filters.query.trim() !== '';
  const result: FilterResult = {
    matching: [],
    matchingAnyPlace: [],
    counts: { categories: {}, sectors: {}, statuses: {}, tags: {}, district: {}, neighbourhood: {} },
  };
  const { counts } = result;
  for (let index = 0; index < hotspots.length; index += 1) {
    const hotspot = hotspots[index]!;
    let passes = 0;
    if (categories.size === 0 || categories.has(hotspot.category)) passes |= CATEGORY;
    if (sectors.size === 0 || sectors.has(hotspot.sector)) passes |= SECTOR;
    if (statuses.size === 0 || statuses.has(hotspot.status)) passes |= STATUS;
    if (tags.size === 0 || hotspot.tags.some((tag) => tags.has(tag))) passes |= TAG;
    if (district === null || hotspot.district === district) passes |= DISTRICT;
    if (neighbourhood === null || hotspot.neighbourhood === neighbourhood) passes |= NEIGHBOURHOOD;
    if (!hasQuery || matchesQuery(hotspot, index)) passes |= QUERY;
    if ((passes | CATEGORY) === ALL) bump(counts.categories, hotspot.category);
    if ((passes | SECTOR) === ALL) bump(counts.sectors, hotspot.sector);
    if ((passes | STATUS) === ALL) bump(counts.statuses, hotspot.status);
    // Tags are unique per place (validateHotspots de-duplicates them).
    if ((passes | TAG) === ALL) for (const tag of hotspot.tags) bump(counts.tags, tag);
    // District and neighbourhood are one "place" choice: each counts with the other left out too.
    if ((passes | PLACE) === ALL) {
      bump(counts.district, hotspot.district);
      bump(counts.neighbourhood, hotspot.neighbourhood);
      result.matchingAnyPlace.push(hotspot);
      if (passes === ALL) result.matching.push(hotspot);
    }
  }
  return result;
}

export function filterHotspots(
  hotspots: readonly Hotspot[],
  filters: Filters,
  matchesQuery: (hotspot: Hotspot) => boolean,
): Hotspot[] {
  if (!isFiltering(filters)) return [...hotspots];
  return applyFilters(hotspots, filters, matchesQuery).matching;
}

export function facetCounts(
  hotspots: readonly Hotspot[],
  filters: Filters,
  matchesQuery: (hotspot: Hotspot) => boolean,
): FacetCounts {
  return applyFilters(hotspots, filters, matchesQuery).counts;
}
