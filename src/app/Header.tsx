import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';

export function Header() {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const setLanguage = useAppStore((state) => state.setLanguage);
  const setAboutOpen = useAppStore((state) => state.setAboutOpen);
  const other = language === 'de' ? 'en' : 'de';

  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1>{t('app.title')}</h1>
        <p className="app-header__subtitle">{t('app.subtitle')}</p>
      </div>
      <div className="app-header__actions">
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
