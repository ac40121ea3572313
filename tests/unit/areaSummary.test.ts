import { describe, expect, it } from 'vitest';
import { validateHotspots } from '@/data/hotspots';
import { summariseArea } from '@/domain/areaSummary';
import { CATEGORIES, type Category } from '@/domain/hotspot';
import { makeHotspot } from '../fixtures/unit/hotspot';
import { readRawHotspots, realContext } from '../fixtures/unit/realData';

const places = (...categories: Category[]) =>
  categories.map((category, index) => makeHotspot({ id: `p${index}`, category }));

describe('summariseArea', () => {
  it('is empty, with no leading category, for no places', () => {
    expect(summariseArea([])).toEqual({ total: 0, byCategory: [], leaders: null });
  });

  it('counts the places and lists the categories present, in canonical order', () => {
    const summary = summariseArea(places('urban', 'science', 'urban', 'civic', 'science', 'urban'));
    expect(summary.total).toBe(6);
    expect(summary.byCategory).toEqual([
      { category: 'science', count: 2 },
      { category: 'civic', count: 1 },
      { category: 'urban', count: 3 },
    ]);
    expect(summary.leaders).toEqual({ categories: ['urban'], count: 3 });
  });

  it('leaves out categories without places', () => {
    const summary = summariseArea(places('culture'));
    expect(summary.byCategory).toEqual([{ category: 'culture', count: 1 }]);
    expect(summary.leaders).toEqual({ categories: ['culture'], count: 1 });
  });

  it('names every category that ties for the lead, in canonical order, whatever the order of the places', () => {
    expect(summariseArea(places('urban', 'business', 'urban', 'business')).leaders).toEqual({
      categories: ['business', 'urban'],
      count: 2,
    });
    expect(summariseArea(places('business', 'urban', 'business', 'urban', 'science')).leaders).toEqual({
      categories: ['business', 'urban'],
      count: 2,
    });
    expect(summariseArea(places('civic', 'culture', 'science')).leaders).toEqual({
      categories: ['science', 'culture', 'civic'],
      count: 1,
    });
  });

  it('on every real district: totals, counts per category and the top category agree with the data', () => {
    const context = realContext();
    const hotspots = validateHotspots(readRawHotspots(), context).hotspots;
    for (const district of context.districts!) {
      const inDistrict = hotspots.filter((hotspot) => hotspot.district === district.slug);
      const summary = summariseArea(inDistrict);
      expect(summary.total, district.slug).toBe(inDistrict.length);
      const expected = CATEGORIES.map((category) => ({
        category,
        count: inDistrict.filter((hotspot) => hotspot.category === category).length,
      })).filter((entry) => entry.count > 0);
      expect(summary.byCategory, district.slug).toEqual(expected);
      const max = Math.max(...expected.map((entry) => entry.count));
      expect(summary.leaders, district.slug).toEqual({
        categories: expected.filter((entry) => entry.count === max).map((entry) => entry.category),
        count: max,
      });
    }
  });
});
