import { APP_ORIGIN, PartnerPage, embedAppUrl, expect, test } from './support/embedHost';
import { boxesOf } from './support/boxes';

/**
 * A partner's page on another origin (http://127.0.0.1:<port>, the built demo page and partner client)
 * embeds the map (http://localhost:4173) and talks to it with the postMessage API, version 1.
 * The map's config.json is answered by the test, so only the partner's origin is trusted.
 */

const TZDO = 'TechnologieZentrumDortmund (TZDO)';
const ALL_PLACES = 51;
const SCIENCE_PLACES = 9;
const PHOENIX_SEE = { lng: 7.5135, lat: 51.4898, zoom: 15 };

/** Long enough for a message to cross to the iframe and for the map to act on it, had it accepted it. */
const SETTLE_MS = 1_000;

async function openConnected(partner: PartnerPage, extra = ''): Promise<void> {
  await partner.open(embedAppUrl(extra));
  await expect(partner.status).toHaveText(`Verbunden mit ${APP_ORIGIN}`, { timeout: 45_000 });
  await partner.map.waitForMapReady();
}

test.describe('The map embedded on a partner page', () => {
  test('says ready, only to the listed partner, from its own frame', async ({ partner }) => {
    await openConnected(partner);

    await expect(partner.logEntries('ready')).toHaveCount(1);
    const messages = await partner.mapMessages();
    expect(messages.map((message) => message.type)).toContain('ready');
    for (const message of messages) {
      expect(message.origin).toBe(APP_ORIGIN);
      expect(message.version).toBe(1);
    }
    const [ready] = await partner.mapMessages('ready');
    expect(ready?.payload).toEqual({
      selected: null,
      filters: { category: [], sector: [], status: [], tag: [], district: null, neighbourhood: null, q: '' },
    });
    // The route on the top page answered the iframe's own request for config.json.
    expect(partner.configRequests.some((url) => url.startsWith(`${APP_ORIGIN}/?mode=embed`))).toBe(true);
  });

  test('opens the place the host selects', async ({ partner }) => {
    await openConnected(partner);

    await partner.button('TZDO zeigen').click();

    await expect(partner.map.detailsHeading).toHaveText(TZDO);
    await expect(partner.logEntries('select').last()).toContainText('{"id":"tzdo"}');
  });

  test('tells the host which place the visitor chose in the map', async ({ partner }) => {
    await openConnected(partner);

    await partner.map.placeButton('DEZENTRALE').click();

    await expect(partner.map.detailsHeading).toHaveText('DEZENTRALE');
    await expect(partner.logEntries('select').last()).toContainText('{"id":"dezentrale"}');
    const selects = await partner.mapMessages('select');
    expect(selects.at(-1)?.payload).toEqual({ id: 'dezentrale' });
  });

  test('filters, flies and resets on the host’s request', async ({ partner }) => {
    await openConnected(partner);
    await expect(partner.map.places).toHaveCount(ALL_PLACES);

    await partner.button('Nur Wissenschaft').click();
    await expect(partner.map.places).toHaveCount(SCIENCE_PLACES);
    await expect(partner.map.categoryChip('science')).toBeChecked();
    await expect(partner.logEntries('filters').last()).toContainText('"category":["science"]');

    await partner.button('Zum Phoenix-See').click();
    await expect
      .poll(async () => (await partner.camera())?.zoom, { message: 'zoom in the iframe’s #map=' })
      .toBeCloseTo(PHOENIX_SEE.zoom, 1);
    const camera = await partner.camera();
    expect(camera?.lat).toBeCloseTo(PHOENIX_SEE.lat, 3);
    expect(camera?.lon).toBeCloseTo(PHOENIX_SEE.lng, 3);

    await partner.button('TZDO zeigen').click();
    await expect(partner.map.detailsHeading).toHaveText(TZDO);
    await partner.button('Zurücksetzen').click();
    await expect(partner.map.places).toHaveCount(ALL_PLACES);
    await expect(partner.map.detailsHeading).toHaveCount(0);
    await expect(partner.logEntries('select').last()).toContainText('{"id":null}');
    await expect
      .poll(async () => (await partner.camera())?.zoom ?? 99, { message: 'zoom after reset' })
      .toBeLessThan(14);
  });

  test('reports its height as the content changes', async ({ partner, page }) => {
    // A narrow page: the embed flows, with the list below the map when it is open.
    await page.setViewportSize({ width: 420, height: 900 });
    await openConnected(partner);
    const lastHeight = async () => {
      const resizes = await partner.mapMessages('resize');
      return (resizes.at(-1)?.payload as { height: number } | undefined)?.height ?? 0;
    };
    await expect.poll(lastHeight, { message: 'a first height' }).toBeGreaterThan(0);
    const closed = await lastHeight();

    await partner.map.listToggle(false).click();
    await expect.poll(lastHeight, { message: 'the height with the list open' }).toBeGreaterThan(closed + 400);
    const open = await lastHeight();
    // The client (autoResize) sizes the iframe to it: the 1px border on each side comes on top.
    await expect.poll(() => partner.iframeHeight()).toBeCloseTo(open + 2, 0);

    await partner.map.listToggle(true).click();
    await expect.poll(lastHeight, { message: 'the height with the list closed again' }).toBeLessThan(open);
  });

  test('fills the height of the partner’s iframe when the list sits beside the map', async ({ app, page }) => {
    // The iframe is the page here: a partner's plain <iframe height="…"> gives the app this viewport.
    for (const height of [600, 900]) {
      await page.setViewportSize({ width: 800, height });
      await app.openReady('?mode=embed&basemap=offline');
      const box = await app.map.boundingBox();
      expect(box, `the map at ${height} px`).not.toBeNull();
      // The map reaches the iframe's bottom edge: no blank band below it, and nothing cut off.
      expect(Math.round((box?.y ?? 0) + (box?.height ?? 0)), `the map's bottom at ${height} px`).toBe(height);
      expect(await page.evaluate(() => document.documentElement.scrollHeight), `the page at ${height} px`).toBe(height);
    }
  });

  test('in a 360 px frame, every header button is whole and its label on one line, in German too', async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 480 });
    for (const lang of ['de', 'en']) {
      await app.openReady(`?mode=embed&basemap=offline&lang=${lang}`);
      const buttons = page.locator('header').getByRole('button').or(page.locator('header').getByRole('link'));
      await expect(buttons).toHaveCount(4);
      for (const box of await boxesOf(buttons)) {
        expect(box.left, `${lang}: left edge of "${box.text}"`).toBeGreaterThanOrEqual(0);
        expect(box.right, `${lang}: right edge of "${box.text}"`).toBeLessThanOrEqual(360);
        expect(box.height, `${lang}: height of "${box.text}" (one line)`).toBeLessThanOrEqual(46);
      }
    }
  });

  test('neither talks to nor obeys a page that is not on the partner list', async ({
    page,
    partner,
    strangerServer,
  }) => {
    // The same demo page, from a second origin that config.json does not list.
    const stranger = new PartnerPage(page, strangerServer);
    expect(partner.host.origin).not.toBe(stranger.host.origin);
    await stranger.open(embedAppUrl());
    await stranger.map.waitForMapReady();
    await expect(stranger.map.places).toHaveCount(ALL_PLACES);

    // Its own client's commands (queued until a "ready" that never comes) and raw messages alike.
    await stranger.button('TZDO zeigen').click();
    await stranger.post({ target: 'innovation-map', version: 1, type: 'select', payload: { id: 'tzdo' } }, APP_ORIGIN);
    await stranger.post({
      target: 'innovation-map',
      version: 1,
      type: 'setFilters',
      payload: { category: ['science'] },
    });
    await stranger.post({ target: 'innovation-map', version: 1, type: 'flyTo', payload: PHOENIX_SEE });
    await page.waitForTimeout(SETTLE_MS);

    await expect(stranger.map.detailsHeading).toHaveCount(0);
    await expect(stranger.map.places).toHaveCount(ALL_PLACES);
    expect((await stranger.camera())?.zoom ?? 0).toBeLessThan(PHOENIX_SEE.zoom - 1);
    // Also a click inside the map is not reported to it.
    await stranger.map.placeButton('DEZENTRALE').click();
    await expect(stranger.map.detailsHeading).toHaveText('DEZENTRALE');
    await page.waitForTimeout(SETTLE_MS);
    expect(await stranger.mapMessages(), 'messages from the map to an unlisted page').toEqual([]);
    await expect(stranger.status).not.toHaveText(/Verbunden/);
    await expect(stranger.log.getByRole('listitem')).toHaveCount(0);
  });

  test('ignores malformed messages and runs nothing from them', async ({ app, page, partner }) => {
    await openConnected(partner);
    const cameraBefore = await partner.camera();
    const megabyte = 'x'.repeat(1_000_000);
    const envelope = { target: 'innovation-map', version: 1 };
    const junk: unknown[] = [
      'select tzdo',
      JSON.stringify({ ...envelope, type: 'select', payload: { id: 'tzdo' } }),
      null,
      42,
      [],
      [{ ...envelope, type: 'select', payload: { id: 'tzdo' } }],
      {},
      { ...envelope },
      { ...envelope, version: 2, type: 'select', payload: { id: 'tzdo' } },
      { ...envelope, version: '1', type: 'select', payload: { id: 'tzdo' } },
      { ...envelope, target: 'another-map', type: 'select', payload: { id: 'tzdo' } },
      { ...envelope, type: 'eval', payload: 'alert(1)' },
      { ...envelope, type: 'constructor', payload: {} },
      { ...envelope, type: '__proto__', payload: {} },
      { ...envelope, type: 'select', payload: { id: 'tzdo', html: '<img src=x onerror=alert(1)>' } },
      { ...envelope, type: 'select', payload: { id: 'tzdo' }, extra: true },
      { ...envelope, type: 'select', payload: { id: '<img src=x onerror=alert(1)>' } },
      { ...envelope, type: 'select', payload: { id: 'TZDO' } },
      { ...envelope, type: 'select', payload: { id: 7 } },
      { ...envelope, type: 'select', payload: { id: megabyte } },
      { ...envelope, type: 'setFilters', payload: { q: megabyte } },
      { ...envelope, type: 'setFilters', payload: { category: ['science'], padding: megabyte } },
      { ...envelope, type: 'setFilters', payload: { category: ['<script>alert(1)</script>'] } },
      { ...envelope, type: 'setFilters', payload: { category: 'science' } },
      { ...envelope, type: 'flyTo', payload: { lng: 13.405, lat: 52.52, zoom: 12 } },
      { ...envelope, type: 'flyTo', payload: { lng: Number.NaN, lat: 51.5 } },
      { ...envelope, type: 'flyTo', payload: { lng: '7.5', lat: '51.5' } },
      { ...envelope, type: 'reset', payload: { everything: true } },
    ];
    for (const data of junk) await partner.post(data);
    await page.waitForTimeout(SETTLE_MS);

    await expect(partner.map.detailsHeading).toHaveCount(0);
    await expect(partner.map.places).toHaveCount(ALL_PLACES);
    expect(await partner.camera()).toEqual(cameraBefore);

    // A well-formed message with markup in the search text: searched for as text, never rendered.
    const markup = '<img src=x onerror="alert(document.domain)">';
    await partner.post({ ...envelope, type: 'setFilters', payload: { q: markup } }, APP_ORIGIN);
    await expect(partner.map.searchBox).toHaveValue(markup);
    await expect(partner.logEntries('filters').last()).toContainText(JSON.stringify(markup));
    expect(
      await partner.appFrame().evaluate(() => document.querySelectorAll('img[onerror], script:not([src])').length),
    ).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('img, script:not([src])').length)).toBe(0);

    // The bridge still listens: a valid message after all of that works.
    await partner.post({ ...envelope, type: 'select', payload: { id: 'tzdo' } }, APP_ORIGIN);
    await expect(partner.map.detailsHeading).toHaveText(TZDO);
    expect(app.dialogs).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  test('keeps the facets the partner locked', async ({ page, partner }) => {
    await openConnected(partner, '&category=science&lock=category');

    await expect(partner.map.categoryFacet).toHaveAccessibleName('Kategorie (vom Partner festgelegt)');
    for (const category of ['science', 'business', 'culture', 'civic', 'urban'] as const) {
      await expect(partner.map.categoryChip(category)).toBeDisabled();
    }
    await expect(partner.map.categoryChip('science')).toBeChecked();
    await expect(partner.map.places).toHaveCount(SCIENCE_PLACES);

    // Through the partner client, as a partner's own script would.
    await page.evaluate(() => {
      window.innovationMap?.setFilters({ category: ['culture'], status: ['planned'] });
    });
    await expect(partner.logEntries('filters').last()).toContainText('"status":["planned"]');
    await expect(partner.logEntries('filters').last()).toContainText('"category":["science"]');
    await expect(partner.map.categoryChip('science')).toBeChecked();
    await expect(partner.map.categoryChip('culture')).not.toBeChecked();

    await partner.button('Zurücksetzen').click();
    await expect(partner.logEntries('filters').last()).toContainText('"status":[]');
    await expect(partner.map.categoryChip('science')).toBeChecked();
    await expect(partner.map.places).toHaveCount(SCIENCE_PLACES);
  });
});
