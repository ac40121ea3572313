import type { LockableFacet } from '@/config/launchOptions';
import { EMPTY_FILTERS, isFiltering, type Filters } from './filters';

const FACET_KEYS: Record<LockableFacet, keyof Filters> = {
  category: 'categories',
  sector: 'sectors',
  status: 'statuses',
  tag: 'tags',
  district: 'district',
  neighbourhood: 'neighbourhood',
  q: 'query',
};

export function lockedFilterKeys(locked: readonly LockableFacet[]): (keyof Filters)[] {
  return locked.map((facet) => FACET_KEYS[facet]);
}

/**
 * Keeps the locked facets at their fixed values, whatever the requested change was. A locked place
 * also keeps the other place facet from being set (district and neighbourhood are one choice).
 */
export function applyLocks(next: Filters, fixed: Filters, locked: readonly LockableFacet[]): Filters {
  if (locked.length === 0) return next;
  const result = { ...next } as Record<keyof Filters, unknown>;
  for (const key of lockedFilterKeys(locked)) result[key] = fixed[key];
  if (locked.includes('district') || locked.includes('neighbourhood')) {
    result.district = fixed.district;
    result.neighbourhood = fixed.neighbourhood;
  }
  return result as unknown as Filters;
}

/** Whether a reset would change anything: some facet that is not locked is set. */
export function hasResettableFilters(filters: Filters, locked: readonly LockableFacet[]): boolean {
  return isFiltering(applyLocks(filters, EMPTY_FILTERS, locked));
}
