import { useCallback, useEffect, useRef, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import type { RuntimeConfig } from '@/config/runtimeConfig';
import { useAppStore } from '@/state/store';
import { EMBEDDED_STYLE } from './embeddedStyle';
import { EMBEDDED_STYLE_DARK } from './darkTheme';
import { fetchBasemapStyle, isBasemapSource } from './basemap';
import { preparePmtiles } from './pmtiles';

interface SourceLookup {
  getSource: (id: string) => unknown;
  isSourceLoaded: (id: string) => boolean;
}

export interface BasemapControl {
  mapStyle: StyleSpecification;
  /** Call from the map's `error` event: a failing basemap source switches back to the embedded style. */
  onMapError: (sourceId: unknown) => void;
  /** Call from the map's `idle` event: once the online basemap has drawn, the watchdog stops. */
  onMapIdle: (map: SourceLookup) => void;
}

/**
 * The map starts on the embedded style, so it is usable at once and offline. The online street map is
 * fetched alongside and swapped in underneath the thematic layers; if its style or tiles fail, or it has
 * not drawn within the configured time, the app returns to the embedded style and says so.
 */
export function useBasemap(config: RuntimeConfig['basemap'], forceOffline: boolean, dark = false): BasemapControl {
  const styleUrl = dark ? config.darkStyleUrl : config.styleUrl;
  const embeddedStyle = dark ? EMBEDDED_STYLE_DARK : EMBEDDED_STYLE;
  const setBasemap = useAppStore((state) => state.setBasemap);
  const [onlineStyle, setOnlineStyle] = useState<StyleSpecification | null>(null);
  const watchdog = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const fallBack = useCallback(() => {
    clearTimeout(watchdog.current);
    setOnlineStyle(null);
    setBasemap('fallback');
  }, [setBasemap]);

  useEffect(() => {
    if (forceOffline || !styleUrl) {
      setBasemap('embedded');
      return undefined;
    }
    let cancelled = false;
    setBasemap('loading');
    const deadline = Date.now() + config.timeoutMs;
    void fetchBasemapStyle(styleUrl, config.timeoutMs, (input, init) => fetch(input, init)).then(async (style) => {
      if (cancelled) return;
      if (!style) {
        fallBack();
        return;
      }
      // A PMTiles basemap needs its protocol before MapLibre sees the style.
      try {
        await preparePmtiles(style);
      } catch {
        fallBack();
        return;
      }
      if (cancelled) return;
      setOnlineStyle(style);
      setBasemap('online');
      // The style arrived; its tiles must draw within what is left of the time limit.
      watchdog.current = setTimeout(fallBack, Math.max(1000, deadline - Date.now()));
    });
    return () => {
      cancelled = true;
      clearTimeout(watchdog.current);
    };
  }, [styleUrl, config.timeoutMs, forceOffline, fallBack, setBasemap]);

  const onMapError = useCallback(
    (sourceId: unknown) => {
      if (onlineStyle && isBasemapSource(sourceId)) fallBack();
    },
    [onlineStyle, fallBack],
  );

  const onMapIdle = useCallback(
    (map: SourceLookup) => {
      if (!onlineStyle) return;
      // An idle can arrive between the state change and the style swap; only a drawn basemap counts.
      const ids = Object.keys(onlineStyle.sources);
      if (ids.length > 0 && ids.every((id) => map.getSource(id) && map.isSourceLoaded(id))) {
        clearTimeout(watchdog.current);
      }
    },
    [onlineStyle],
  );

  return { mapStyle: onlineStyle ?? embeddedStyle, onMapError, onMapIdle };
}
