import { AreaPanel } from '@/features/areas/AreaPanel';
import { FilterPanel } from '@/features/filters/FilterPanel';
import { SearchBox } from '@/features/filters/SearchBox';
import { HotspotDetails } from '@/features/hotspots/HotspotDetails';
import { HotspotList } from '@/features/hotspots/HotspotList';
import { SpotChooser } from '@/features/hotspots/SpotChooser';
import { DataAlerts } from '@/features/problems/DataAlerts';
import { useT } from '@/i18n/useT';
import { useAppStore, type SheetState } from '@/state/store';
import { useSelectedHotspot } from '@/state/selectors';

const NEXT_SHEET: Record<SheetState, SheetState> = { peek: 'half', half: 'full', full: 'peek' };

/** The sidebar on a desktop; on a phone the same content is a bottom sheet over the map. */
export function Sidebar() {
  const t = useT();
  const selected = useSelectedHotspot();
  const spotChoice = useAppStore((state) => state.spotChoice);
  const sheet = useAppStore((state) => state.sheet);
  const setSheet = useAppStore((state) => state.setSheet);

  return (
    <aside className={`sidebar sidebar--${sheet}`} aria-label={t('list.title')}>
      <button
        type="button"
        className="sheet-handle"
        aria-expanded={sheet !== 'peek'}
        aria-controls="sidebar-content"
        onClick={() => setSheet(NEXT_SHEET[sheet])}
      >
        <span className="sheet-handle__bar" aria-hidden="true" />
        <span className="visually-hidden">{sheet === 'full' ? t('sheet.collapse') : t('sheet.expand')}</span>
      </button>
      <div className="sidebar__content" id="sidebar-content">
        <DataAlerts />
        <SearchBox />
        {spotChoice && !selected && <SpotChooser ids={spotChoice} />}
        {selected && <HotspotDetails hotspot={selected} />}
        <AreaPanel />
        <FilterPanel />
        <HotspotList />
      </div>
    </aside>
  );
}
