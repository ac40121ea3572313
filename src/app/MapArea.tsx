import { Component, lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import type { RuntimeConfig } from '@/config/runtimeConfig';
import { useT } from '@/i18n/useT';
import { supportsWebGL } from '@/map/webgl';
import { useAppStore } from '@/state/store';
import type { ResolvedTheme } from './useTheme';

// MapLibre and react-map-gl live in their own chunk, loaded after the shell has painted.
const MapView = lazy(() => import('@/map/MapView'));

class MapErrorBoundary extends Component<
  { fallback: ReactNode; onError: () => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('The map failed:', error);
    this.props.onError();
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function MapNotice({ children }: { children: ReactNode }) {
  return (
    <div className="map-notice" role="status">
      <p>{children}</p>
    </div>
  );
}

export function MapArea({
  config,
  forceOfflineBasemap,
  theme,
}: {
  config: RuntimeConfig | null;
  forceOfflineBasemap: boolean;
  theme: ResolvedTheme;
}) {
  const t = useT();
  const setMapStatus = useAppStore((state) => state.setMapStatus);
  const basemap = useAppStore((state) => state.basemap);
  const mode = useAppStore((state) => state.launch.mode);
  const webgl = useMemo(() => supportsWebGL(), []);
  useEffect(() => {
    if (!webgl) setMapStatus('unsupported');
  }, [webgl, setMapStatus]);

  let content: ReactNode;
  if (!webgl) {
    content = <MapNotice>{t('map.unsupported')}</MapNotice>;
  } else if (!config) {
    content = <MapNotice>{t('map.loading')}</MapNotice>;
  } else {
    content = (
      <MapErrorBoundary fallback={<MapNotice>{t('map.failed')}</MapNotice>} onError={() => setMapStatus('failed')}>
        <Suspense fallback={<MapNotice>{t('map.loading')}</MapNotice>}>
          <MapView
            basemapConfig={config.basemap}
            forceOfflineBasemap={forceOfflineBasemap}
            theme={theme}
            cooperativeGestures={mode === 'embed'}
          />
        </Suspense>
      </MapErrorBoundary>
    );
  }

  return (
    // Not a labelled region itself: MapLibre's canvas already is one ("Map.Title"), and two regions with
    // the same name would be announced twice.
    <div className="map-area" id="map-region" tabIndex={-1}>
      {content}
      {basemap === 'fallback' && (
        <p className="basemap-note" role="status">
          {t('map.basemapFallback')}
        </p>
      )}
    </div>
  );
}
