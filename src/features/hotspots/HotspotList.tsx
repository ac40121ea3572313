import { useMemo } from 'react';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';
import { useAreaNames, useHotspots } from '@/state/selectors';
import { CategoryDot } from './CategoryDot';

/**
 * The text alternative to the map: every place as a real list item with a button that opens the same
 * details a click on the map opens. Hover and focus highlight the place on the map.
 */
export function HotspotList() {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const hotspots = useHotspots();
  const loaded = useAppStore((state) => state.data.hotspots !== null);
  const selectedId = useAppStore((state) => state.selectedId);
  const select = useAppStore((state) => state.select);
  const hover = useAppStore((state) => state.hover);
  const names = useAreaNames();
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(language, { sensitivity: 'base' });
    return [...hotspots].sort((a, b) => collator.compare(a.name, b.name));
  }, [hotspots, language]);

  return (
    <section className="hotspot-list" aria-labelledby="hotspot-list-title" id="hotspot-list">
      <h2 id="hotspot-list-title" className="section-title">
        {t('list.title')} <span className="count">({t('list.count', { count: sorted.length })})</span>
      </h2>
      {!loaded && <p>{t('list.loading')}</p>}
      {loaded && sorted.length === 0 && <p>{t('list.empty')}</p>}
      <ul className="hotspot-list__items">
        {sorted.map((hotspot) => (
          <li key={hotspot.id}>
            <button
              type="button"
              className="hotspot-list__item"
              data-hotspot-id={hotspot.id}
              aria-current={hotspot.id === selectedId ? 'true' : undefined}
              onClick={() => select(hotspot.id)}
              onMouseEnter={() => hover(hotspot.id)}
              onMouseLeave={() => hover(null)}
              onFocus={() => hover(hotspot.id)}
              onBlur={() => hover(null)}
            >
              <CategoryDot category={hotspot.category} status={hotspot.status} />
              <span className="hotspot-list__text">
                <span className="hotspot-list__name">{hotspot.name}</span>
                <span className="hotspot-list__meta">
                  {t(`category.${hotspot.category}`)}
                  {hotspot.status === 'planned' ? ` · ${t('status.planned')}` : ''}
                  {names.district(hotspot.district) ? ` · ${names.district(hotspot.district)}` : ''}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
