import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KioskConfig } from '@/config/runtimeConfig';
import { dataFileUrl } from '@/data/files';
import { otherLanguage, type Language } from '@/i18n/language';
import { translate } from '@/i18n/messages';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';
import { useHotspotIndex } from '@/state/selectors';
import { validateTours, type Tour } from './tours';
import { resetKiosk, useKioskIdle } from './useKioskIdle';
import { useKioskLockdown } from './useKioskLockdown';
import { useTour } from './useTour';

/** Things that want to run at an idle reset (a waiting app update activates there). */
const resetListeners = new Set<() => void>();
export function onKioskReset(listener: () => void): () => void {
  resetListeners.add(listener);
  return () => resetListeners.delete(listener);
}

function useTours(): Tour | null {
  const index = useHotspotIndex();
  const [raw, setRaw] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(dataFileUrl('tours.json'), { cache: 'no-cache' })
      .then((response) => (response.ok ? response.json() : null))
      .then((json: unknown) => {
        if (!cancelled) setRaw(json);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return useMemo(() => {
    if (raw === null || index.size === 0) return null;
    const { tours, problems } = validateTours(raw, (id) => index.get(id)?.lngLat);
    if (problems.length > 0) console.warn('tours.json: skipped', problems);
    return tours[0] ?? null;
  }, [raw, index]);
}

function countdownText(language: Language, secondsLeft: number): string {
  return secondsLeft === 1
    ? translate(language, 'kiosk.countdownOne')
    : translate(language, 'kiosk.countdown', { seconds: secondsLeft });
}

/** Kiosk behaviour: lock-down, the idle countdown and reset, and the attract tour with its caption. */
export function KioskLayer({ kiosk }: { kiosk: KioskConfig | null }) {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const other = otherLanguage(language);
  useKioskLockdown(true);
  const tour = useTours();
  const timings = useMemo(
    () =>
      kiosk ? { idleSeconds: kiosk.idleSeconds, countdownSeconds: kiosk.countdownSeconds, tour: kiosk.tour } : null,
    [kiosk],
  );
  const home = kiosk?.home ?? null;
  const onReset = useCallback(() => {
    resetKiosk(home);
    for (const listener of resetListeners) listener();
  }, [home]);
  const idle = useKioskIdle(timings, onReset);
  const stop = useTour(tour, idle.phase === 'attract' && (kiosk?.tour ?? false));

  return (
    <>
      {idle.phase === 'countdown' && (
        <div className="kiosk-countdown" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-countdown-title">
          <div className="kiosk-countdown__box">
            <p id="kiosk-countdown-title" className="kiosk-countdown__title">
              <span lang="de">Noch da?</span> / <span lang="en">Still there?</span>
            </p>
            {/* Like its title, the box speaks both languages (the visitor may not read the one the kiosk is
                in): the current one first, the other below it. */}
            <p className="kiosk-countdown__text" aria-live="assertive">
              <span lang={language}>{countdownText(language, idle.secondsLeft)}</span>
              <span className="kiosk-countdown__other" lang={other}>
                {countdownText(other, idle.secondsLeft)}
              </span>
            </p>
            <button type="button" className="button kiosk-countdown__button">
              <span lang={language}>{t('kiosk.stay')}</span> /{' '}
              <span lang={other}>{translate(other, 'kiosk.stay')}</span>
            </button>
          </div>
        </div>
      )}
      {stop && tour && (
        <div className="kiosk-tour" aria-live="polite">
          <p className="kiosk-tour__title">{tour.title[language]}</p>
          <p className="kiosk-tour__caption" lang="de">
            {stop.caption.de}
          </p>
          <p className="kiosk-tour__caption kiosk-tour__caption--en" lang="en">
            {stop.caption.en}
          </p>
          <p className="kiosk-tour__hint">{t('kiosk.touchToStart')}</p>
        </div>
      )}
    </>
  );
}
