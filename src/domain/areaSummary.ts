import { CATEGORIES, type Category, type Hotspot } from './hotspot';

export interface AreaSummary {
  total: number;
  byCategory: { category: Category; count: number }[];
  /** The category with the most places (first in canonical order on a tie), or null when empty. */
  top: { category: Category; count: number } | null;
}

/** Places of one area by category, for the district panel's context line. */
export function summariseArea(hotspots: readonly Hotspot[]): AreaSummary {
  const counts = new Map<Category, number>();
  for (const hotspot of hotspots) counts.set(hotspot.category, (counts.get(hotspot.category) ?? 0) + 1);
  const byCategory = CATEGORIES.map((category) => ({ category, count: counts.get(category) ?? 0 })).filter(
    (entry) => entry.count > 0,
  );
  const top = byCategory.reduce<AreaSummary['top']>(
    (best, entry) => (!best || entry.count > best.count ? entry : best),
    null,
  );
  return { total: hotspots.length, byCategory, top };
}
