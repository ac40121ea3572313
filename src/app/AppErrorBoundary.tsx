import { Component, type ReactNode } from 'react';

/** Kiosk restarts are allowed this often within the window, so a crash at start-up cannot loop. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 10 * 60 * 1000;
const RESTART_DELAY_MS = 5000;
const STORAGE_KEY = 'innovation-map:restarts';

/** Records a restart if the budget allows one; pure over the given clock and storage. */
export function claimRestart(storage: Pick<Storage, 'getItem' | 'setItem'>, now: number): boolean {
  let recent: number[] = [];
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    if (Array.isArray(parsed)) recent = parsed.filter((value): value is number => typeof value === 'number');
  } catch {
    recent = [];
  }
  recent = recent.filter((time) => now - time < RESTART_WINDOW_MS);
  if (recent.length >= MAX_RESTARTS) return false;
  storage.setItem(STORAGE_KEY, JSON.stringify([...recent, now]));
  return true;
}

/** The address a kiosk restarts at: its mode and language settings, none of a visitor's choices. */
export function cleanKioskUrl(location: Pick<Location, 'origin' | 'pathname' | 'search'>): string {
  const params = new URLSearchParams(location.search);
  const keep = new URLSearchParams();
  for (const key of ['mode', 'basemap']) {
    const value = params.get(key);
    if (value) keep.set(key, value);
  }
  return `${location.origin}${location.pathname}?${keep.toString()}`;
}

interface Props {
  kiosk: boolean;
  children: ReactNode;
}

/**
 * The last line of defence: an error nothing else caught. A kiosk restarts itself into a clean state
 * (rate-limited); a browser shows a short message with a reload button instead of a blank page.
 * Plain text in both languages, because the i18n machinery may be what failed.
 */
export class AppErrorBoundary extends Component<Props, { failed: boolean; restarting: boolean }> {
  override state = { failed: false, restarting: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('The app failed:', error);
    if (!this.props.kiosk) return;
    let allowed = false;
    try {
      allowed = claimRestart(window.localStorage, Date.now());
    } catch {
      allowed = false;
    }
    if (allowed) {
      this.setState({ restarting: true });
      window.setTimeout(() => window.location.replace(cleanKioskUrl(window.location)), RESTART_DELAY_MS);
    }
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="app-failed" role="alert">
        <h1>Innovation Next Door</h1>
        <p lang="de">Etwas ist schiefgegangen.</p>
        <p lang="en">Something went wrong.</p>
        {this.state.restarting ? (
          <p>
            <span lang="de">Die Karte startet gleich neu.</span> / <span lang="en">The map restarts in a moment.</span>
          </p>
        ) : (
          <button type="button" className="button" onClick={() => window.location.reload()}>
            <span lang="de">Neu laden</span> / <span lang="en">Reload</span>
          </button>
        )}
      </div>
    );
  }
}
