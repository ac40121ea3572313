/**
 * The app's code could not be loaded (a network error, an outage without the service worker's copy):
 * index.html's static page shows its "please reload" hint at once instead of after its 10 s delay.
 * The page stays as it is; nothing else can run without the code.
 */
export function showBootFailure(error: unknown): void {
  console.error('The app could not be loaded:', error);
  const hint = document.querySelector<HTMLElement>('.boot__stalled');
  if (hint) hint.hidden = false;
}
