import { describe, expect, it } from 'vitest';
import { facetLabelsInEveryLanguage } from '@/i18n/facetLabels';
import { makeHotspot } from '../fixtures/unit/hotspot';

describe('facetLabelsInEveryLanguage', () => {
  it('gives category, sector and status in German and English, each label once', () => {
    const labelsOf = facetLabelsInEveryLanguage();
    expect(labelsOf(makeHotspot({ category: 'science', sector: 'science', status: 'existing' }))).toBe(
      'Wissenschaft Besteht Science Existing',
    );
    expect(labelsOf(makeHotspot({ category: 'urban', sector: 'municipal', status: 'planned' }))).toBe(
      'Stadtentwicklung Stadt Geplant (Vision) Urban development City Planned (vision)',
    );
  });

  it('gives a combination met before the same labels, and one that differs in any facet its own', () => {
    const labelsOf = facetLabelsInEveryLanguage();
    const culture = { category: 'culture', sector: 'civic', status: 'existing' } as const;
    const first = labelsOf(makeHotspot({ id: 'a', ...culture }));
    expect(labelsOf(makeHotspot({ id: 'b', ...culture }))).toBe(first);
    expect(labelsOf(makeHotspot({ ...culture, category: 'business' }))).toContain('Wirtschaft');
    expect(labelsOf(makeHotspot({ ...culture, sector: 'municipal' }))).toContain('Stadt');
    expect(labelsOf(makeHotspot({ ...culture, status: 'planned' }))).toContain('Geplant');
  });
});
