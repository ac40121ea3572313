import { registerSW } from 'virtual:pwa-register';
import type { AppMode } from '@/config/launchOptions';
import { DATA_FILES } from '@/data/files';
import { onKioskReset } from '@/features/kiosk/KioskLayer';

/** Fetches the data and config once through the worker, so its network-first cache holds them offline. */
async function warmDataCache(): Promise<void> {
  const base = import.meta.env.BASE_URL;
  const urls = [
    ...Object.values(DATA_FILES).map((name) => `${base}data/${name}`),
    `${base}data/tours.json`,
    `${base}config.json`,
  ];
  await Promise.allSettled(urls.map((url) => fetch(url, { cache: 'no-cache' })));
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
    onOfflineReady() {
      void warmDataCache();
    },
  });
  // Also warm when an already installed worker controls this page (a normal later visit).
  if (navigator.serviceWorker.controller) void warmDataCache();
  else navigator.serviceWorker.addEventListener('controllerchange', () => void warmDataCache(), { once: true });

  if (mode === 'kiosk') {
    onKioskReset(() => {
      if (updateWaiting) void update(true);
    });
  }
}
