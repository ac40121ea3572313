import { CATEGORIES, type Category, type Hotspot } from './hotspot';

export interface AreaSummary {
  total: number;
  byCategory: { category: Category; count: number }[];
  /**
   * The categories with the most places, in canonical order (more than one on a tie), and that many; null
   * when the area has no places.
   */
  leaders: { categories: Category[]; count: number } | null;
}

/** Places of one area by category, for the district panel's context line. */
export function summariseArea(hotspots: readonly Hotspot[]): AreaSummary {
  const counts = new Map<Category, number>();
  for (const hotspot of hotspots) counts.set(hotspot.category, (counts.get(hotspot.category) ?? 0) + 1);
  const byCategory = CATEGORIES.map((category) => ({ category, count: counts.get(category) ?? 0 })).filter(
    (entry) => entry.count > 0,
  );
  const most = Math.max(0, ...byCategory.map((entry) => entry.count));
  const leaders =
    most === 0
      ? null
      : { categories: byCategory.filter((entry) => entry.count === most).map((entry) => entry.category), count: most };
  return { total: hotspots.length, byCategory, leaders };
}
