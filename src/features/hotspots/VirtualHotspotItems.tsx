import { useCallback, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ListEntry, ListRows } from '@/state/listRows';

const ESTIMATED_ROW_PX = 64;
const estimateSize = () => ESTIMATED_ROW_PX;

/**
 * The long list, windowed: only the rows in view (plus a margin) are in the DOM. Each rendered <li>
 * says where it stands in the whole list (aria-posinset / aria-setsize), so assistive technology still
 * announces "12 of 48,210".
 */
export function VirtualHotspotItems({
  rows,
  renderItem,
}: {
  rows: ListRows;
  renderItem: (entry: ListEntry) => ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable between renders with the same rows: the virtualiser rebuilds its table of every row's
  // position whenever getItemKey changes (at 100,000 rows, tens of ms per render). Numbers (ListEntry.key),
  // because that rebuild looks every row's key up in its table of measured heights.
  const getItemKey = useCallback((index: number) => rows.keyAt(index), [rows]);
  // This build does not use the React Compiler, whose memoisation the rule protects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 8,
    getItemKey,
  });

  return (
    <div ref={scrollRef} className="hotspot-list__scroller">
      <ul className="hotspot-list__items" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const entry = rows.at(row.index);
          if (!entry) return null;
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              aria-posinset={row.index + 1}
              aria-setsize={rows.length}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
            >
              {renderItem(entry)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
