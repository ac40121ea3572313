import { useMemo } from 'react';
import { summariseArea } from '@/domain/areaSummary';
import { useT } from '@/i18n/useT';
import { areaContextLine } from './areaContext';
import { DISTRICT_SELECT_ID } from '@/lib/domIds';
import { useAppStore } from '@/state/store';
import { useFiltered } from '@/state/FilteredView';
import { useAreaNames, useHotspots } from '@/state/selectors';
import { CategoryDot } from '@/ui/CategoryDot';

/**
 * The chosen district or neighbourhood: its name, its places by category and one line of context. Without
 * a chosen area there is no panel and nothing is summarised: the summary of every matching place took
 * ~50 ms per keystroke at 100,000 places, for a panel nobody sees.
 */
export function AreaPanel() {
  const district = useAppStore((state) => state.filters.district);
  const neighbourhood = useAppStore((state) => state.filters.neighbourhood);
  if (!(neighbourhood ?? district)) return null;
  return <ChosenAreaPanel district={district} neighbourhood={neighbourhood} />;
}

function ChosenAreaPanel({ district, neighbourhood }: { district: string | null; neighbourhood: string | null }) {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const neighbourhoods = useAppStore((state) => state.data.neighbourhoods);
  const updateFilters = useAppStore((state) => state.updateFilters);
  // A partner's embed can lock the place: then there is nothing to show all of.
  const placeLocked = useAppStore(
    (state) => state.launch.locked.includes('district') || state.launch.locked.includes('neighbourhood'),
  );
  const names = useAreaNames();
  const { matching } = useFiltered();
  const summary = useMemo(() => summariseArea(matching), [matching]);
  const hotspots = useHotspots();
  const placesInArea = useMemo(
    () =>
      hotspots.filter((hotspot) =>
        neighbourhood ? hotspot.neighbourhood === neighbourhood : hotspot.district === district,
      ).length,
    [hotspots, district, neighbourhood],
  );

  const slug = neighbourhood ?? district;
  const name = neighbourhood ? names.neighbourhood(neighbourhood) : names.district(district);
  if (!slug || !name) return null;
  const parent = neighbourhood
    ? names.district(neighbourhoods?.find((area) => area.slug === neighbourhood)?.district ?? null)
    : null;

  const context =
    areaContextLine(summary, language) ?? (placesInArea > 0 ? t('results.noMatch') : t('area.contextNone'));

  return (
    <section className="area-panel" aria-labelledby="area-panel-title">
      <p className="area-panel__kind">
        {neighbourhood ? t('area.neighbourhood', { district: parent ?? '' }) : t('area.district')} ·{' '}
        <span className="area-panel__approx">{t('area.approximate')}</span>
      </p>
      <h2 id="area-panel-title" className="area-panel__title">
        {name}
      </h2>
      <p className="area-panel__context">{context}</p>
      {summary.byCategory.length > 0 && (
        <ul className="area-panel__categories" aria-label={t('area.byCategory')}>
          {summary.byCategory.map(({ category, count }) => (
            <li key={category}>
              <CategoryDot category={category} status="existing" />
              {t(`category.${category}`)}: {count}
            </li>
          ))}
        </ul>
      )}
      {!placeLocked && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            updateFilters({ district: null, neighbourhood: null });
            // "All of Dortmund" in the map too: back to the whole city's view.
            useAppStore.getState().requestCamera(null, null);
            // The panel and its button are gone now; the place select (now "All districts") takes focus.
            document.getElementById(DISTRICT_SELECT_ID)?.focus();
          }}
        >
          {t('area.showAll')}
        </button>
      )}
    </section>
  );
}
