import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '@/domain/filters';
import { applyLocks, hasResettableFilters } from '@/domain/locks';

const embedFilters = { ...EMPTY_FILTERS, categories: ['science' as const], district: 'hombruch' };

describe('hasResettableFilters', () => {
  it('is false when nothing is filtered', () => {
    expect(hasResettableFilters(EMPTY_FILTERS, [])).toBe(false);
  });

  it('is true for any filter when nothing is locked', () => {
    expect(hasResettableFilters(embedFilters, [])).toBe(true);
    expect(hasResettableFilters({ ...EMPTY_FILTERS, query: 'zeche' }, [])).toBe(true);
  });

  it('is false when only locked facets are set (a partner embed with its fixed view)', () => {
    expect(hasResettableFilters(embedFilters, ['category', 'district'])).toBe(false);
  });

  it('is true when a facet besides the locked ones is set', () => {
    expect(hasResettableFilters({ ...embedFilters, tags: ['water'] }, ['category', 'district'])).toBe(true);
    expect(hasResettableFilters(embedFilters, ['category'])).toBe(true);
  });

  it('counts a locked district as locking the neighbourhood too', () => {
    expect(hasResettableFilters({ ...EMPTY_FILTERS, neighbourhood: 'barop' }, ['district'])).toBe(false);
  });
});

describe('applyLocks', () => {
  it('keeps locked facets at their fixed values and lets the others change', () => {
    const next = applyLocks({ ...EMPTY_FILTERS, query: 'see' }, embedFilters, ['category', 'district']);
    expect(next).toEqual({ ...EMPTY_FILTERS, categories: ['science'], district: 'hombruch', query: 'see' });
  });
});
