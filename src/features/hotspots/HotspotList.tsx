import { useT } from '@/i18n/useT';
import { HOTSPOT_LIST_ID } from '@/lib/domIds';
import type { ReactNode } from 'react';
import { chunk, useChunk } from '@/lib/chunk';
import { useAppStore } from '@/state/store';
import { useFiltered } from '@/state/FilteredView';
import { useListRows } from '@/state/derived';
import type { ListEntry, ListRows } from '@/state/listRows';
import { useAreaNames } from '@/state/selectors';
import { CategoryDot } from '@/ui/CategoryDot';
import { ResultsToolbar } from './ResultsToolbar';

// Only long lists need the virtualiser; its code loads when one appears.
const virtualiserChunk = chunk(() => import('./VirtualHotspotItems'));

/**
 * Up to this many places the list is rendered whole (every place a real <li>, all reachable with Tab);
 * beyond it only the visible window is rendered, so 100,000 places stay fast.
 */
export const VIRTUALISE_ABOVE = 300;

export function formatDistance(metres: number, language: string): string {
  // Round first, then choose the unit, so 996 m reads "1 km" and not "1000 m".
  const rounded = Math.round(metres / 10) * 10;
  if (rounded < 1000) return `${rounded} m`;
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: metres < 10_000 ? 1 : 0 });
  return `${format.format(metres / 1000)} km`;
}

/**
 * The text alternative to the map: every place that passes the filters as a real list item with a
 * button that opens the same details a click on the map opens. Hover and focus highlight the place
 * on the map.
 */
export function HotspotList() {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const loaded = useAppStore((state) => state.data.hotspots !== null);
  const selectedId = useAppStore((state) => state.selectedId);
  const select = useAppStore((state) => state.select);
  const hover = useAppStore((state) => state.hover);
  const names = useAreaNames();
  const filtered = useFiltered();
  const rows = useListRows(filtered);

  const meta = ({ hotspot, distance }: ListEntry) =>
    [
      t(`category.${hotspot.category}`),
      hotspot.status === 'planned' ? t('status.planned') : null,
      names.neighbourhood(hotspot.neighbourhood) ?? names.district(hotspot.district),
      distance === null ? null : t('results.distance', { distance: formatDistance(distance, language) }),
    ]
      .filter(Boolean)
      .join(' · ');

  const renderItem = (entry: ListEntry) => (
    <button
      type="button"
      className="hotspot-list__item"
      data-hotspot-id={entry.hotspot.id}
      aria-current={entry.hotspot.id === selectedId ? 'true' : undefined}
      onClick={() => select(entry.hotspot.id)}
      onMouseEnter={() => hover(entry.hotspot.id)}
      onMouseLeave={() => hover(null)}
      onFocus={() => hover(entry.hotspot.id)}
      onBlur={() => hover(null)}
    >
      <CategoryDot category={entry.hotspot.category} status={entry.hotspot.status} />
      <span className="hotspot-list__text">
        <span className="hotspot-list__name">{entry.hotspot.name}</span>
        <span className="hotspot-list__meta">{meta(entry)}</span>
      </span>
    </button>
  );

  return (
    <section className="hotspot-list" aria-labelledby="hotspot-list-title" id={HOTSPOT_LIST_ID} tabIndex={-1}>
      <h2 id="hotspot-list-title" className="section-title">
        {t('list.title')}
      </h2>
      <ResultsToolbar shown={rows.length} ranked={filtered.ranks !== null} />
      {!loaded && <p>{t('list.loading')}</p>}
      {loaded && rows.length === 0 && (
        <p className="hotspot-list__empty">
          {/* Matches that all lie outside the map's view: say what hides them and how to see them. */}
          {filtered.matching.length > 0 ? t('results.noneInView') : t('results.noMatch')}
        </p>
      )}
      {rows.length > VIRTUALISE_ABOVE ? (
        <VirtualisedItems rows={rows} renderItem={renderItem} />
      ) : (
        <PlainItems rows={rows} renderItem={renderItem} />
      )}
    </section>
  );
}

interface ItemsProps {
  rows: ListRows;
  renderItem: (entry: ListEntry) => ReactNode;
}

/** Every row (or the first `limit`) as a real <li>. */
function PlainItems({ rows, renderItem, limit = rows.length }: ItemsProps & { limit?: number }) {
  const entries: ListEntry[] = [];
  for (let index = 0; index < Math.min(limit, rows.length); index += 1) {
    const entry = rows.at(index);
    if (entry) entries.push(entry);
  }
  return (
    <ul className="hotspot-list__items">
      {entries.map((entry) => (
        <li key={entry.hotspot.id}>{renderItem(entry)}</li>
      ))}
    </ul>
  );
}

/**
 * A long list, once the virtualiser's code is here. If that code cannot be loaded, the first places are
 * listed plainly (all of them would freeze the page at 100,000), with a note that the list is cut.
 */
function VirtualisedItems({ rows, renderItem }: ItemsProps) {
  const t = useT();
  const { module, failed } = useChunk(virtualiserChunk);
  if (module) return <module.VirtualHotspotItems rows={rows} renderItem={renderItem} />;
  if (!failed) return <p>{t('list.loading')}</p>;
  return (
    <>
      <PlainItems rows={rows} limit={VIRTUALISE_ABOVE} renderItem={renderItem} />
      <p role="status">{t('list.cut', { shown: VIRTUALISE_ABOVE, total: rows.length })}</p>
    </>
  );
}
