import { useId, useMemo } from 'react';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';
import type { DensityClass } from './choropleth';

/** The toggle for the density view and, when it is on, its legend. */
export function DensityLegend({ classes }: { classes: readonly DensityClass[] }) {
  const t = useT();
  const on = useAppStore((state) => state.choropleth);
  const setOn = useAppStore((state) => state.setChoropleth);
  return (
    <div className="density-legend">
      <label className="checkbox-row">
        <input type="checkbox" checked={on} onChange={(event) => setOn(event.target.checked)} />
        <span>{t('map.choropleth')}</span>
      </label>
      {on && <DensityScale classes={classes} />}
    </div>
  );
}

/**
 * The legend's scale, mounted only while the density view is on: the first number format costs the
 * browser ~15 ms (its locale data), which the map's first frames need not wait for. Drawn as one row of
 * swatches with the class limits below them, so it covers little of the map (as a column it hid Mengede's
 * places); each item still reads as its whole range ("0,14–0,29").
 */
function DensityScale({ classes }: { classes: readonly DensityClass[] }) {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const format = useMemo(() => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }), [language]);
  // Named through the id: on a low map the caption is not shown (app.css), and still names the legend.
  const captionId = useId();
  return (
    <figure className="density-legend__scale" aria-labelledby={captionId}>
      <figcaption id={captionId}>{t('map.choroplethLegend')}</figcaption>
      <ul>
        {classes.map((entry, index) => (
          <li key={entry.colour}>
            <span className="density-legend__swatch" style={{ background: entry.colour }} aria-hidden="true" />
            <span className="visually-hidden">
              {format.format(entry.from)}–{format.format(entry.to)}
            </span>
            <span className="density-legend__limit" aria-hidden="true">
              {format.format(entry.from)}
            </span>
            {index === classes.length - 1 && (
              <span className="density-legend__limit density-legend__limit--end" aria-hidden="true">
                {format.format(entry.to)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}
