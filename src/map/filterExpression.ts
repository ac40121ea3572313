import type { FilterSpecification } from 'maplibre-gl';
import type { Filters } from '@/domain/filters';

/**
 * The MapLibre filter for the hotspot source. Facets become property tests; a text search becomes a
 * `match` on the ids the search found (match compiles to a hash lookup, so it stays O(1) per feature
 * even for thousands of ids). Returns null when nothing is filtered, so the source needs no filter.
 */
export function filterToExpression(
  filters: Filters,
  matchingIds: readonly string[] | null,
): FilterSpecification | null {
  const clauses: unknown[] = [];
  if (filters.categories.length > 0) clauses.push(['in', ['get', 'category'], ['literal', [...filters.categories]]]);
  if (filters.sectors.length > 0) clauses.push(['in', ['get', 'sector'], ['literal', [...filters.sectors]]]);
  if (filters.statuses.length > 0) clauses.push(['in', ['get', 'status'], ['literal', [...filters.statuses]]]);
  if (filters.tags.length > 0) clauses.push(['any', ...filters.tags.map((tag) => ['in', tag, ['get', 'tags']])]);
  if (filters.district !== null) clauses.push(['==', ['get', 'district'], filters.district]);
  if (filters.neighbourhood !== null) clauses.push(['==', ['get', 'neighbourhood'], filters.neighbourhood]);
  if (matchingIds !== null) {
    const ids = [...new Set(matchingIds)];
    clauses.push(ids.length === 0 ? false : ['match', ['get', 'id'], ids, true, false]);
  }
  if (clauses.length === 0) return null;
  return (clauses.length === 1 ? clauses[0] : ['all', ...clauses]) as FilterSpecification;
}
