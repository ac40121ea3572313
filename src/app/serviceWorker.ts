import { registerSW } from 'virtual:pwa-register';
import type { AppMode } from '@/config/launchOptions';
import { DATA_FILES, configUrl, dataFileUrl } from '@/data/files';
import { onKioskReset } from '@/features/kiosk/KioskLayer';
import { DATA_CACHE } from './serviceWorkerCaches';

/**
 * Fetches through the worker the data and config files its network-first cache does not hold yet, so it
 * holds them offline. Files it holds are skipped: the page's own requests go through the worker and keep
 * them fresh (before, every visit downloaded every data file a second time, and the first visit twice more).
 */
async function warmDataCache(): Promise<void> {
  const urls = [...Object.values(DATA_FILES).map(dataFileUrl), dataFileUrl('tours.json'), configUrl()];
  const cached = await Promise.all(
    urls.map((url) => caches.match(url, { cacheName: DATA_CACHE }).then(Boolean, () => false)),
  );
  await Promise.allSettled(urls.filter((_, index) => !cached[index]).map((url) => fetch(url, { cache: 'no-cache' })));
}

let warmed = false;

/** Once per page, and only through the worker: a request it does not see lands in no cache. */
function warmDataCacheOnce(): void {
  if (warmed || !navigator.serviceWorker.controller) return;
  warmed = true;
  void warmDataCache();
}

/**
 * Registers the service worker (production builds only). A new version waits; a kiosk activates it at
 * its next idle reset, so an update never lands in the middle of a visitor's interaction. Elsewhere it
 * takes over when all tabs of the app have been closed.
 */
export function startServiceWorker(mode: AppMode): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  let updateWaiting = false;
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateWaiting = true;
    },
    onOfflineReady: warmDataCacheOnce,
  });
  // A later visit: the installed worker controls the page from the start. The first visit: once it takes
  // over (clientsClaim), which may come before or after onOfflineReady.
  if (navigator.serviceWorker.controller) warmDataCacheOnce();
  else navigator.serviceWorker.addEventListener('controllerchange', warmDataCacheOnce, { once: true });

  if (mode === 'kiosk') {
    onKioskReset(() => {
      if (updateWaiting) void update(true);
    });
  }
}
