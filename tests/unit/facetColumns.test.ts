import { describe, expect, it } from 'vitest';
import { facetColumns } from '@/domain/facetColumns';
import { makeHotspot } from '../fixtures/unit/hotspot';

const PLACES = [
  makeHotspot({ id: 'a', category: 'culture', tags: ['art', 'music'], district: 'hoerde', neighbourhood: null }),
  makeHotspot({ id: 'b', category: 'science', tags: [], district: null, neighbourhood: null }),
  makeHotspot({ id: 'c', category: 'culture', tags: ['music'], district: 'eving', neighbourhood: 'kemminghausen' }),
];

describe('facetColumns', () => {
  it('codes each value in the order it first appears, with 0 for none', () => {
    const columns = facetColumns(PLACES);
    expect(columns.books.category.values).toEqual([null, 'culture', 'science']);
    expect([...columns.category]).toEqual([1, 2, 1]);
    expect(columns.books.district.values).toEqual([null, 'hoerde', 'eving']);
    expect([...columns.district]).toEqual([1, 0, 2]);
    expect([...columns.neighbourhood]).toEqual([0, 0, 1]);
    expect(columns.books.district.codes.get('eving')).toBe(2);
  });

  it('keeps each place’s tags as one range of codes', () => {
    const columns = facetColumns(PLACES);
    expect(columns.books.tags.values).toEqual([null, 'art', 'music']);
    expect([...columns.tagStart]).toEqual([0, 2, 2, 3]);
    expect([...columns.tags]).toEqual([1, 2, 2]);
  });

  it('is built once per list of places', () => {
    expect(facetColumns(PLACES)).toBe(facetColumns(PLACES));
    expect(facetColumns([...PLACES])).not.toBe(facetColumns(PLACES));
  });
});
