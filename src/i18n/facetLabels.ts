import type { Hotspot } from '@/domain/hotspot';
import { LANGUAGES } from './language';
import { translate } from './messages';

/**
 * A place's category, sector and status as its details show them, in every language, each label once
 * ("Wissenschaft Science Besteht Existing"): searchable text for the place's search key. Few combinations
 * recur across the places (40 at most), so each is looked up and joined once, not once per place.
 */
export function facetLabelsInEveryLanguage(): (hotspot: Hotspot) => string {
  const joined = new Map<string, string>();
  return ({ category, sector, status }) => {
    const combination = `${category} ${sector} ${status}`;
    let labels = joined.get(combination);
    if (labels === undefined) {
      const all = LANGUAGES.flatMap((language) => [
        translate(language, `category.${category}`),
        translate(language, `sector.${sector}`),
        translate(language, `status.${status}`),
      ]);
      labels = [...new Set(all)].join(' ');
      joined.set(combination, labels);
    }
    return labels;
  };
}
