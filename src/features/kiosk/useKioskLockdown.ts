import { useEffect } from 'react';

/**
 * Nothing in a kiosk leaves the app or gets in the way: no context menu, no text selection, no page
 * pinch-zoom (the map still pinches: MapLibre handles its own touch gestures), and no link navigates
 * away. Everything is undone when the hook unmounts.
 */
export function useKioskLockdown(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const prevent = (event: Event) => event.preventDefault();
    const blockExternalLinks = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || anchor.target === '_blank') event.preventDefault();
    };
    document.addEventListener('contextmenu', prevent);
    document.addEventListener('selectstart', prevent);
    // Safari's pinch gesture events; Chromium honours the viewport meta below.
    document.addEventListener('gesturestart', prevent);
    document.addEventListener('click', blockExternalLinks, true);

    const viewport = document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
    const previousViewport = viewport?.content ?? null;
    viewport?.setAttribute('content', 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no');

    return () => {
      document.removeEventListener('contextmenu', prevent);
      document.removeEventListener('selectstart', prevent);
      document.removeEventListener('gesturestart', prevent);
      document.removeEventListener('click', blockExternalLinks, true);
      if (viewport && previousViewport !== null) viewport.setAttribute('content', previousViewport);
    };
  }, [active]);
}
