import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';

/** Parameters that only shape the embed; the full map drops them and keeps everything else. */
const EMBED_ONLY_PARAMS = ['mode', 'lock', 'theme'];

export function fullMapUrl(location: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>): string {
  const params = new URLSearchParams(location.search);
  for (const key of EMBED_ONLY_PARAMS) params.delete(key);
  const query = params.toString().replace(/%2C/gi, ',');
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

/** "Open the full map" from an embed, in a new tab, with the current filters, selection and camera. */
export function FullMapLink() {
  const t = useT();
  // Re-render when the state that is written to the URL changes, so the link is always current.
  useAppStore((state) => state.filters);
  useAppStore((state) => state.selectedId);
  useAppStore((state) => state.language);
  return (
    <a
      className="button button--quiet"
      href={fullMapUrl(window.location)}
      target="_blank"
      rel="noopener"
      onFocus={(event) => (event.currentTarget.href = fullMapUrl(window.location))}
      onPointerDown={(event) => (event.currentTarget.href = fullMapUrl(window.location))}
    >
      <span className="long-label">{t('embed.openFullMap')}</span>
      <span className="short-label" aria-hidden="true">
        {t('embed.openFullMapShort')}
      </span>
      <span className="visually-hidden">
        {t('embed.openFullMap')} {t('details.websiteNewTab')}
      </span>
    </a>
  );
}
