import { facetColumns, type Codebook } from './facetColumns';
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
  /**
   * Where each of `matching` stands in the hotspots given: a whole number per place that stays the same
   * for as long as the hotspots do. The list keys its rows with it, because looking rows up by a number
   * is many times cheaper than by a long id string (see VirtualHotspotItems).
   */
  matchingPositions: number[];
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

/** Which codes of a facet are chosen; null when the facet is not filtered (everything passes). */
function chosenCodes(book: Codebook, chosen: readonly string[]): Uint8Array | null {
  if (chosen.length === 0) return null;
  const on = new Uint8Array(book.values.length);
  for (const value of chosen) {
    const code = book.codes.get(value);
    if (code !== undefined) on[code] = 1;
  }
  return on;
}

/** The code of a chosen district or neighbourhood: null when none is chosen, -1 when no place has it. */
function chosenCode(book: Codebook, chosen: string | null): number | null {
  return chosen === null ? null : (book.codes.get(chosen) ?? -1);
}

/** Counts by code, back into a record by value (only values that were counted, code 0 is "none"). */
function toRecord(book: Codebook, counts: Uint32Array): Record<string, number> {
  const record: Record<string, number> = {};
  for (let code = 1; code < counts.length; code += 1) {
    const value = book.values[code];
    const count = counts[code] ?? 0;
    if (count > 0 && value != null) record[value] = count;
  }
  return record;
}

/**
 * Everything the filters decide, in one pass over the data with the text search asked once per
 * hotspot: at 100,000 places this is what keeps a keystroke cheap. The pass reads the places' facet
 * codes (facetColumns.ts), not the place objects.
 */
export function applyFilters(
  hotspots: readonly Hotspot[],
  filters: Filters,
  matchesQuery: (hotspot: Hotspot, index: number) => boolean,
): FilterResult {
  const columns = facetColumns(hotspots);
  const { books } = columns;
  const categories = chosenCodes(books.category, filters.categories);
  const sectors = chosenCodes(books.sector, filters.sectors);
  const statuses = chosenCodes(books.status, filters.statuses);
  const tags = chosenCodes(books.tags, filters.tags);
  const district = chosenCode(books.district, filters.district);
  const neighbourhood = chosenCode(books.neighbourhood, filters.neighbourhood);
  const hasQuery = filters.query.trim() !== '';
  const counted = {
    category: new Uint32Array(books.category.values.length),
    sector: new Uint32Array(books.sector.values.length),
    status: new Uint32Array(books.status.values.length),
    tags: new Uint32Array(books.tags.values.length),
    district: new Uint32Array(books.district.values.length),
    neighbourhood: new Uint32Array(books.neighbourhood.values.length),
  };
  const matching: Hotspot[] = [];
  const matchingPositions: number[] = [];
  const matchingAnyPlace: Hotspot[] = [];
  for (let index = 0; index < hotspots.length; index += 1) {
    const category = columns.category[index] ?? 0;
    const sector = columns.sector[index] ?? 0;
    const status = columns.status[index] ?? 0;
    const placeDistrict = columns.district[index] ?? 0;
    const placeNeighbourhood = columns.neighbourhood[index] ?? 0;
    const tagsFrom = columns.tagStart[index] ?? 0;
    const tagsTo = columns.tagStart[index + 1] ?? 0;
    let passes = 0;
    if (categories === null || categories[category] === 1) passes |= CATEGORY;
    if (sectors === null || sectors[sector] === 1) passes |= SECTOR;
    if (statuses === null || statuses[status] === 1) passes |= STATUS;
    if (tags === null) passes |= TAG;
    else {
      for (let at = tagsFrom; at < tagsTo; at += 1) {
        if (tags[columns.tags[at] ?? 0] === 1) {
          passes |= TAG;
          break;
        }
      }
    }
    if (district === null || placeDistrict === district) passes |= DISTRICT;
    if (neighbourhood === null || placeNeighbourhood === neighbourhood) passes |= NEIGHBOURHOOD;
    if (!hasQuery || matchesQuery(hotspots[index]!, index)) passes |= QUERY;
    if ((passes | CATEGORY) === ALL) counted.category[category]! += 1;
    if ((passes | SECTOR) === ALL) counted.sector[sector]! += 1;
    if ((passes | STATUS) === ALL) counted.status[status]! += 1;
    // Tags are unique per place (validateHotspots de-duplicates them).
    if ((passes | TAG) === ALL) for (let at = tagsFrom; at < tagsTo; at += 1) counted.tags[columns.tags[at] ?? 0]! += 1;
    // District and neighbourhood are one "place" choice: each counts with the other left out too.
    if ((passes | PLACE) === ALL) {
      counted.district[placeDistrict]! += 1;
      counted.neighbourhood[placeNeighbourhood]! += 1;
      matchingAnyPlace.push(hotspots[index]!);
      if (passes === ALL) {
        matching.push(hotspots[index]!);
        matchingPositions.push(index);
      }
    }
  }
  return {
    matching,
    matchingPositions,
    matchingAnyPlace,
    counts: {
      categories: toRecord(books.category, counted.category),
      sectors: toRecord(books.sector, counted.sector),
      statuses: toRecord(books.status, counted.status),
      tags: toRecord(books.tags, counted.tags),
      district: toRecord(books.district, counted.district),
      neighbourhood: toRecord(books.neighbourhood, counted.neighbourhood),
    },
  };
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
