import type { AreaSummary } from '@/domain/areaSummary';
import type { Category } from '@/domain/hotspot';
import type { Language } from '@/i18n/language';
import { translate } from '@/i18n/messages';

/**
 * The area panel's line of context: "12 Orte, davon 4 Wissenschaft", and on a tie every leading category
 * ("5 Orte, davon 2 Wissenschaft und 2 Kultur"): naming one of them would tell the resident that it leads.
 * Null for an area without places (the panel says why instead).
 */
export function areaContextLine(summary: AreaSummary, language: Language): string | null {
  const { leaders } = summary;
  if (!leaders) return null;
  const label = (category: Category) => translate(language, `category.${category}`);
  if (summary.total === 1) return translate(language, 'area.contextOne', { category: label(leaders.categories[0]!) });
  const parts = leaders.categories.map((category, index) =>
    translate(language, index === 0 ? 'area.leaderFirst' : 'area.leaderMore', {
      count: leaders.count,
      category: label(category),
    }),
  );
  const list = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(parts);
  return translate(language, 'area.context', { count: summary.total, leaders: list });
}
