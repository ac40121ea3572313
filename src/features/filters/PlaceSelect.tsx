import { useId, useMemo } from 'react';
import { useT } from '@/i18n/useT';
import { DISTRICT_SELECT_ID } from '@/lib/domIds';
import { useAppStore } from '@/state/store';
import { useFiltered } from '@/state/FilteredView';

/** District or neighbourhood: two selects, one place at a time, each option with its count. */
export function PlaceSelect() {
  const t = useT();
  const districtId = DISTRICT_SELECT_ID;
  const neighbourhoodId = useId();
  const districts = useAppStore((state) => state.data.districts);
  const neighbourhoods = useAppStore((state) => state.data.neighbourhoods);
  const district = useAppStore((state) => state.filters.district);
  const neighbourhood = useAppStore((state) => state.filters.neighbourhood);
  const updateFilters = useAppStore((state) => state.updateFilters);
  const language = useAppStore((state) => state.language);
  const { counts } = useFiltered();
  const locked = useAppStore((state) => state.launch.locked);
  const placeLocked = locked.includes('district') || locked.includes('neighbourhood');

  const sortedDistricts = useMemo(() => {
    const collator = new Intl.Collator(language);
    return [...(districts ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  }, [districts, language]);
  const groups = useMemo(() => {
    const collator = new Intl.Collator(language);
    return sortedDistricts.map((parent) => ({
      parent,
      children: (neighbourhoods ?? [])
        .filter((area) => area.district === parent.slug)
        .sort((a, b) => collator.compare(a.name, b.name)),
    }));
  }, [sortedDistricts, neighbourhoods, language]);

  return (
    <fieldset className="facet">
      <legend className="facet__legend">
        {t('filters.place')}
        {placeLocked && <span className="facet__locked"> ({t('filters.locked')})</span>}
      </legend>
      <label htmlFor={districtId} className="select-label">
        {t('filters.district')}
      </label>
      <select
        id={districtId}
        className="select"
        value={district ?? ''}
        disabled={!districts || placeLocked}
        onChange={(event) => updateFilters({ district: event.target.value || null, neighbourhood: null })}
      >
        <option value="">{t('filters.anyDistrict')}</option>
        {sortedDistricts.map((area) => (
          <option key={area.slug} value={area.slug}>
            {t('filters.optionWithCount', { label: area.name, count: counts.district[area.slug] ?? 0 })}
          </option>
        ))}
      </select>
      <label htmlFor={neighbourhoodId} className="select-label">
        {t('filters.neighbourhood')}
      </label>
      <select
        id={neighbourhoodId}
        className="select"
        value={neighbourhood ?? ''}
        disabled={!neighbourhoods || placeLocked}
        onChange={(event) => updateFilters({ neighbourhood: event.target.value || null, district: null })}
      >
        <option value="">{t('filters.anyNeighbourhood')}</option>
        {groups.map(({ parent, children }) => (
          <optgroup key={parent.slug} label={parent.name}>
            {children.map((area) => (
              <option key={area.slug} value={area.slug}>
                {t('filters.optionWithCount', { label: area.name, count: counts.neighbourhood[area.slug] ?? 0 })}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </fieldset>
  );
}
