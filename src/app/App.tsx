import { useEffect, useState } from 'react';
import { loadRuntimeConfig, type RuntimeConfig } from '@/config/runtimeConfig';
import { AboutDialog } from '@/features/about/AboutDialog';
import { HotspotDetails } from '@/features/hotspots/HotspotDetails';
import { HotspotList } from '@/features/hotspots/HotspotList';
import { SpotChooser } from '@/features/hotspots/SpotChooser';
import { DataAlerts } from '@/features/problems/DataAlerts';
import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';
import { useSelectedHotspot } from '@/state/selectors';
import { parseUrlState } from '@/state/urlState';
import { useUrlSync } from '@/state/useUrlSync';
import { Header } from './Header';
import { MapArea } from './MapArea';

export function App() {
  const t = useT();
  const [config, setConfig] = useState<RuntimeConfig | null>(null);
  const [forceOfflineBasemap] = useState(() => parseUrlState(window.location.search).basemap === 'offline');
  const selected = useSelectedHotspot();
  const spotChoice = useAppStore((state) => state.spotChoice);
  useUrlSync();

  useEffect(() => {
    void useAppStore.getState().loadData();
    void loadRuntimeConfig().then(setConfig);
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#hotspot-list">
        {t('app.skipToList')}
      </a>
      <Header />
      <main className="app-main">
        <aside className="sidebar">
          <DataAlerts />
          {spotChoice && !selected && <SpotChooser ids={spotChoice} />}
          {selected && <HotspotDetails hotspot={selected} />}
          <HotspotList />
        </aside>
        <MapArea config={config} forceOfflineBasemap={forceOfflineBasemap} />
      </main>
      <AboutDialog />
    </div>
  );
}
