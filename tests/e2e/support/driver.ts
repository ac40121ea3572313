import { test as base, expect, type Locator, type Page, type Route } from '@playwright/test';
import type { PNG } from 'pngjs';
import { decodePng } from './pixels';

/**
 * The driver layer: what a resident does and sees, in their words. Specs talk to this, never to CSS
 * classes; elements are found by role, label and text, with the map's `data-testid` as the one
 * exception (a WebGL canvas has no accessible name for what it draws).
 */

/** Map ready can take several seconds: WebGL runs in software (SwiftShader) here. */
export const MAP_READY_TIMEOUT = 45_000;

export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

export type Language = 'de' | 'en';

const TEXT = {
  de: {
    closeDetails: 'Details schließen',
    retry: 'Erneut laden',
    basemapFallback: /Straßenkarte nicht erreichbar/,
    spotChoice: (count: number) => `${count} Orte an dieser Stelle`,
  },
  en: {
    closeDetails: 'Close details',
    retry: 'Try again',
    basemapFallback: /Street map unavailable/,
    spotChoice: (count: number) => `${count} places at this spot`,
  },
} as const;

function isLocal(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return true;
    return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/**
 * Aborts every request that leaves this machine, as on a machine without internet, and records it.
 * The returned array fills as requests are blocked, so a test can prove the app really tried to go out.
 */
export async function blockExternalNetwork(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.route(
    (url) => !isLocal(url.href),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  return blocked;
}

/** `#map=zoom/lat/lon`, the camera hash MapLibre reads and writes. */
export function cameraHash(camera: Camera): string {
  return `#map=${camera.zoom}/${camera.lat}/${camera.lon}`;
}

export function cameraFromUrl(url: string): Camera | null {
  const match = /#map=([-\d.]+)\/([-\d.]+)\/([-\d.]+)/.exec(new URL(url).hash);
  if (!match) return null;
  return { zoom: Number(match[1]), lat: Number(match[2]), lon: Number(match[3]) };
}

/** Loads the app: `query` like `?lang=en` (or ''), optionally with a camera in the hash. */
export async function openApp(page: Page, query = '', camera?: Camera): Promise<void> {
  await page.goto(`/${query}${camera ? cameraHash(camera) : ''}`);
}

/** The map container is `aria-busy` until MapLibre's first `idle`. */
export async function waitForMapReady(page: Page): Promise<void> {
  await expect(page.getByTestId('map')).toHaveAttribute('aria-busy', 'false', { timeout: MAP_READY_TIMEOUT });
}

function routeFulfil(body: string, status: number, contentType: string) {
  return (route: Route) => route.fulfill({ status, body, contentType, headers: { 'Cache-Control': 'no-store' } });
}

const HOTSPOTS_URL = '**/data/hotspots.geojson';

/** Serves `body` (a string as it is, anything else as JSON) in place of /data/hotspots.geojson. */
export async function serveHotspots(page: Page, body: unknown, status = 200): Promise<void> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  await page.route(HOTSPOTS_URL, routeFulfil(text, status, 'application/geo+json'));
}

/** Stops serving a replacement: /data/hotspots.geojson comes from the server again. */
export async function restoreHotspots(page: Page): Promise<void> {
  await page.unroute(HOTSPOTS_URL);
}

/** Answers requests for one data file (`districts.geojson`, …) with an HTTP error. */
export async function failDataFile(page: Page, file: string, status = 500): Promise<void> {
  await page.route(`**/data/${file}`, routeFulfil('Internal Server Error', status, 'text/plain'));
}

/**
 * The app as one resident uses it. Created by the `app` fixture, which also blocks the internet and
 * records every browser dialog and uncaught page error.
 */
export class MapApp {
  readonly dialogs: string[] = [];
  readonly pageErrors: string[] = [];
  blockedRequests: string[] = [];
  language: Language = 'de';

  constructor(readonly page: Page) {
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  private get text() {
    return TEXT[this.language];
  }

  async open(query = '', camera?: Camera): Promise<void> {
    this.language = /[?&]lang=en\b/.test(query) ? 'en' : 'de';
    await openApp(this.page, query, camera);
  }

  async waitForMapReady(): Promise<void> {
    await waitForMapReady(this.page);
  }

  /** Opens the app and waits until both the map and the list of places are ready. */
  async openReady(query = '', camera?: Camera): Promise<void> {
    await this.open(query, camera);
    await this.waitForMapReady();
  }

  get map(): Locator {
    return this.page.getByTestId('map');
  }

  /** The map itself: MapLibre's canvas is a region labelled in the current language. */
  get mapRegion(): Locator {
    const name = this.language === 'de' ? 'Karte der Innovationsorte in Dortmund' : 'Map of innovation places in Dortmund';
    return this.map.getByRole('region', { name, exact: true });
  }

  /** The list of places: a section labelled by its heading, one list item per place. */
  get placeList(): Locator {
    return this.page.getByRole('region', { name: this.language === 'de' ? /^Orte\b/ : /^Places\b/ });
  }

  get places(): Locator {
    return this.placeList.getByRole('listitem');
  }

  placeButton(name: string): Locator {
    return this.placeList.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  async openHotspotFromList(name: string): Promise<void> {
    await this.placeButton(name).click();
    await expect(this.detailsHeading).toHaveText(name);
  }

  /** The open details: an article whose heading is the place's name. */
  get details(): Locator {
    return this.page.getByRole('article');
  }

  get detailsHeading(): Locator {
    return this.details.getByRole('heading', { level: 2 });
  }

  get closeDetailsButton(): Locator {
    return this.page.getByRole('button', { name: this.text.closeDetails });
  }

  /** The chooser for places that share one spot. */
  spotChooser(count: number): Locator {
    return this.page.getByRole('region', { name: this.text.spotChoice(count) });
  }

  get dataAlert(): Locator {
    return this.page.getByRole('alert');
  }

  get retryButton(): Locator {
    return this.dataAlert.getByRole('button', { name: this.text.retry });
  }

  get basemapFallbackNote(): Locator {
    return this.page.getByRole('status').filter({ hasText: this.text.basemapFallback });
  }

  /** Clicks the middle of the map, where a `#map=` camera put the place the test is after. */
  async clickMapCentre(): Promise<void> {
    const box = await this.map.boundingBox();
    if (!box) throw new Error('The map has no box on screen.');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  async mapScreenshot(): Promise<PNG> {
    return decodePng(await this.map.screenshot({ animations: 'disabled' }));
  }

  camera(): Camera | null {
    return cameraFromUrl(this.page.url());
  }

  searchParam(name: string): string | null {
    return new URL(this.page.url()).searchParams.get(name);
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `test` with an `app` fixture. Every test runs without internet (as this machine is, and as a kiosk
 * may be) and fails if the page threw an uncaught error.
 */
export const test = base.extend<{ app: MapApp }>({
  // Named `provide`, not `use`: the React hooks lint rule would take `use(app)` for React's `use`.
  app: async ({ page }, provide) => {
    const app = new MapApp(page);
    app.blockedRequests = await blockExternalNetwork(page);
    await provide(app);
    expect(app.pageErrors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
