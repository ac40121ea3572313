import { request as httpRequest } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { repoContentSecurityPolicy } from '../../scripts/deploy/nginxConfig.ts';
import { MAP_READY_TIMEOUT, blockExternalNetwork, expect, test as base, type MapApp } from './support/driver';
import { DIST, startFramingPage, startNginx, type NginxServer } from './support/nginx';

/**
 * The production headers on the real server: Debian's nginx with the generated server block
 * (deploy/nginx.conf, with only its port and root changed), serving the production build.
 */

interface CspWatch {
  /** Every CSP violation seen: `securitypolicyviolation` events in any frame or worker, and console reports. */
  violations: string[];
  /** Console complaints about the other headers (an unknown Permissions-Policy feature, ...). */
  headerWarnings: string[];
}

const CSP_CONSOLE = /Content Security Policy|Refused to /i;
const HEADER_CONSOLE = /Permissions-Policy|Cross-Origin-Opener-Policy|Referrer Policy/i;

/** Counts violations from the first script on: the listener is installed before the app's code in every frame. */
async function watchCsp(page: Page): Promise<CspWatch> {
  const watch: CspWatch = { violations: [], headerWarnings: [] };
  await page.exposeBinding('__reportCspViolation', ({ frame }, report: string) => {
    watch.violations.push(`${report} in ${frame.url()}`);
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation: (text: string) => Promise<void> })
      .__reportCspViolation;
    window.addEventListener(
      'securitypolicyviolation',
      (event) => {
        void report(
          `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}` +
            (event.sample ? ` sample "${event.sample}"` : ''),
        );
      },
      true,
    );
  });
  const onConsole = (where: string) => (message: { text: () => string }) => {
    const text = message.text();
    if (CSP_CONSOLE.test(text)) watch.violations.push(`console (${where}): ${text}`);
    else if (HEADER_CONSOLE.test(text)) watch.headerWarnings.push(`console (${where}): ${text}`);
  };
  page.on('console', onConsole('page'));
  // Workers run under the policy of their own script's response (MapLibre's .mjs, the service worker's
  // sw.js), and their violations reach no page listener: watch them in their own scope.
  const watchWorker = (worker: Worker) => {
    worker.on('console', onConsole(`worker ${worker.url()}`));
    void worker
      .evaluate(() => {
        self.addEventListener('securitypolicyviolation', (event) => {
          console.error(`Refused to (worker) ${event.effectiveDirective}: ${event.blockedURI}`);
        });
      })
      .catch(() => undefined);
  };
  page.on('worker', watchWorker);
  page.context().on('serviceworker', watchWorker);
  return watch;
}

const test = base.extend<{ csp: CspWatch }, { nginx: NginxServer }>({
  nginx: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const server = await startNginx();
      await provide(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  // Depends on `app`, so that the internet is blocked before the first request.
  csp: async ({ page, app }, provide) => {
    void app;
    await provide(await watchCsp(page));
  },
});

/** What a resident does: pick a place from the list, toggle a filter, open the embed dialog with its preview. */
async function useTheApp(app: MapApp): Promise<void> {
  const names = await app.placeNames();
  const first = names[0];
  if (!first) throw new Error('The list of places is empty.');
  await app.openHotspotFromList(first);
  await app.closeDetailsButton.click();
  await app.filterBy('science');
  await expect(app.categoryChip('science')).toBeChecked();
  await app.categoryChip('science').uncheck();

  await app.page.getByRole('button', { name: 'Karte einbetten', exact: true }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Diese Karte einbetten' });
  await expect(dialog).toBeVisible();
  // The live preview is the app itself, framed by its own origin: frame-ancestors 'self' must let it in.
  const preview = dialog.locator('iframe[title="Vorschau der eingebetteten Karte"]');
  await expect(preview).toBeVisible();
  await expect(preview.contentFrame().getByTestId('map')).toHaveAttribute('aria-busy', 'false', {
    timeout: MAP_READY_TIMEOUT,
  });
}

test.describe('the app under its production CSP, served by nginx', () => {
  test('offline basemap: browsing, filtering and the embed preview raise no violation', async ({
    app,
    csp,
    nginx,
    page,
  }) => {
    await page.goto(nginx.url('/?basemap=offline'));
    await app.waitForMapReady();
    await useTheApp(app);
    // Let late work (tile parsing in the worker, the preview's data) finish before counting.
    await page.waitForTimeout(500);
    expect(csp.violations, 'CSP violations').toEqual([]);
    expect(csp.headerWarnings, 'header warnings').toEqual([]);
  });

  test('default load: the online basemap is allowed by connect-src (and blocked here only by the test)', async ({
    app,
    csp,
    nginx,
    page,
  }) => {
    await page.goto(nginx.url('/'));
    await app.waitForMapReady();
    // The style request reached the network layer, so the policy let it out: a CSP-blocked fetch never does.
    await expect
      .poll(() => app.blockedRequests.some((url) => url.startsWith('https://tiles.openfreemap.org/')))
      .toBe(true);
    await expect(app.basemapFallbackNote).toBeVisible();
    expect(csp.violations, 'CSP violations').toEqual([]);
  });

  test('an OpenFreeMap basemap (faked) loads style, TileJSON, tiles, glyphs and sprites without a violation', async ({
    app,
    csp,
    nginx,
    page,
  }) => {
    const served = await fakeOpenFreeMap(page);
    // A generous time limit, so that a slow software-rendered map is not taken for a failing basemap.
    const shipped = JSON.parse(readFileSync(path.join(DIST, 'config.json'), 'utf8')) as { basemap?: object };
    await page.route('**/config.json', (route) =>
      route.fulfill({ json: { ...shipped, basemap: { ...shipped.basemap, timeoutMs: 60_000 } } }),
    );
    await page.goto(nginx.url('/'));
    await app.waitForMapReady();
    await expect
      .poll(() => [...served].sort(), { timeout: 20_000 })
      .toEqual(['glyphs', 'sprite', 'style', 'tile', 'tilejson']);
    await expect(app.basemapFallbackNote).toBeHidden();
    await page.waitForTimeout(500);
    expect(csp.violations, 'CSP violations').toEqual([]);
  });
});

test.describe('the service worker under the production CSP', () => {
  // The suite blocks service workers by default (playwright.config.ts); this one needs it.
  test.use({ serviceWorkers: 'allow' });

  test("registers and activates from /sw.js (worker-src 'self') without a violation", async ({
    app,
    csp,
    nginx,
    page,
  }) => {
    // npm run build always writes the worker; a build without it is a failure, not a reason to skip.
    expect(existsSync(path.join(DIST, 'sw.js')), 'dist/sw.js (run npm run build)').toBe(true);
    await page.goto(nginx.url('/?basemap=offline'));
    await app.waitForMapReady();
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { script: registration.active?.scriptURL ?? '', state: registration.active?.state ?? '' };
    });
    expect(state.script).toBe(nginx.url('/sw.js'));
    expect(state.state).toMatch(/^activat/);
    await page.waitForTimeout(500);
    expect(csp.violations, 'CSP violations').toEqual([]);
  });
});

/** A 1×1 transparent PNG for the sprite sheet. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVQYV2NgAAIAAAUAAarVyFEAAAAASUVORK5CYII=',
  'base64',
);

/**
 * Answers for tiles.openfreemap.org the way its positron style is built: a style with a TileJSON
 * source, glyphs and a sprite on the same host. Registered after the fixture's block, so it wins.
 */
async function fakeOpenFreeMap(page: Page): Promise<Set<string>> {
  const host = 'https://tiles.openfreemap.org';
  const served = new Set<string>();
  const style = {
    version: 8,
    sources: { openmaptiles: { type: 'vector', url: `${host}/planet` } },
    glyphs: `${host}/fonts/{fontstack}/{range}.pbf`,
    sprite: `${host}/sprites/ofm_f384/ofm`,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } },
      {
        id: 'water',
        type: 'fill',
        source: 'openmaptiles',
        'source-layer': 'water',
        paint: { 'fill-color': '#aad3df' },
      },
      {
        id: 'place',
        type: 'symbol',
        source: 'openmaptiles',
        'source-layer': 'place',
        layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Regular'], 'icon-image': 'dot' },
      },
    ],
  };
  await page.route(`${host}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    const json = (kind: string, body: unknown) => {
      served.add(kind);
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    };
    const binary = (kind: string, contentType: string, body: Buffer) => {
      served.add(kind);
      return route.fulfill({ status: 200, contentType, body });
    };
    if (pathname === '/styles/positron') return json('style', style);
    if (pathname === '/planet') {
      return json('tilejson', {
        tilejson: '3.0.0',
        tiles: [`${host}/planet/test/{z}/{x}/{y}.pbf`],
        minzoom: 0,
        maxzoom: 14,
      });
    }
    if (pathname.startsWith('/planet/test/')) return binary('tile', 'application/x-protobuf', Buffer.alloc(0));
    if (pathname.startsWith('/fonts/')) return binary('glyphs', 'application/x-protobuf', Buffer.alloc(0));
    if (pathname.endsWith('.json') && pathname.startsWith('/sprites/')) {
      return json('sprite', { dot: { x: 0, y: 0, width: 1, height: 1, pixelRatio: 1 } });
    }
    if (pathname.endsWith('.png') && pathname.startsWith('/sprites/')) return binary('sprite', 'image/png', PIXEL_PNG);
    return route.fulfill({ status: 404, body: 'not faked' });
  });
  return served;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A plain GET that neither adds nor undoes compression, so content-encoding is what nginx sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function assetNamed(pattern: RegExp): string {
  const name = readdirSync(path.join(DIST, 'assets')).find((file) => pattern.test(file));
  if (!name) throw new Error(`No dist/assets file matches ${pattern}`);
  return `/assets/${name}`;
}

test.describe('the headers nginx sends', () => {
  test('security headers everywhere, long caching for hashed assets only, gzip, SPA fallback', async ({ nginx }) => {
    const policy = repoContentSecurityPolicy();
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);

    const expectSecurityHeaders = (response: RawResponse, what: string) => {
      expect(response.headers['content-security-policy'], what).toBe(policy);
      expect(response.headers['x-content-type-options'], what).toBe('nosniff');
      expect(response.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
      expect(response.headers['permissions-policy'], what).toMatch(/(^|, )geolocation=\(self\)(,|$)/);
      expect(response.headers['permissions-policy'], what).toMatch(/(^|, )clipboard-write=\(self\)(,|$)/);
      expect(response.headers['cross-origin-opener-policy'], what).toBe('same-origin');
      expect(response.headers['x-frame-options'], what).toBeUndefined();
      expect(response.headers['server'], what).toBe('nginx');
    };

    const index = await get(nginx.url('/'));
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(index, '/');

    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(index.body.toString())?.[1];
    expect(script, 'the entry script in index.html').toBeTruthy();
    const entry = await get(nginx.url(script ?? ''), { 'Accept-Encoding': 'gzip' });
    expect(entry.status).toBe(200);
    expect(entry.headers['content-type']).toMatch(/^application\/javascript/);
    expect(entry.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(entry.headers['content-encoding']).toBe('gzip');
    expect(entry.headers['vary']).toMatch(/Accept-Encoding/i);
    expectSecurityHeaders(entry, script ?? '');

    // The worker: a module script must have a JavaScript MIME type, and it runs under its own CSP.
    const workerPath = assetNamed(/^maplibre-gl-worker-.*\.mjs$/);
    const worker = await get(nginx.url(workerPath), { 'Accept-Encoding': 'gzip' });
    expect(worker.status).toBe(200);
    expect(worker.headers['content-type']).toMatch(/^application\/javascript/);
    expect(worker.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(worker.headers['content-encoding']).toBe('gzip');
    expectSecurityHeaders(worker, workerPath);

    const css = await get(nginx.url(assetNamed(/^index-.*\.css$/)), { 'Accept-Encoding': 'gzip' });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.headers['content-encoding']).toBe('gzip');

    const config = await get(nginx.url('/config.json'));
    expect(config.status).toBe(200);
    expect(config.headers['content-type']).toMatch(/^application\/json/);
    expect(config.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(config.body.toString())).toEqual(
      JSON.parse(readFileSync(path.join(DIST, 'config.json'), 'utf8')),
    );
    expectSecurityHeaders(config, '/config.json');

    const data = await get(nginx.url('/data/hotspots.geojson'), { 'Accept-Encoding': 'gzip' });
    expect(data.status).toBe(200);
    expect(data.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(data.headers['cache-control']).toBe('no-cache');
    expect(data.headers['content-encoding']).toBe('gzip');
    expect(data.headers['etag']).toBeTruthy();
    expectSecurityHeaders(data, '/data/hotspots.geojson');
    const plain = await get(nginx.url('/data/hotspots.geojson'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(data.body.length).toBeLessThan(plain.body.length / 2);

    // The service worker and the manifest of the installable app (when the build has them).
    if (existsSync(path.join(DIST, 'sw.js'))) {
      const sw = await get(nginx.url('/sw.js'));
      expect(sw.status).toBe(200);
      expect(sw.headers['content-type']).toMatch(/^application\/javascript/);
      expect(sw.headers['cache-control']).toBe('no-cache');
      expectSecurityHeaders(sw, '/sw.js');
    }
    if (existsSync(path.join(DIST, 'manifest.webmanifest'))) {
      const manifest = await get(nginx.url('/manifest.webmanifest'));
      expect(manifest.status).toBe(200);
      expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
      expect(manifest.headers['cache-control']).toBe('no-cache');
    }

    // Single-page app: any other path is the app shell, with the same headers.
    const deep = await get(nginx.url('/some/shared/link?lang=en'));
    expect(deep.status).toBe(200);
    expect(deep.body.toString()).toBe(index.body.toString());
    expect(deep.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(deep, '/some/shared/link');

    // A missing hashed asset or data file is a 404, never the app shell, and still carries the headers.
    for (const missing of ['/assets/index-gone.js', '/data/gone.geojson', '/embed/gone.js']) {
      const response = await get(nginx.url(missing));
      expect(response.status, missing).toBe(404);
      expectSecurityHeaders(response, missing);
    }
  });

  test('/embed/ serves the partner files as static files', async ({ nginx }) => {
    let files: string[] = [];
    try {
      files = readdirSync(path.join(DIST, 'embed')).filter((file) => /\.(js|html|css)$/.test(file));
    } catch {
      files = [];
    }
    // npm run build writes the partner client and the demo; their absence is a failure, not a skip.
    expect(files.length, 'files in dist/embed/ (run npm run build)').toBeGreaterThan(0);
    for (const file of files) {
      const response = await get(nginx.url(`/embed/${file}`));
      expect(response.status, file).toBe(200);
      expect(response.headers['content-type'], file).toMatch(/^(application\/javascript|text\/html|text\/css)/);
      expect(response.headers['cache-control'], file).toBe('no-cache');
      expect(response.body.equals(readFileSync(path.join(DIST, 'embed', file))), file).toBe(true);
    }
  });
});

test.describe('framing: frame-ancestors lets partners in and keeps strangers out', () => {
  test('a page whose origin is not listed cannot frame the app', async ({ nginx, page }) => {
    await blockExternalNetwork(page);
    const stranger = await startFramingPage();
    try {
      const console: string[] = [];
      page.on('console', (message) => console.push(message.text()));
      await page.goto(stranger.pageFor(nginx.url('/?mode=embed&basemap=offline')));
      // Chromium words it "Framing '<url>' violates ... "frame-ancestors 'self'"" (older: "Refused to frame").
      await expect
        .poll(() => console.find((text) => /frame-ancestors/.test(text)), { timeout: 15_000 })
        .toMatch(new RegExp(`(Framing|Refused to frame) '${escapeRegExp(nginx.origin)}/'.*"frame-ancestors 'self'"`));
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      expect(frame, 'the iframe exists').toBeTruthy();
      // Chromium swaps a refused frame for its error page: the app's document never arrives.
      expect(frame?.url()).not.toContain(nginx.origin);
      await expect(page.locator('iframe').contentFrame().getByTestId('map')).toHaveCount(0);
    } finally {
      await stranger.close();
    }
  });

  test('a listed partner origin can frame the app, without a violation', async ({ page }) => {
    await blockExternalNetwork(page);
    const csp = await watchCsp(page);
    const partner = await startFramingPage();
    // The generator's partner list, as a deployment with this partner in config.json would have it.
    const server = await startNginx({ partnerOrigins: [partner.origin] });
    try {
      const response = await get(server.url('/'));
      expect(response.headers['content-security-policy']).toMatch(
        new RegExp(`frame-ancestors 'self' ${escapeRegExp(partner.origin)}$`),
      );
      await page.goto(partner.pageFor(server.url('/?mode=embed&basemap=offline')));
      const frame = page.locator('iframe').contentFrame();
      await expect(frame.getByTestId('map')).toHaveAttribute('aria-busy', 'false', { timeout: MAP_READY_TIMEOUT });
      expect(csp.violations, 'CSP violations').toEqual([]);
    } finally {
      await server.stop();
      await partner.close();
    }
  });
});
