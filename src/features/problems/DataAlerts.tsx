import { useState } from 'react';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';

/** How many skipped features are listed one by one before the rest are summarised. */
const MAX_LISTED = 8;

/**
 * Problems with the data, always visible and announced (role="alert"). File problems offer a retry;
 * the last good data stays on screen meanwhile. Skipped features are listed with file, id and field.
 */
export function DataAlerts() {
  const t = useT();
  const fileProblems = useAppStore((state) => state.data.fileProblems);
  const featureProblems = useAppStore((state) => state.data.featureProblems);
  const loadStatus = useAppStore((state) => state.loadStatus);
  const loadData = useAppStore((state) => state.loadData);
  const [collapsed, setCollapsed] = useState(false);

  if (fileProblems.length === 0 && featureProblems.length === 0) return null;
  const retrying = loadStatus === 'loading';

  return (
    <div role="alert" className="data-alert">
      <h2 className="data-alert__title">{t('problems.title')}</h2>
      {fileProblems.length > 0 && (
        <>
          <ul>
            {fileProblems.map((problem) => (
              <li key={problem.file}>
                {t(`problems.file.${problem.code}`, { file: problem.file, status: problem.status ?? '' })}
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => void loadData()} disabled={retrying}>
            {retrying ? t('problems.retrying') : t('problems.retry')}
          </button>
        </>
      )}
      {featureProblems.length > 0 && (
        <details open={!collapsed} onToggle={(event) => setCollapsed(!event.currentTarget.open)}>
          <summary>{t('problems.skipped', { count: featureProblems.length })}</summary>
          <ul>
            {featureProblems.slice(0, MAX_LISTED).map((problem, position) => (
              <li key={`${problem.file}-${problem.feature}-${position}`}>
                {t(`problems.feature.${problem.code}`, { ...problem })}
              </li>
            ))}
            {featureProblems.length > MAX_LISTED && <li>…</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
