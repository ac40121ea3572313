import { useEffect, useRef } from 'react';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';
import { useHotspotIndex } from '@/state/selectors';
import { CategoryDot } from '@/ui/CategoryDot';

/**
 * Several places share one spot (kiu Storylab is inside the Dortmunder U): a click there offers each
 * of them instead of silently picking the top one.
 */
export function SpotChooser({ ids }: { ids: readonly string[] }) {
  const t = useT();
  const index = useHotspotIndex();
  const select = useAppStore((state) => state.select);
  const chooseAmong = useAppStore((state) => state.chooseAmong);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hotspots = ids.map((id) => index.get(id)).filter((hotspot) => hotspot !== undefined);

  useEffect(() => {
    headingRef.current?.focus();
  }, [ids]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) chooseAmong(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [chooseAmong]);

  return (
    <section className="spot-chooser" aria-labelledby="spot-chooser-title">
      <div className="details__header">
        <h2 id="spot-chooser-title" ref={headingRef} tabIndex={-1}>
          {t('map.spotChoice', { count: hotspots.length })}
        </h2>
        <button type="button" className="icon-button" onClick={() => chooseAmong(null)} aria-label={t('details.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <ul className="spot-chooser__items">
        {hotspots.map((hotspot) => (
          <li key={hotspot.id}>
            <button type="button" className="hotspot-list__item" onClick={() => select(hotspot.id)}>
              <CategoryDot category={hotspot.category} status={hotspot.status} />
              <span className="hotspot-list__name">{hotspot.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
