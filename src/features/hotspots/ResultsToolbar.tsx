import { useId, useState } from 'react';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';
import { requestUserLocation } from './nearMe';

/**
 * Count (announced politely after every change), sorting, "only what the map shows", "near me" and
 * sharing the current view. `ranked`: the list holds a search's answer, so "name" order puts the best
 * matches first (buildListRows), and the sort select says so.
 */
export function ResultsToolbar({ shown, ranked }: { shown: number; ranked: boolean }) {
  const t = useT();
  const sortId = useId();
  const sortBy = useAppStore((state) => state.sortBy);
  const setSortBy = useAppStore((state) => state.setSortBy);
  const onlyVisible = useAppStore((state) => state.onlyVisible);
  const setOnlyVisible = useAppStore((state) => state.setOnlyVisible);
  const userLocation = useAppStore((state) => state.userLocation);
  const geolocation = useAppStore((state) => state.geolocation);
  const loaded = useAppStore((state) => state.data.hotspots !== null);
  // A kiosk has no location (it is not where the visitor lives) and nothing to share.
  const kiosk = useAppStore((state) => state.launch.mode === 'kiosk');
  const [shareState, setShareState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const countText =
    shown === 0 ? t('results.countNone') : shown === 1 ? t('results.countOne') : t('results.count', { count: shown });

  const share = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setShareState('copied');
    } catch {
      setShareState('failed');
    }
  };

  return (
    <div className="results-toolbar">
      <p className="results-toolbar__count" aria-live="polite" aria-atomic="true">
        {loaded ? countText : ''}
      </p>
      <div className="results-toolbar__row">
        <label htmlFor={sortId} className="select-label select-label--inline">
          {t('results.sort')}
        </label>
        <select
          id={sortId}
          className="select select--inline"
          value={sortBy}
          onChange={(event) => setSortBy(event.target.value === 'distance' ? 'distance' : 'name')}
        >
          <option value="name">{t(ranked ? 'results.sortRelevance' : 'results.sortName')}</option>
          <option value="distance" disabled={!userLocation}>
            {t('results.sortDistance')}
          </option>
        </select>
        {!kiosk && (
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={geolocation === 'located'}
            disabled={geolocation === 'locating'}
            // A second press switches "near me" off again (the button is a toggle).
            onClick={() =>
              geolocation === 'located' ? useAppStore.getState().setUserLocation(null, 'idle') : requestUserLocation()
            }
          >
            {t('results.nearMe')}
          </button>
        )}
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={onlyVisible} onChange={(event) => setOnlyVisible(event.target.checked)} />
        <span>{t('results.onlyVisible')}</span>
      </label>
      {geolocation !== 'idle' && (
        <p className="results-toolbar__geo" role="status">
          {geolocation === 'locating' && t('results.locating')}
          {geolocation === 'located' && t('results.located')}
          {geolocation === 'denied' && t('results.denied')}
          {geolocation === 'unavailable' && t('results.unavailable')}
        </p>
      )}
      {!kiosk && (
        <div className="results-toolbar__row">
          <button type="button" className="button button--secondary" onClick={() => void share()}>
            {t('results.share')}
          </button>
          <span role="status" className="results-toolbar__share-status">
            {shareState === 'copied' && t('results.shareCopied')}
            {shareState === 'failed' && t('results.shareFailed')}
          </span>
        </div>
      )}
    </div>
  );
}
