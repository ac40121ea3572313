import { useEffect, useRef } from 'react';
import { TAG_LABELS } from '@/domain/tags';
import type { Hotspot } from '@/domain/hotspot';
import { isSafeLink } from '@/data/hotspots';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';
import { useAreaNames } from '@/state/selectors';
import { CategoryDot } from '@/ui/CategoryDot';
import { QrCode } from '@/ui/QrCode';
import { focusListItem } from './focusReturn';

/**
 * Everything known about one place. All values come from untrusted data and are rendered as React
 * text; the only link is checked again to be https before it is rendered.
 */
export function HotspotDetails({ hotspot }: { hotspot: Hotspot }) {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const select = useAppStore((state) => state.select);
  const kiosk = useAppStore((state) => state.launch.mode === 'kiosk');
  const names = useAreaNames();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [hotspot.id]);

  const close = () => {
    select(null);
    // After React has removed the panel, return focus to where the user came from.
    requestAnimationFrame(() => {
      if (!focusListItem(hotspot.id)) document.getElementById('map-region')?.focus();
    });
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A modal dialog above the details (About) handles its own Escape.
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const district = names.district(hotspot.district) ?? t('details.unknownArea');
  const neighbourhood = names.neighbourhood(hotspot.neighbourhood) ?? t('details.unknownArea');

  return (
    <article className="details" aria-labelledby="details-title">
      <div className="details__header">
        <CategoryDot category={hotspot.category} status={hotspot.status} />
        <h2 id="details-title" ref={headingRef} tabIndex={-1}>
          {hotspot.name}
        </h2>
        <button type="button" className="icon-button" onClick={close} aria-label={t('details.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="details__summary" lang={language}>
        {hotspot.summary[language]}
      </p>
      <dl className="details__facts">
        <dt>{t('details.category')}</dt>
        <dd>{t(`category.${hotspot.category}`)}</dd>
        <dt>{t('details.status')}</dt>
        <dd>{t(`status.${hotspot.status}`)}</dd>
        <dt>{t('details.sector')}</dt>
        <dd>{t(`sector.${hotspot.sector}`)}</dd>
        <dt>{t('details.district')}</dt>
        <dd>{district}</dd>
        <dt>{t('details.neighbourhood')}</dt>
        <dd>{neighbourhood}</dd>
        <dt>{t('details.address')}</dt>
        <dd>{hotspot.address}</dd>
        {hotspot.since !== undefined && (
          <>
            <dt>{t('details.since')}</dt>
            <dd>{hotspot.since}</dd>
          </>
        )}
        {hotspot.tags.length > 0 && (
          <>
            <dt>{t('details.tags')}</dt>
            <dd>{hotspot.tags.map((tag) => TAG_LABELS[tag]?.[language] ?? tag).join(', ')}</dd>
          </>
        )}
        <dt>{t('details.coordSource')}</dt>
        <dd>{t(`confidence.${hotspot.coordConfidence}`)}</dd>
      </dl>
      {hotspot.website && isSafeLink(hotspot.website) && kiosk && (
        // A kiosk never navigates away: the website travels on the visitor's phone instead.
        <figure className="details__qr">
          <QrCode value={hotspot.website} label={t('kiosk.qrLabel', { host: new URL(hotspot.website).hostname })} />
          <figcaption>{t('kiosk.qrCaption', { host: new URL(hotspot.website).hostname })}</figcaption>
        </figure>
      )}
      {hotspot.website && isSafeLink(hotspot.website) && !kiosk && (
        <p>
          <a className="details__link" href={hotspot.website} target="_blank" rel="noopener noreferrer">
            {t('details.website')}: {new URL(hotspot.website).hostname}{' '}
            <span className="visually-hidden">{t('details.websiteNewTab')}</span>
          </a>
        </p>
      )}
    </article>
  );
}
