import { useMemo } from 'react';
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
 * browser ~15 ms (its locale data), which the map's first frames need not wait for.
 */
function DensityScale({ classes }: { classes: readonly DensityClass[] }) {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const format = useMemo(() => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }), [language]);
  return (
    <figure className="density-legend__scale">
      <figcaption>{t('map.choroplethLegend')}</figcaption>
      <ul>
        {classes.map((entry) => (
          <li key={entry.colour}>
            <span className="density-legend__swatch" style={{ background: entry.colour }} aria-hidden="true" />
            {format.format(entry.from)}–{format.format(entry.to)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
