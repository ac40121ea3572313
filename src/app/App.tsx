import { useEffect, useState, type MouseEvent } from 'react';
import type { RuntimeConfig } from '@/config/runtimeConfig';
import { AboutDialog } from '@/features/about/AboutDialog';
import { EmbedDialog } from '@/features/embed/EmbedDialog';
import { useEmbedBridge } from '@/features/embed/useEmbedBridge';
import { KioskLayer } from '@/features/kiosk/KioskLayer';
import { useAutoRetry } from '@/features/problems/useAutoRetry';
import { useT } from '@/i18n/useT';
import { HOTSPOT_LIST_ID } from '@/lib/domIds';
import { FilteredViewProvider } from '@/state/FilteredView';
import { useAppStore } from '@/state/store';
import { parseUrlState } from '@/state/urlState';
import { useUrlSync } from '@/state/useUrlSync';
import { Header } from './Header';
import { MapArea } from './MapArea';
import { Sidebar } from './Sidebar';
import { startLoading, type Startup } from './startLoading';
import { useResolvedTheme } from './useTheme';

/**
 * A skip link's jump: focus moves without touching the address, whose hash holds the camera (#map=…).
 * The map's own canvas takes the focus when it is there, so the arrow keys move the map at once.
 */
function skipTo(event: MouseEvent<HTMLAnchorElement>, id: typeof HOTSPOT_LIST_ID | 'map-region') {
  event.preventDefault();
  const target = document.getElementById(id);
  const canvas = id === 'map-region' ? target?.querySelector<HTMLElement>('canvas[tabindex]') : null;
  (canvas ?? target)?.focus();
}

/** `startup`: the loads start.tsx began before the first render; without it (tests), App starts them. */
export function App({ startup }: { startup?: Startup }) {
  const t = useT();
  const [config, setConfig] = useState<RuntimeConfig | null>(null);
  const [forceOfflineBasemap] = useState(() => parseUrlState(window.location.search).basemap === 'offline');
  const mode = useAppStore((state) => state.launch.mode);
  const listOpen = useAppStore((state) => state.listOpen);
  const theme = useResolvedTheme();
  useUrlSync();
  useEmbedBridge(config?.partnerOrigins ?? null);
  useAutoRetry();

  useEffect(() => {
    let live = true;
    void (startup ?? startLoading()).config.then((loaded) => live && setConfig(loaded));
    return () => {
      live = false;
    };
  }, [startup]);

  return (
    <FilteredViewProvider>
      <div className={`app app--${mode}${listOpen ? '' : ' app--list-closed'}`}>
        <a className="skip-link" href={`#${HOTSPOT_LIST_ID}`} onClick={(event) => skipTo(event, HOTSPOT_LIST_ID)}>
          {t('app.skipToList')}
        </a>
        <a className="skip-link" href="#map-region" onClick={(event) => skipTo(event, 'map-region')}>
          {t('app.skipToMap')}
        </a>
        <Header kioskHome={config?.kiosk.home ?? null} />
        <main className="app-main">
          <Sidebar />
          <MapArea config={config} forceOfflineBasemap={forceOfflineBasemap} theme={theme} />
        </main>
        <AboutDialog />
        {mode === 'browse' && <EmbedDialog />}
        {mode === 'kiosk' && <KioskLayer kiosk={config?.kiosk ?? null} />}
      </div>
    </FilteredViewProvider>
  );
}
