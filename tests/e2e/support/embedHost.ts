import type { Frame, FrameLocator, Locator, Page } from '@playwright/test';
import {
  CATEGORY_LABELS,
  MAP_READY_TIMEOUT,
  UI_TEXT,
  cameraFromUrl,
  expect,
  optionWithCount,
  test as appTest,
} from './driver';
import type { Camera, CategoryKey } from './driver';
import { startHostServer, type HostServer } from './hostServer';

/**
 * The driver layer for embeds: a partner's page (the built demo page, served from 127.0.0.1) with the
 * map in an iframe (served from localhost:4173). The host side is read as its visitor sees it (buttons,
 * status, the event log); the map side through the iframe, by role and label as in driver.ts.
 */

export const APP_ORIGIN = 'http://localhost:4173';

/** The map's address for an embed: `extra` like `&category=science&lock=category`. */
export function embedAppUrl(extra = ''): string {
  return `${APP_ORIGIN}/?mode=embed&basemap=offline${extra}`;
}

/** A message as the host page's window received it. */
export interface Received {
  origin: string;
  fromIframe: boolean;
  data: unknown;
}

interface MapMessage {
  source: string;
  version: number;
  type: string;
  payload: unknown;
}

declare global {
  interface Window {
    __received?: Received[];
    __cspViolations?: string[];
    innovationMap?: {
      select: (id: string | null) => unknown;
      setFilters: (filters: Record<string, unknown>) => unknown;
      flyTo: (target: { lng: number; lat: number; zoom?: number }) => unknown;
      reset: () => unknown;
    };
  }
}

/** What the visitor sees inside the iframe: the same map, found by role and label (German). */
export class EmbeddedMap {
  constructor(readonly frame: FrameLocator) {}

  get map(): Locator {
    return this.frame.getByTestId('map');
  }

  async waitForMapReady(): Promise<void> {
    await expect(this.map).toHaveAttribute('aria-busy', 'false', { timeout: MAP_READY_TIMEOUT });
  }

  get placeList(): Locator {
    return this.frame.getByRole('region', { name: /^Orte\b/ });
  }

  get places(): Locator {
    return this.placeList.getByRole('listitem');
  }

  placeButton(name: string): Locator {
    return this.placeList.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  get detailsHeading(): Locator {
    return this.frame.getByRole('article').getByRole('heading', { level: 2 });
  }

  /** The category facet; its name says "(vom Partner festgelegt)" when the embed locks it. */
  get categoryFacet(): Locator {
    return this.frame.getByRole('group', { name: new RegExp(`^${UI_TEXT.de.category}( \\(|$)`) });
  }

  categoryChip(category: CategoryKey): Locator {
    return this.categoryFacet.getByRole('checkbox', { name: optionWithCount(CATEGORY_LABELS.de[category]) });
  }

  get searchBox(): Locator {
    return this.frame.getByRole('searchbox', { name: UI_TEXT.de.search, exact: true });
  }

  /** The embed's own "Liste ausblenden" / "Liste zeigen" button. */
  listToggle(open: boolean): Locator {
    return this.frame.getByRole('button', { name: open ? 'Liste ausblenden' : 'Liste zeigen', exact: true });
  }
}

/** The partner's page: the demo page with its buttons, its status line and its log of events. */
export class PartnerPage {
  readonly map: EmbeddedMap;
  /** Every request for the map's config.json that the test answered (the iframe's included). */
  readonly configRequests: string[] = [];

  constructor(
    readonly page: Page,
    readonly host: HostServer,
  ) {
    this.map = new EmbeddedMap(page.getByTitle('Innovationsorte in Dortmund (Karte)').contentFrame());
  }

  /** The map's config.json, whoever asks for it: only `partnerOrigins` are trusted. */
  async trust(partnerOrigins: readonly string[]): Promise<void> {
    await this.page.route(`${APP_ORIGIN}/config.json`, (route) => {
      this.configRequests.push(route.request().frame().url());
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'Cache-Control': 'no-store' },
        // No online basemap: these tests run without internet.
        body: JSON.stringify({ basemap: { styleUrl: null }, partnerOrigins }),
      });
    });
  }

  /** Records, in the top page only, every message it receives and every CSP violation. */
  async record(): Promise<void> {
    await this.page.addInitScript(() => {
      if (window.top !== window) return;
      window.__received = [];
      window.__cspViolations = [];
      window.addEventListener('message', (event) => {
        const iframe = document.querySelector('iframe');
        window.__received?.push({
          origin: event.origin,
          fromIframe: event.source !== null && event.source === iframe?.contentWindow,
          data: event.data,
        });
      });
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
  }

  async open(appUrl: string): Promise<void> {
    await this.page.goto(this.host.demoUrl(appUrl));
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  get log(): Locator {
    return this.page.getByRole('log');
  }

  /** Log entries of one event type, as the demo shows them: "<time> <type> <json>". */
  logEntries(type: string): Locator {
    return this.log.getByRole('listitem').filter({ hasText: new RegExp(`\\d ${type} [{[]`) });
  }

  /** The map's messages the host page received: from the iframe, in the API's envelope. */
  async mapMessages(type?: string): Promise<(MapMessage & { origin: string })[]> {
    const received = await this.page.evaluate(() => window.__received ?? []);
    return received
      .filter((item) => isMapMessage(item.data) && item.fromIframe)
      .map((item) => ({ ...(item.data as MapMessage), origin: item.origin }))
      .filter((message) => type === undefined || message.type === type);
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => window.__cspViolations ?? []);
  }

  /** Posts raw data to the iframe, as any script on the host page could (targetOrigin `*` by default). */
  async post(data: unknown, targetOrigin = '*'): Promise<void> {
    await this.page.evaluate(
      ([message, origin]) => document.querySelector('iframe')?.contentWindow?.postMessage(message, origin as string),
      [data, targetOrigin] as const,
    );
  }

  /** The map's frame (for its URL); the iframe is the only frame from the map's origin. */
  appFrame(): Frame {
    const frame = this.page.frames().find((candidate) => candidate.url().startsWith(`${APP_ORIGIN}/`));
    if (!frame) throw new Error('No frame from the map origin on the host page.');
    return frame;
  }

  async camera(): Promise<Camera | null> {
    return cameraFromUrl(await this.appFrame().evaluate(() => window.location.href));
  }

  async iframeHeight(): Promise<number> {
    const box = await this.page.getByTitle('Innovationsorte in Dortmund (Karte)').boundingBox();
    return box?.height ?? 0;
  }
}

function isMapMessage(data: unknown): data is MapMessage {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)['source'] === 'innovation-map';
}

/**
 * `test` with the `app` fixture of driver.ts (no internet, no uncaught errors, dialogs recorded) plus two
 * partner web servers per worker: `partner` is on the map's partner list, `stranger` is not.
 */
export const test = appTest.extend<{ partner: PartnerPage }, { partnerServer: HostServer; strangerServer: HostServer }>(
  {
    partnerServer: [
      // eslint-disable-next-line no-empty-pattern -- Playwright needs the object pattern, even when empty.
      async ({}, provide) => {
        const server = await startHostServer(APP_ORIGIN);
        await provide(server);
        await server.close();
      },
      { scope: 'worker' },
    ],
    strangerServer: [
      // eslint-disable-next-line no-empty-pattern -- Playwright needs the object pattern, even when empty.
      async ({}, provide) => {
        const server = await startHostServer(APP_ORIGIN);
        await provide(server);
        await server.close();
      },
      { scope: 'worker' },
    ],
    partner: async ({ app, page, partnerServer }, provide) => {
      const partner = new PartnerPage(page, partnerServer);
      await partner.trust([partnerServer.origin]);
      await partner.record();
      await provide(partner);
      expect(app.dialogs, 'dialogs in any frame').toEqual([]);
      expect(await partner.cspViolations(), 'CSP violations on the host page').toEqual([]);
    },
  },
);

export { expect };
