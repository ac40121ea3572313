import { useId } from 'react';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';

/** Free-text search. The list follows every keystroke; the map follows a moment later (deferred). */
export function SearchBox() {
  const t = useT();
  const id = useId();
  const query = useAppStore((state) => state.filters.query);
  const updateFilters = useAppStore((state) => state.updateFilters);
  const locked = useAppStore((state) => state.launch.locked.includes('q'));

  return (
    <div className="search-box" role="search">
      <label htmlFor={id} className="search-box__label">
        {t('filters.search')}
      </label>
      <div className="search-box__row">
        <input
          id={id}
          type="search"
          className="search-box__input"
          value={query}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('filters.searchPlaceholder')}
          readOnly={locked}
          aria-describedby={locked ? `${id}-locked` : undefined}
          onChange={(event) => updateFilters({ query: event.target.value })}
        />
        {query !== '' && !locked && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('filters.clearSearch')}
            onClick={() => updateFilters({ query: '' })}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      {locked && (
        <p id={`${id}-locked`} className="facet__locked">
          {t('filters.locked')}
        </p>
      )}
    </div>
  );
}
