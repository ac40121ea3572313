import { useId, useRef, type KeyboardEvent } from 'react';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';

/**
 * Free-text search. The list follows every keystroke; the map follows a moment later (deferred).
 * Escape and the clear button empty the field and leave focus in it.
 */
export function SearchBox() {
  const t = useT();
  const id = useId();
  const query = useAppStore((state) => state.filters.query);
  const updateFilters = useAppStore((state) => state.updateFilters);
  const locked = useAppStore((state) => state.launch.locked.includes('q'));
  const inputRef = useRef<HTMLInputElement>(null);

  const clear = () => {
    updateFilters({ query: '' });
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape' || query === '' || locked) return;
    // This Escape belongs to the field: open details (which close on Escape) stay open.
    event.preventDefault();
    clear();
  };

  return (
    <div className="search-box" role="search">
      <label htmlFor={id} className="search-box__label">
        {t('filters.search')}
      </label>
      <div className="search-box__row">
        <input
          ref={inputRef}
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
          onKeyDown={onKeyDown}
        />
        {query !== '' && !locked && (
          <button type="button" className="icon-button" aria-label={t('filters.clearSearch')} onClick={clear}>
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
