import { otherLanguage } from '@/i18n/language';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';
import type { KioskConfig } from '@/config/runtimeConfig';
import { resetKiosk } from '@/features/kiosk/useKioskIdle';
import { FullMapLink } from './FullMapLink';

export function Header({ kioskHome }: { kioskHome: KioskConfig['home'] }) {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const setLanguage = useAppStore((state) => state.setLanguage);
  const setAboutOpen = useAppStore((state) => state.setAboutOpen);
  const mode = useAppStore((state) => state.launch.mode);
  const listOpen = useAppStore((state) => state.listOpen);
  const setListOpen = useAppStore((state) => state.setListOpen);
  const setEmbedOpen = useAppStore((state) => state.setEmbedOpen);
  const other = otherLanguage(language);
  const embed = mode === 'embed';

  return (
    <header className="app-header">
      <div className="app-header__titles">
        {embed ? <p className="app-header__title">{t('app.title')}</p> : <h1>{t('app.title')}</h1>}
        {!embed && <p className="app-header__subtitle">{t('app.subtitle')}</p>}
      </div>
      <div className="app-header__actions">
        {embed && (
          <>
            <button
              type="button"
              className="button button--quiet list-toggle"
              aria-expanded={listOpen}
              aria-controls="sidebar-content"
              onClick={() => setListOpen(!listOpen)}
            >
              {listOpen ? t('embed.hideList') : t('embed.showList')}
            </button>
            <FullMapLink />
          </>
        )}
        {mode === 'kiosk' && (
          <button type="button" className="button kiosk-home" onClick={() => resetKiosk(kioskHome)}>
            <span aria-hidden="true">⌂ </span>
            {t('kiosk.home')}
          </button>
        )}
        {mode === 'browse' && (
          <button type="button" className="button button--quiet embed-open" onClick={() => setEmbedOpen(true)}>
            {t('embed.open')}
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={() => setAboutOpen(true)}>
          <span className="long-label">{t('about.open')}</span>
          <span className="short-label">{t('about.openShort')}</span>
        </button>
        <button
          type="button"
          className="button button--quiet"
          lang={other}
          aria-label={t('app.switchLanguageLabel')}
          onClick={() => setLanguage(other)}
        >
          {t('app.switchLanguage')}
        </button>
      </div>
    </header>
  );
}
