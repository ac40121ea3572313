import { useId, useMemo, useState } from 'react';
import { LOCKABLE_FACETS, type LockableFacet } from '@/config/launchOptions';
import { useT } from '@/i18n/useT';
import { useModalDialog } from '@/ui/useModalDialog';
import type { MessageKey } from '@/i18n/messages';
import { useAppStore } from '@/state/store';
import { EMBED_HEIGHT_RANGE, embedCode, embedUrl, type EmbedOptions } from './embedCode';

const LOCK_LABELS: Record<LockableFacet, MessageKey> = {
  category: 'filters.category',
  sector: 'filters.sector',
  status: 'filters.status',
  tag: 'filters.tags',
  district: 'filters.district',
  neighbourhood: 'filters.neighbourhood',
  q: 'filters.search',
};

/** "Embed this map": options, a live preview and the iframe code with a copy button. */
export function EmbedDialog() {
  const t = useT();
  const id = useId();
  const open = useAppStore((state) => state.embedOpen);
  const setOpen = useAppStore((state) => state.setEmbedOpen);
  const language = useAppStore((state) => state.language);
  // Re-render when the view changes, so "current view" means the current one.
  useAppStore((state) => state.filters);
  useAppStore((state) => state.selectedId);
  const [options, setOptions] = useState<Omit<EmbedOptions, 'title'>>({
    includeView: true,
    locked: [],
    language,
    theme: 'light',
    height: 480,
  });
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const dialogRef = useModalDialog(open);

  const full: EmbedOptions = { ...options, title: t('embed.iframeTitle') };
  const url = open ? embedUrl(window.location, full) : '';
  const code = open ? embedCode(url, full) : '';
  const lockable = useMemo(
    () => LOCKABLE_FACETS.filter((facet) => new URLSearchParams(window.location.search).has(facet)),
    // Recomputed whenever the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [open],
  );

  const update = (patch: Partial<typeof options>) => {
    setCopy('idle');
    setOptions((current) => ({ ...current, ...patch }));
  };

  const copyCode = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <dialog ref={dialogRef} className="embed-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
      <div className="details__header">
        <h2 id={`${id}-title`}>{t('embed.title')}</h2>
        <button type="button" className="icon-button" onClick={() => setOpen(false)} aria-label={t('about.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {open && (
        <div className="embed-dialog__body">
          <form className="embed-dialog__options" onSubmit={(event) => event.preventDefault()}>
            <label className="checkbox-row">
              <input
                type="checkbox"
                checked={options.includeView}
                onChange={(event) => update({ includeView: event.target.checked })}
              />
              <span>{t('embed.includeView')}</span>
            </label>
            <fieldset className="facet">
              <legend className="facet__legend">{t('embed.lock')}</legend>
              {lockable.length === 0 && <p className="facet__locked">{t('embed.lockNone')}</p>}
              {lockable.map((facet) => (
                <label key={facet} className="checkbox-row">
                  <input
                    type="checkbox"
                    disabled={!options.includeView}
                    checked={options.locked.includes(facet)}
                    onChange={(event) =>
                      update({
                        locked: event.target.checked
                          ? [...options.locked, facet]
                          : options.locked.filter((item) => item !== facet),
                      })
                    }
                  />
                  <span>{t(LOCK_LABELS[facet])}</span>
                </label>
              ))}
            </fieldset>
            <label className="select-label" htmlFor={`${id}-lang`}>
              {t('app.language')}
            </label>
            <select
              id={`${id}-lang`}
              className="select"
              value={options.language}
              onChange={(event) => update({ language: event.target.value === 'en' ? 'en' : 'de' })}
            >
              <option value="de">Deutsch</option>
              <option value="en">English</option>
            </select>
            <label className="select-label" htmlFor={`${id}-theme`}>
              {t('embed.theme')}
            </label>
            <select
              id={`${id}-theme`}
              className="select"
              value={options.theme}
              onChange={(event) =>
                update({
                  theme: event.target.value === 'dark' ? 'dark' : event.target.value === 'auto' ? 'auto' : 'light',
                })
              }
            >
              <option value="light">{t('embed.themeLight')}</option>
              <option value="dark">{t('embed.themeDark')}</option>
              <option value="auto">{t('embed.themeAuto')}</option>
            </select>
            <label className="select-label" htmlFor={`${id}-height`}>
              {t('embed.height')}
            </label>
            <input
              id={`${id}-height`}
              className="search-box__input"
              type="number"
              min={EMBED_HEIGHT_RANGE.min}
              max={EMBED_HEIGHT_RANGE.max}
              step={10}
              value={options.height}
              onChange={(event) => update({ height: Number(event.target.value) || EMBED_HEIGHT_RANGE.min })}
            />
          </form>
          <div className="embed-dialog__output">
            <label className="select-label" htmlFor={`${id}-code`}>
              {t('embed.code')}
            </label>
            <textarea id={`${id}-code`} className="embed-dialog__code" readOnly value={code} rows={9} />
            <div className="results-toolbar__row">
              <button type="button" className="button" onClick={() => void copyCode()}>
                {t('embed.copy')}
              </button>
              <span role="status" className="results-toolbar__share-status">
                {copy === 'copied' && t('embed.copied')}
                {copy === 'failed' && t('results.shareFailed')}
              </span>
            </div>
            <p className="select-label">{t('embed.preview')}</p>
            {/* To look at only: inert keeps Tab and Escape in the dialog (a live app inside would take both). */}
            <iframe
              inert
              className="embed-dialog__preview"
              src={url}
              title={t('embed.previewTitle')}
              height={Math.min(options.height, 520)}
              loading="lazy"
              referrerPolicy="strict-origin-when-cross-origin"
            />
          </div>
        </div>
      )}
    </dialog>
  );
}
