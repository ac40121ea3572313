import { useT } from '@/i18n/useT';
import { useModalDialog } from '@/ui/useModalDialog';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '@/state/store';

/** About the map, its sources and their licences, including that the district borders are approximate. */
export function AboutDialog() {
  const t = useT();
  const open = useAppStore((state) => state.aboutOpen);
  const setOpen = useAppStore((state) => state.setAboutOpen);
  const counts = useAppStore(
    useShallow((state) => ({
      hotspots: state.data.hotspots?.length ?? 0,
      districts: state.data.districts?.length ?? 0,
      neighbourhoods: state.data.neighbourhoods?.length ?? 0,
    })),
  );

  const dialogRef = useModalDialog(open);

  return (
    <dialog ref={dialogRef} className="about" aria-labelledby="about-title" onClose={() => setOpen(false)}>
      <div className="details__header">
        <h2 id="about-title">{t('about.title')}</h2>
        <button type="button" className="icon-button" onClick={() => setOpen(false)} aria-label={t('about.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p>{t('about.intro')}</p>
      <p>{t('about.counts', counts)}</p>
      <h3>{t('about.sourcesTitle')}</h3>
      <ul>
        <li>{t('about.boundary')}</li>
        <li>{t('about.districts')}</li>
        <li>{t('about.places')}</li>
        <li>{t('about.basemap')}</li>
        <li>{t('about.font')}</li>
      </ul>
    </dialog>
  );
}
