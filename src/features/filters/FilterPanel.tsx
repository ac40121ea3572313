import { useMemo, useRef } from 'react';
import { CATEGORIES, SECTORS, STATUSES } from '@/domain/hotspot';
import { toggleValue } from '@/domain/filters';
import { hasResettableFilters } from '@/domain/locks';
import { TAG_LABELS } from '@/domain/tags';
import { CategoryDot } from '@/ui/CategoryDot';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';
import { useFiltered } from '@/state/FilteredView';
import { useHotspots } from '@/state/selectors';
import { Disclosure } from '@/ui/Disclosure';
import { FacetGroup } from './FacetGroup';
import { PlaceSelect } from './PlaceSelect';

function activeFilterCount(filters: ReturnType<typeof useAppStore.getState>['filters']): number {
  return (
    filters.categories.length +
    filters.sectors.length +
    filters.statuses.length +
    filters.tags.length +
    (filters.district ? 1 : 0) +
    (filters.neighbourhood ? 1 : 0)
  );
}

/** All facets with live counts, and one control that resets everything (search included). */
export function FilterPanel() {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const filters = useAppStore((state) => state.filters);
  const updateFilters = useAppStore((state) => state.updateFilters);
  const resetFilters = useAppStore((state) => state.resetFilters);
  const hotspots = useHotspots();
  const { counts } = useFiltered();
  const locked = useAppStore((state) => state.launch.locked);
  const active = activeFilterCount(filters);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const tags = useMemo(() => {
    const collator = new Intl.Collator(language);
    const present = [...new Set(hotspots.flatMap((hotspot) => hotspot.tags))];
    return present
      .map((tag) => ({ value: tag, label: TAG_LABELS[tag]?.[language] ?? tag }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [hotspots, language]);

  return (
    <section className="filter-panel" aria-labelledby="filter-panel-title">
      {/* Focusable from script only: the reset button disables itself, and focus must not fall to the page. */}
      <h2 id="filter-panel-title" className="section-title" ref={headingRef} tabIndex={-1}>
        {t('filters.title')}
        {active > 0 && (
          <span className="badge">
            {/* Read as "Filters, 2 active", not "Filters2 active". */}
            <span className="visually-hidden">,</span> {t('filters.activeCount', { count: active })}
          </span>
        )}
      </h2>
      <FacetGroup
        legend={t('filters.category')}
        locked={locked.includes('category')}
        selected={filters.categories}
        onToggle={(value) => updateFilters({ categories: toggleValue(filters.categories, value, CATEGORIES) })}
        options={CATEGORIES.map((category) => ({
          value: category,
          label: t(`category.${category}`),
          count: counts.categories[category] ?? 0,
          marker: <CategoryDot category={category} status="existing" />,
        }))}
      />
      <Disclosure
        className="facet-more"
        summary={t('filters.more')}
        openWhen={filters.statuses.length + filters.sectors.length > 0}
      >
        <FacetGroup
          legend={t('filters.status')}
          locked={locked.includes('status')}
          selected={filters.statuses}
          onToggle={(value) => updateFilters({ statuses: toggleValue(filters.statuses, value, STATUSES) })}
          options={STATUSES.map((status) => ({
            value: status,
            label: t(`status.${status}`),
            count: counts.statuses[status] ?? 0,
          }))}
        />
        <FacetGroup
          legend={t('filters.sector')}
          locked={locked.includes('sector')}
          selected={filters.sectors}
          onToggle={(value) => updateFilters({ sectors: toggleValue(filters.sectors, value, SECTORS) })}
          options={SECTORS.map((sector) => ({
            value: sector,
            label: t(`sector.${sector}`),
            count: counts.sectors[sector] ?? 0,
          }))}
        />
      </Disclosure>
      <PlaceSelect />
      <Disclosure
        className="facet-more"
        openWhen={filters.tags.length > 0}
        summary={`${t('filters.tags')}${filters.tags.length > 0 ? ` (${filters.tags.length})` : ''}`}
      >
        <FacetGroup
          legend={t('filters.tags')}
          locked={locked.includes('tag')}
          selected={filters.tags}
          onToggle={(value) => updateFilters({ tags: toggleValue(filters.tags, value) })}
          options={tags.map((tag) => ({ ...tag, count: counts.tags[tag.value] ?? 0 }))}
        />
      </Disclosure>
      <button
        type="button"
        className="button button--secondary"
        // Locked facets (a partner's embed) survive a reset, so they alone leave nothing to reset.
        disabled={!hasResettableFilters(filters, locked)}
        onClick={() => {
          const hadPlace = filters.district !== null || filters.neighbourhood !== null;
          resetFilters();
          // The camera was fitted to the chosen place; with the place gone, the whole city is shown again.
          const { filters: after, requestCamera } = useAppStore.getState();
          if (hadPlace && after.district === null && after.neighbourhood === null) requestCamera(null, null);
          headingRef.current?.focus();
        }}
      >
        {t('filters.reset')}
      </button>
    </section>
  );
}
