import { useId, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { queryTerms } from '@/domain/search';
import { useT, type Translate } from '@/i18n/useT';
import { HOTSPOT_LIST_ID } from '@/lib/domIds';
import { useFiltered } from '@/state/FilteredView';
import { countInView } from '@/state/listRows';
import { useAppStore } from '@/state/store';

/**
 * Free-text search. The list follows every keystroke; the map follows a moment later (deferred).
 * Escape and the clear button empty the field and leave focus in it. While a search runs, a link under the
 * field says how many places it found and leads to the list, which on a desktop starts below the filters.
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
      {queryTerms(query).length > 0 && <ResultsLink />}
      {locked && (
        <p id={`${id}-locked`} className="facet__locked">
          {t('filters.locked')}
        </p>
      )}
    </div>
  );
}

/**
 * "37 Treffer – zur Liste": moves the focus to the list (and a folded phone sheet up, so it shows). While
 * the list holds only the places in the map's view, the link says how many of the matches that leaves, so
 * its number is the one the list shows.
 */
function ResultsLink() {
  const t = useT();
  const { matching } = useFiltered();
  const viewBounds = useAppStore((state) => (state.onlyVisible ? state.viewBounds : null));
  const inView = useMemo(() => countInView(matching, viewBounds), [matching, viewBounds]);
  const count = matching.length;
  if (count === 0) return <p className="search-box__results search-box__results--none">{t('filters.toResultsNone')}</p>;
  const toList = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const { sheet, setSheet } = useAppStore.getState();
    if (sheet === 'peek') setSheet('half');
    const list = document.getElementById(HOTSPOT_LIST_ID);
    // Its heading at the top of the panel, so the first results show below the list's toolbar (focus alone
    // scrolls only until some of the section shows).
    list?.scrollIntoView({ block: 'start' });
    list?.focus({ preventScroll: true });
  };
  return (
    <p className="search-box__results">
      <a href={`#${HOTSPOT_LIST_ID}`} onClick={toList}>
        {linkText(t, count, inView)}
      </a>
    </p>
  );
}

function linkText(t: Translate, count: number, inView: number): string {
  if (inView === count) return count === 1 ? t('filters.toResultOne') : t('filters.toResults', { count });
  if (count === 1) return t('filters.toResultOneNotInView');
  if (inView === 0) return t('filters.toResultsNoneInView', { count });
  return t('filters.toResultsInView', { count, inView });
}
