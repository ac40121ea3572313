// First: sends the data and config requests before the rest of the entry is evaluated.
import '@/app/requestEarly';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/App';
import '@/app/app.css';
import { AppErrorBoundary } from '@/app/AppErrorBoundary';
import { preloadMap } from '@/app/MapArea';
import { hasWebGL2 } from '@/map/webgl';
import { startServiceWorker } from '@/app/serviceWorker';
import { parseLaunchOptions } from '@/config/launchOptions';
import { useAppStore } from '@/state/store';
import { initialLanguage } from '@/state/useUrlSync';

const launch = parseLaunchOptions(window.location.search);
useAppStore.getState().setLaunch(launch);
useAppStore
  .getState()
  .setLanguage(initialLanguage(window.location.search, navigator.languages ?? [navigator.language]));
document.documentElement.dataset['mode'] = launch.mode;
// A narrow embed starts with its list folded away, so the host page shows a compact map.
if (launch.mode === 'embed' && window.matchMedia('(max-width: 720px)').matches) {
  useAppStore.getState().setListOpen(false);
}

startServiceWorker(launch.mode);

const root = document.getElementById('root');
if (root) {
  // The map's code starts loading before React's first render (index.html has hinted it; the data and
  // config requests went out with the first import). No map without WebGL 2 (MapLibre 6): then there is
  // no map code to fetch.
  if (hasWebGL2()) preloadMap();
  createRoot(root).render(
    <StrictMode>
      <AppErrorBoundary kiosk={launch.mode === 'kiosk'}>
        <App />
      </AppErrorBoundary>
    </StrictMode>,
  );
}
