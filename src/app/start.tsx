/**
 * The app proper, loaded by the entry (main.ts) once the static page is painted, while the data, the
 * config and the map's code are on their way: reads the launch options and the start language, renders
 * <App> in place of the static page and starts the service worker once the map has settled.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/App';
import { AppErrorBoundary } from '@/app/AppErrorBoundary';
import { startServiceWorker } from '@/app/serviceWorker';
import { startLoading } from '@/app/startLoading';
import { whenMapSettles } from '@/app/whenMapSettles';
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

// Not before the first map: see whenMapSettles. A map that never settles still gets its worker.
const SERVICE_WORKER_DEADLINE_MS = 10_000;
whenMapSettles(useAppStore, () => startServiceWorker(launch.mode), SERVICE_WORKER_DEADLINE_MS);

// Before the first render: the data is read while React renders the shell (see startLoading).
const startup = startLoading();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppErrorBoundary kiosk={launch.mode === 'kiosk'}>
        <App startup={startup} />
      </AppErrorBoundary>
    </StrictMode>,
  );
}
