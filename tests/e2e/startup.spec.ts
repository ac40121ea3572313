import { expect, test } from './support/driver';

/**
 * index.html carries a static page (title, introduction and "loading" in both languages) that the app's
 * first render replaces: the page is never blank while the code loads, and says so when the code never
 * comes. The entry starts everything else only once that page has been painted.
 */
test.describe('Before the app has loaded', () => {
  test('the app replaces the static page with its own', async ({ app, page }) => {
    await app.openReady('?basemap=offline');
    await expect(page.locator('.boot')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Innovation Next Door' })).toBeVisible();
  });

  test('nothing big is requested before the static page has been painted', async ({ app, page }) => {
    await app.openReady('?basemap=offline');
    const timings = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const resources = performance
        .getEntriesByType('resource')
        .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime }));
      return { firstContentfulPaint: paint?.startTime ?? null, resources };
    });
    expect(timings.firstContentfulPaint, 'the page recorded its first contentful paint').not.toBeNull();
    const later = (pattern: RegExp) => timings.resources.filter((resource) => pattern.test(resource.path));
    const appCode = later(/^\/assets\/start-[^/]+\.js$/);
    const mapCode = later(/^\/assets\/maplibre-gl-[^/]+\.js$/);
    const data = later(/^\/data\/[\w-]+\.geojson$|^\/config\.json$/);
    expect(appCode, "the app's code").toHaveLength(1);
    expect(mapCode, "MapLibre's code").toHaveLength(1);
    expect(data, 'the four data files and the config').toHaveLength(5);
    for (const resource of [...appCode, ...mapCode, ...data]) {
      expect(resource.start, `${resource.path} requested after the first contentful paint`).toBeGreaterThanOrEqual(
        timings.firstContentfulPaint ?? Infinity,
      );
    }
  });

  test('the data files and the config are requested once each', async ({ app, page }) => {
    const requested: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/data/') || pathname === '/config.json') requested.push(pathname);
    });
    await app.openReady('?basemap=offline');
    await expect(app.places).toHaveCount(51);
    // The entry requests them once the page is painted (data/earlyRequests.ts) and the loaders take those responses
    // up; a loader that fetched for itself as well would show up here as a second request.
    expect(requested.sort(), 'requests for data and config').toEqual([
      '/config.json',
      '/data/city-boundary.geojson',
      '/data/districts.geojson',
      '/data/hotspots.geojson',
      '/data/neighbourhoods.geojson',
    ]);
  });

  test('when the code cannot be loaded, the page says so in both languages instead of staying blank', async ({
    page,
  }) => {
    const blocked: string[] = [];
    await page.route(/\/assets\/index-[^/]*\.js$/, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    await page.goto('/?basemap=offline');
    expect(blocked, 'the entry script was requested and refused').toHaveLength(1);

    await expect(page.getByText('Innovation Next Door', { exact: true })).toBeVisible();
    await expect(page.getByText('Die Karte wird geladen …')).toBeVisible();
    await expect(page.getByText('Loading the map …')).toBeVisible();
    const stalled = page.getByText('This is taking unusually long. Please check the connection and reload the page.');
    // Not at once: a slow line is not a failure yet.
    await expect(stalled).toBeHidden();
    // After 10 s (a CSS animation delay, so it needs no script).
    await expect(stalled).toBeVisible({ timeout: 20_000 });
    await expect(
      page.getByText('Das dauert ungewöhnlich lange. Bitte prüfen Sie die Verbindung und laden Sie die Seite neu.'),
    ).toBeVisible();
  });

  test("when the app's code fails to load after the entry has run, the hint appears at once", async ({ page }) => {
    const blocked: string[] = [];
    await page.route(/\/assets\/start-[^/]*\.js$/, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    const started = Date.now();
    await page.goto('/?basemap=offline');

    await expect(page.getByText('Innovation Next Door', { exact: true })).toBeVisible();
    await expect(page.getByText(/^Labore, Makerspaces, Hochschulen und Initiativen/)).toBeVisible();
    await expect(page.getByText(/^Labs, makerspaces, universities and civic groups/)).toBeVisible();
    // Well before the 10 s after which the hint shows without any script (the test above).
    await expect(
      page.getByText('This is taking unusually long. Please check the connection and reload the page.'),
    ).toBeVisible({ timeout: 5_000 });
    expect(Date.now() - started, 'the hint came from the failed import, not from the 10 s delay').toBeLessThan(9_000);
    expect(blocked, "the app's code was requested and refused").toHaveLength(1);
  });
});
