import { Component, useCallback, useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import type { RuntimeConfig } from '@/config/runtimeConfig';
import { useT } from '@/i18n/useT';
import { chunk, useChunk } from '@/lib/chunk';
import { hasWebGL2 } from '@/map/webgl';
import { useAppStore } from '@/state/store';
import { MapAttribution } from './MapAttribution';
import type { ResolvedTheme } from './useTheme';

// MapLibre and react-map-gl live in their own chunks; the entry has started loading them already
// (map/preloadMapCode.ts), in parallel with the data and the app's own code.
const mapViewChunk = chunk(() => import('@/map/MapView'));

/**
 * After a lost WebGL context, how long to wait for the browser to restore it before starting afresh.
 * Short, because waiting rarely pays: a crash of Chromium's GPU process (CDP Browser.crashGpuProcess,
 * SwiftShader) restored the context only after 1.4–1.9 s, by when a fresh map (~1 s to ready) is drawing.
 * A context given back at once (WEBGL_lose_context, a driver that recovers quickly) keeps its map.
 */
const CONTEXT_RESTORE_WAIT_MS = 500;
/** A map that crashed is started again this often at most, this long apart. */
const MAX_MAP_RESTARTS = 3;
const MAP_RESTART_DELAY_MS = 4000;

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

/** The map once its code is here; a code chunk that fails to load fails like the map itself. */
function LoadedMapView(props: ComponentProps<typeof import('@/map/MapView').default>) {
  const t = useT();
  const { module, failed } = useChunk(mapViewChunk);
  if (failed) throw new Error('The map code could not be loaded');
  if (!module) return <MapNotice>{t('map.loading')}</MapNotice>;
  const MapView = module.default;
  return <MapView {...props} />;
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
  // Without WebGL 2 (which MapLibre 6 needs) the app runs list-only. Browsers without it at all are
  // known at once; a GPU that is blocked or a context that cannot be created shows up when MapLibre
  // tries to create the map, which then reports it (no probe context: one costs ~0.3 s in software).
  const [webgl, setWebgl] = useState(hasWebGL2);
  useEffect(() => {
    if (!webgl) setMapStatus('unsupported');
  }, [webgl, setMapStatus]);
  const onUnsupported = useCallback(() => setWebgl(false), []);

  // A new generation mounts a fresh map (new canvas, new WebGL context). Used when a lost context does
  // not come back by itself, and (a few times) after the map crashed.
  const [generation, setGeneration] = useState(0);
  const restarts = useRef(0);
  const restoreTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onContextLost = useCallback(() => {
    clearTimeout(restoreTimer.current);
    restoreTimer.current = setTimeout(() => setGeneration((value) => value + 1), CONTEXT_RESTORE_WAIT_MS);
  }, []);
  const onContextRestored = useCallback(() => clearTimeout(restoreTimer.current), []);
  useEffect(() => () => clearTimeout(restoreTimer.current), []);
  const onMapCrash = useCallback(() => {
    setMapStatus('failed');
    if (restarts.current >= MAX_MAP_RESTARTS) return;
    restarts.current += 1;
    setTimeout(() => setGeneration((value) => value + 1), MAP_RESTART_DELAY_MS);
  }, [setMapStatus]);

  let content: ReactNode;
  if (!webgl) {
    content = <MapNotice>{t('map.unsupported')}</MapNotice>;
  } else if (!config) {
    content = <MapNotice>{t('map.loading')}</MapNotice>;
  } else {
    content = (
      <MapErrorBoundary key={generation} fallback={<MapNotice>{t('map.failed')}</MapNotice>} onError={onMapCrash}>
        <LoadedMapView
          basemapConfig={config.basemap}
          forceOfflineBasemap={forceOfflineBasemap}
          theme={theme}
          cooperativeGestures={mode === 'embed'}
          onContextLost={onContextLost}
          onContextRestored={onContextRestored}
          onUnsupported={onUnsupported}
        />
      </MapErrorBoundary>
    );
  }

  return (
    // Not a labelled region itself: MapLibre's canvas already is one ("Map.Title"), and two regions with
    // the same name would be announced twice.
    <div className="map-area" id="map-region" tabIndex={-1}>
      {content}
      <MapAttribution />
      {basemap === 'fallback' && (
        <p className="basemap-note" role="status">
          {t('map.basemapFallback')}
        </p>
      )}
    </div>
  );
}
