/**
 * Runs `task` once the browser has shown its first contentful paint (index.html's static page), so
 * that the page is on screen before the app's code is evaluated: a module script that has arrived by
 * the time the HTML is parsed runs before the first paint, and on a slow phone the app's evaluation
 * and first render would keep the screen blank for a second or more.
 *
 * The signal is the paint timing entry, which the browser records once the frame is presented. A page
 * that paints nothing (a hidden tab, an off-screen cross-origin iframe) or a browser without paint
 * timing starts after the next frame or after `fallbackMs`, whichever comes first.
 */
export function afterFirstPaint(task: () => void, fallbackMs = 1000): void {
  let started = false;
  const startOnce = () => {
    if (started) return;
    started = true;
    task();
  };
  setTimeout(startOnce, fallbackMs);
  if (document.visibilityState !== 'visible' || !paintTimingSupported()) {
    requestAnimationFrame(() => setTimeout(startOnce, 0));
    return;
  }
  const observer = new PerformanceObserver((entries) => {
    if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    startOnce();
  });
  observer.observe({ type: 'paint', buffered: true });
}

function paintTimingSupported(): boolean {
  return typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes.includes('paint');
}
