import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expect, test, type Camera, type MapApp } from './support/driver';
import { CATEGORY_COLOURS, MAP_COLOURS, countColourPixels } from './support/pixels';

/**
 * The kiosk: a touch screen in a public place, unattended. It resets itself after a visitor leaves,
 * plays a tour while nobody is there, never navigates away, and keeps a working map through a lost
 * WebGL context. Kiosk timings come from /config.json, which these tests answer with short ones.
 */

const KIOSK = '?mode=kiosk&basemap=offline';
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const SCREENSHOTS = 'test-results/screenshots';
const ALL_PLACES = 51;
/** The idle timings the idle and tour tests run with: a countdown after 5 s, a reset 3 s later. */
const SHORT = { idleSeconds: 5, countdownSeconds: 3 };
/** For tests about something else: no countdown gets in the way. */
const LONG = { idleSeconds: 3600, countdownSeconds: 10, tour: false };
/** useTour.ts STOP_SECONDS: how long each tour stop stays. */
const STOP_SECONDS = 12;
/**
 * Tests that hold the app to a time limit from the issue ("within 5 s") run after all others, one at a
 * time (playwright.config.ts): a kiosk has the machine to itself, a test next to another map does not.
 */
const ALONE = '@alone';

interface TourStopData {
  hotspot: string;
  zoom: number;
  caption: { de: string; en: string };
}
const TOUR = (
  JSON.parse(readFileSync(new URL('../../data/tours.json', import.meta.url), 'utf8')) as {
    tours: { title: { de: string; en: string }; stops: TourStopData[] }[];
  }
).tours[0]!;
const PLACES = new Map(
  (
    JSON.parse(readFileSync(new URL('../../data/hotspots.geojson', import.meta.url), 'utf8')) as {
      features: { properties: { id: string; name: string }; geometry: { coordinates: [number, number] } }[];
    }
  ).features.map((feature) => [feature.properties.id, feature] as const),
);

function place(id: string) {
  const feature = PLACES.get(id);
  if (!feature) throw new Error(`No place ${id} in data/hotspots.geojson`);
  const [lon, lat] = feature.geometry.coordinates;
  return { id, name: feature.properties.name, lon, lat };
}

const TEXT = {
  countdownTitle: 'Noch da? / Still there?',
  switchToEnglish: 'Switch to English',
  switchToGerman: 'Auf Deutsch umschalten',
  home: { de: 'Start', en: 'Home' },
  noWebGL: /WebGL/,
  qrLabel: (host: string) => `QR-Code für ${host}`,
  qrCaption: (host: string) => `Website mit dem Handy öffnen: ${host}`,
};

// ------------------------------------------------------------------------------------- kiosk driver

/** Answers /config.json with these kiosk timings (the basemap is forced offline by the URL anyway). */
async function kioskConfig(page: Page, kiosk: { idleSeconds: number; countdownSeconds: number; tour: boolean }) {
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { kiosk }, headers: { 'Cache-Control': 'no-store' } }),
  );
}

async function openKiosk(app: MapApp, kiosk: { idleSeconds: number; countdownSeconds: number; tour: boolean }) {
  await kioskConfig(app.page, kiosk);
  await app.openReady(KIOSK);
  await expect(app.places).toHaveCount(ALL_PLACES);
}

/**
 * A visitor's finger on a spot that does nothing by itself (the title in the header, or the
 * countdown's backdrop above it): only the kiosk's idle clock sees it.
 */
async function touch(page: Page): Promise<void> {
  const box = await page.getByRole('heading', { level: 1 }).boundingBox();
  if (!box) throw new Error('The header title is not on screen.');
  await page.touchscreen.tap(box.x + 8, box.y + box.height / 2);
}

function countdown(page: Page) {
  return page.getByRole('alertdialog', { name: TEXT.countdownTitle });
}

function homeButton(page: Page, language: 'de' | 'en' = 'de') {
  return page.getByRole('button', { name: TEXT.home[language], exact: true });
}

function near(camera: Camera | null, target: { lat: number; lon: number; zoom?: number }, degrees = 0.002): boolean {
  if (!camera) return false;
  const zoomOk = target.zoom === undefined || Math.abs(camera.zoom - target.zoom) < 0.05;
  return zoomOk && Math.abs(camera.lat - target.lat) < degrees && Math.abs(camera.lon - target.lon) < degrees;
}

/** The camera in the URL at a tour stop: closeTo(value, digits), the hash has 5 decimals of degrees, 2 of zoom. */
function cameraAt(stop: TourStopData) {
  const spot = place(stop.hotspot);
  return { zoom: expect.closeTo(stop.zoom, 2), lat: expect.closeTo(spot.lat, 4), lon: expect.closeTo(spot.lon, 4) };
}

/**
 * Records every text the countdown shows, and '' whenever it goes away, so a test can tell that it
 * counted down second by second.
 */
async function recordCountdownTexts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __countdown: string[] }).__countdown = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[role="alertdialog"] [aria-live]')?.textContent ?? '';
      if (seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The seconds each countdown showed, one array per countdown. */
async function countdownRuns(page: Page): Promise<number[][]> {
  const texts = await page.evaluate(() => (window as unknown as { __countdown: string[] }).__countdown);
  const runs: number[][] = [[]];
  for (const text of texts) {
    if (text === '') runs.push([]);
    else runs[runs.length - 1]?.push(Number(/(\d+)/.exec(text)?.[1]));
  }
  return runs.filter((run) => run.length > 0);
}

/** Every link on the page that would leave the app: another origin, or a new tab/window. */
async function leavingLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href], area[href]'))
      .filter((link) => new URL(link.href, location.href).origin !== location.origin || link.target !== '')
      .map((link) => `${link.outerHTML.slice(0, 120)}`),
  );
}

/** Dispatches a cancelable event on each element and says which ones nobody prevented. */
async function notPrevented(page: Page, type: 'contextmenu' | 'selectstart', selectors: string[]) {
  return page.evaluate(
    ({ type, selectors }) =>
      selectors.filter((selector) => {
        const element = document.querySelector(selector);
        if (!element) return true;
        const event =
          type === 'contextmenu'
            ? new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 })
            : new Event('selectstart', { bubbles: true, cancelable: true });
        element.dispatchEvent(event);
        return !event.defaultPrevented;
      }),
    { type, selectors },
  );
}

/** The boundary line's pixels in a screenshot of the map: the whole city drawn has thousands, a blank map none. */
async function boundaryPixels(app: MapApp): Promise<number> {
  return countColourPixels(await app.mapScreenshot(), MAP_COLOURS.boundary);
}

/** Pixels in the places' category colours: a map zoomed in on a few places draws hundreds, a blank one none. */
async function placePixels(app: MapApp): Promise<number> {
  const png = await app.mapScreenshot();
  return CATEGORY_COLOURS.reduce((sum, colour) => sum + countColourPixels(png, colour), 0);
}

/**
 * The promise after a lost context: back within 5 s, and a working map, not a picture of one: it
 * draws the city, follows a touch on the list and draws the new view.
 */
async function expectRecoveredWithin5s(app: MapApp, recoveryMs: number, report: string): Promise<void> {
  test.info().annotations.push({ type: 'recovery', description: report });
  expect(recoveryMs, report).toBeLessThan(5000);
  await expect.poll(() => boundaryPixels(app), { message: 'boundary drawn after' }).toBeGreaterThan(2000);
  await app.openHotspotFromList(place('tzdo').name);
  await expect.poll(() => near(app.camera(), place('tzdo'), 0.01)).toBe(true);
  await expect.poll(() => placePixels(app), { message: 'places drawn around TZDO' }).toBeGreaterThan(300);
}

// --------------------------------------------------------------------------------------------- specs

test.describe('Kiosk mode', () => {
  test.describe.configure({ timeout: 150_000 });
  test.use({ viewport: PORTRAIT, hasTouch: true });

  test('resets itself after a visitor leaves: countdown, a touch cancels it, then filters, place, language and camera go back', async ({
    app,
    page,
  }) => {
    await openKiosk(app, { ...SHORT, tour: false });
    const home = app.camera();
    expect(home, 'the camera in the URL').not.toBeNull();
    // The idle clock started with the page, and loading may have outlasted it: a touch starts afresh.
    await touch(page);
    await expect(countdown(page)).toBeHidden();

    // A visitor: a category, a place, English.
    const tu = place('tu-dortmund');
    await app.filterBy('science');
    await app.openHotspotFromList(tu.name);
    await recordCountdownTexts(page);
    const lastInput = Date.now();
    await page.getByRole('button', { name: TEXT.switchToEnglish }).click();
    app.language = 'en';
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(homeButton(page, 'en')).toBeVisible();
    await expect.poll(() => app.searchParam('category')).toBe('science');
    expect(app.searchParam('hotspot')).toBe('tu-dortmund');
    await expect.poll(() => near(app.camera(), tu, 0.01) && (app.camera()?.zoom ?? 0) >= 14).toBe(true);

    // The visitor steps back: after idleSeconds without input, the countdown.
    await expect(countdown(page)).toBeVisible({ timeout: (SHORT.idleSeconds + 5) * 1000 });
    expect(Date.now() - lastInput, 'the countdown came after idleSeconds without input').toBeGreaterThan(
      (SHORT.idleSeconds - 0.5) * 1000,
    );
    await expect(countdown(page)).toContainText(/The map restarts in \d seconds?\./);
    // Both languages, like its title: a visitor may not read the one the kiosk was left in.
    await expect(countdown(page)).toContainText(/Die Karte startet in \d Sekunden? neu\./);
    await expect(countdown(page).getByRole('button')).toHaveText("I'm still here / Ich bin noch da");
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-countdown.png` });

    // Still there: one touch, and everything stays as it was.
    await touch(page);
    await expect(countdown(page)).toBeHidden({ timeout: 1500 });
    await expect(app.detailsHeading).toHaveText(tu.name);
    expect(app.searchParam('category')).toBe('science');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // Gone: the countdown comes again and runs out.
    await expect(countdown(page)).toBeVisible({ timeout: (SHORT.idleSeconds + 5) * 1000 });
    await expect(countdown(page)).toBeHidden({ timeout: (SHORT.countdownSeconds + 3) * 1000 });
    app.language = 'de';
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(app.details).toHaveCount(0);
    await expect.poll(() => app.searchParam('category')).toBeNull();
    expect(app.searchParam('hotspot')).toBeNull();
    expect(app.searchParam('lang') ?? 'de').toBe('de');
    await expect(app.places).toHaveCount(ALL_PLACES);
    await expect(app.categoryChip('science')).not.toBeChecked();
    await expect(homeButton(page, 'de')).toBeVisible();
    await expect
      .poll(() => app.camera(), { message: `camera back home (${JSON.stringify(home)})` })
      .toMatchObject({
        // closeTo(value, digits): within 0.05 zoom levels and 0.0005° of the start.
        zoom: expect.closeTo(home!.zoom, 1),
        lat: expect.closeTo(home!.lat, 3),
        lon: expect.closeTo(home!.lon, 3),
      });

    // The countdown that ran out said 3, 2, 1; the one the touch cancelled did not get to 1.
    const runs = await countdownRuns(page);
    expect(runs, `countdowns seen: ${JSON.stringify(runs)}`).toHaveLength(2);
    expect(runs[1]).toEqual([3, 2, 1]);
    expect(runs[0]?.[0]).toBe(3);

    // With the tour off, the kiosk rests: no caption, no countdown, the camera stays home.
    await page.waitForTimeout(SHORT.idleSeconds * 1000 + 1500);
    await expect(page.getByText(TOUR.stops[0]!.caption.de)).toHaveCount(0);
    await expect(countdown(page)).toHaveCount(0);
    expect(near(app.camera(), home!, 0.01)).toBe(true);
  });

  test('plays the tour after the reset when it is on, stop by stop, and a touch ends it at once', async ({
    app,
    page,
  }) => {
    await openKiosk(app, { ...SHORT, tour: true });
    await touch(page);
    const [first, second] = TOUR.stops;
    if (!first || !second) throw new Error('data/tours.json needs two stops');
    expect(first.hotspot).toBe('phoenix-see');

    // Nobody there: countdown, reset, then the tour starts at its first stop, captioned in both languages.
    const timeout = (SHORT.idleSeconds + SHORT.countdownSeconds + 6) * 1000;
    await expect(page.getByText(first.caption.de, { exact: true })).toBeVisible({ timeout });
    await expect(page.getByText(first.caption.en, { exact: true })).toBeVisible();
    await expect(page.getByText(TOUR.title.de, { exact: true })).toBeVisible();
    await expect.poll(() => app.camera(), { message: 'camera at the first stop' }).toMatchObject(cameraAt(first));
    await mkdir(SCREENSHOTS, { recursive: true });
    // Labels fade in after the jump; the stop stays for 12 s, so there is time to let them.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-tour.png` });

    // The next stop after STOP_SECONDS: the camera moves and the caption changes. No countdown meanwhile.
    await expect(page.getByText(second.caption.de, { exact: true })).toBeVisible({
      timeout: (STOP_SECONDS + 4) * 1000,
    });
    await expect(page.getByText(first.caption.de, { exact: true })).toHaveCount(0);
    await expect.poll(() => app.camera(), { message: 'camera at the second stop' }).toMatchObject(cameraAt(second));
    await expect(countdown(page)).toHaveCount(0);

    // A touch: the caption goes at once, and the camera stays where the visitor found it.
    await touch(page);
    await expect(page.getByText(second.caption.de, { exact: true })).toBeHidden({ timeout: 1000 });
    await expect(page.getByText(TOUR.title.de, { exact: true })).toBeHidden({ timeout: 1000 });
    const stoppedAt = app.camera();
    await page.waitForTimeout(2000);
    expect(app.camera()).toEqual(stoppedAt);
  });

  test('shows QR codes instead of links, and nothing leaves the app, opens a menu or selects text', async ({
    app,
    page,
  }) => {
    await openKiosk(app, LONG);
    expect(await leavingLinks(page), 'links that leave the app, at start').toEqual([]);

    for (const id of ['dortmunder-u', 'tzdo']) {
      const spot = PLACES.get(id)!.properties;
      const website = (spot as unknown as { website: string }).website;
      const host = new URL(website).hostname;
      await app.openHotspotFromList(spot.name);
      await expect(app.details.locator('a')).toHaveCount(0);
      const qr = app.details.getByRole('img', { name: TEXT.qrLabel(host), exact: true });
      await expect(qr).toBeVisible();
      await expect(app.details.getByRole('figure', { name: TEXT.qrCaption(host) })).toBeVisible();
      await expect(app.details.getByText(TEXT.qrCaption(host), { exact: true })).toBeVisible();

      // The drawn modules are exactly the QR code of the website (error correction M, quiet zone 4).
      const drawn = await qr.evaluate((svg) => ({
        viewBox: svg.getAttribute('viewBox'),
        dark: Array.from(svg.querySelectorAll('rect'))
          .filter((rect) => rect.getAttribute('fill') === '#000000')
          .map((rect) => `${rect.getAttribute('x')},${rect.getAttribute('y')}`),
      }));
      const code = QRCode.create(website, { errorCorrectionLevel: 'M' });
      const size = code.modules.size;
      const expected: string[] = [];
      for (let y = 0; y < size; y += 1) {
        for (let x = 0; x < size; x += 1) if (code.modules.get(y, x)) expected.push(`${x + 4},${y + 4}`);
      }
      expect(drawn.viewBox).toBe(`0 0 ${size + 8} ${size + 8}`);
      expect((size - 21) % 4, 'a QR version has 21 + 4k modules a side').toBe(0);
      expect(drawn.dark.length, `${id}: dark modules`).toBeGreaterThan(size * size * 0.3);
      expect(new Set(drawn.dark)).toEqual(new Set(expected));

      expect(await leavingLinks(page), `links that leave the app, with ${id} open`).toEqual([]);
      await app.closeDetailsButton.click();
      await expect(app.details).toHaveCount(0);
    }

    // About and sources: text only in a kiosk.
    await page.getByRole('button', { name: 'Über die Karte & Quellen' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await leavingLinks(page), 'links that leave the app, in About').toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Schließen' }).click();

    // No context menu anywhere, no text selection.
    await app.openHotspotFromList(place('dortmunder-u').name);
    const targets = ['body', 'header h1', '[data-testid="map"] canvas', 'article h2', 'article p'];
    expect(await notPrevented(page, 'contextmenu', targets), 'contextmenu not prevented on').toEqual([]);
    expect(await notPrevented(page, 'selectstart', targets), 'selectstart not prevented on').toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none');
    await app.detailsHeading.dblclick();
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');

    // The same place outside the kiosk: a link and no QR code, a context menu and selectable text.
    // (The control that shows the checks above can see what they look for.)
    await page.goto('/?basemap=offline&hotspot=dortmunder-u');
    await expect(app.detailsHeading).toHaveText('Dortmunder U');
    await expect(app.details.getByRole('img', { name: /^QR/ })).toHaveCount(0);
    expect(await leavingLinks(page)).toEqual([expect.stringContaining('https://www.dortmunder-u.de')]);
    expect(await notPrevented(page, 'contextmenu', ['body', 'header h1'])).toEqual(['body', 'header h1']);
    expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).not.toBe('none');
    await app.detailsHeading.dblclick();
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).not.toBe('');
  });

  test('every control is a 64 px touch target; Home and the language switch work', async ({ app, page }) => {
    await openKiosk(app, LONG);
    await expect(homeButton(page)).toBeVisible();
    expect.soft(await undersizedTargets(page), 'targets under 64×64 px (portrait)').toEqual([]);

    // With a place open (its close button) and the "more filters" disclosure open.
    await app.openHotspotFromList(place('tzdo').name);
    await app.openMoreFilters();
    expect.soft(await undersizedTargets(page), 'targets under 64×64 px (portrait, details open)').toEqual([]);

    // Language: both ways, and the Home button follows.
    await page.getByRole('button', { name: TEXT.switchToEnglish }).click();
    app.language = 'en';
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(homeButton(page, 'en')).toBeVisible();
    await expect(app.categoryChip('science')).toBeVisible();
    await page.getByRole('button', { name: TEXT.switchToGerman }).click();
    app.language = 'de';
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(homeButton(page, 'de')).toBeVisible();

    // Home: the kiosk's own reset, at a touch.
    await app.filterBy('culture');
    await page.getByRole('button', { name: TEXT.switchToEnglish }).click();
    await expect.poll(() => app.searchParam('category')).toBe('culture');
    await homeButton(page, 'en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(app.details).toHaveCount(0);
    await expect.poll(() => app.searchParam('category')).toBeNull();
    await expect(app.places).toHaveCount(ALL_PLACES);

    await page.setViewportSize(LANDSCAPE);
    await expect(homeButton(page)).toBeVisible();
    expect.soft(await undersizedTargets(page), 'targets under 64×64 px (landscape)').toEqual([]);
  });

  test(
    'recovers by itself from a lost WebGL context that is not restored: a fresh map within 5 s',
    { tag: ALONE },
    async ({ app }) => {
      await openKiosk(app, LONG);
      await expect.poll(() => boundaryPixels(app), { message: 'boundary drawn before' }).toBeGreaterThan(2000);
      const lost = await loseContext(app.page, null);
      expect(lost.lostNow, 'WEBGL_lose_context took the context').toBe(true);

      // Polled for longer than 5 s so that a slow recovery is measured, not just reported as missing.
      await expect
        .poll(() => mapHealth(app.page), { timeout: 20_000, intervals: [100] })
        .toMatchObject({ busy: 'false', sameCanvas: false, contextLost: false, readyMarks: lost.readyMarks + 1 });
      const recovered = await mapHealth(app.page);
      const recoveryMs = Math.round(recovered.readyAt - lost.at);
      const report =
        `fresh map ready ${recoveryMs} ms after the loss (its canvas at ${Math.round((recovered.freshCanvasAt ?? NaN) - lost.at)} ms); ` +
        `for comparison, the first map was ready ${Math.round(recovered.firstReadyAt)} ms after navigation`;
      await expectRecoveredWithin5s(app, recoveryMs, report);
    },
  );

  test(
    "recovers by itself when the browser's GPU process crashes: a working map within 5 s",
    { tag: ALONE },
    async ({ app, browser }) => {
      await openKiosk(app, LONG);
      await expect.poll(() => boundaryPixels(app), { message: 'boundary drawn before' }).toBeGreaterThan(2000);
      const readyMarks = await watchContextEvents(app.page);
      // A real loss, as a driver reset causes it: every WebGL context of the browser goes at once.
      const cdp = await browser.newBrowserCDPSession();
      await cdp.send('Browser.crashGpuProcess');
      await expect
        .poll(() => contextEvents(app.page), { message: 'the map saw its context go' })
        .toMatchObject({
          lostAt: expect.any(Number),
        });

      // Either the browser gives the context back to the same map, or the app starts a fresh one; whichever
      // comes first counts.
      await expect
        .poll(
          async () => {
            const health = await mapHealth(app.page);
            const events = await contextEvents(app.page);
            const fresh = !health.sameCanvas && health.readyMarks > readyMarks;
            return health.busy === 'false' && health.contextLost === false && (fresh || events.restoredAt !== null);
          },
          { timeout: 20_000, intervals: [100] },
        )
        .toBe(true);
      const health = await mapHealth(app.page);
      const events = await contextEvents(app.page);
      const backAt = health.sameCanvas ? events.restoredAt! : health.readyAt;
      const recoveryMs = Math.round(backAt - events.lostAt!);
      const report =
        `${health.sameCanvas ? 'context restored on the same map' : 'fresh map ready'} ${recoveryMs} ms after the loss` +
        (events.restoredAt === null
          ? ''
          : ` (the browser restored the old context after ${Math.round(events.restoredAt - events.lostAt!)} ms)`);
      await expectRecoveredWithin5s(app, recoveryMs, report);
    },
  );

  test(
    'recovers from a lost WebGL context that the browser restores after 200 ms, on the same map',
    { tag: ALONE },
    async ({ app }) => {
      await openKiosk(app, LONG);
      const before = await boundaryPixels(app);
      expect(before).toBeGreaterThan(2000);
      const lost = await loseContext(app.page, 200);
      expect(lost.lostNow).toBe(true);

      await expect
        .poll(() => mapHealth(app.page), { timeout: 5000, intervals: [100] })
        .toMatchObject({ busy: 'false', sameCanvas: true, contextLost: false });
      await expect
        .poll(() => boundaryPixels(app), { message: 'boundary drawn after the restore' })
        .toBeGreaterThan(2000);
      // Past the 0.5 s the app waits for a restore: still the same map, no fresh one was started.
      await app.page.waitForTimeout(2500);
      expect(await mapHealth(app.page)).toMatchObject({
        sameCanvas: true,
        contextLost: false,
        readyMarks: lost.readyMarks,
      });
      await app.openHotspotFromList(place('tzdo').name);
      await expect.poll(() => near(app.camera(), place('tzdo'), 0.01)).toBe(true);
      await expect.poll(() => placePixels(app), { message: 'places drawn around TZDO' }).toBeGreaterThan(300);
    },
  );

  test('screenshots of both orientations (test-results/screenshots/kiosk-*.png)', async ({ app, page }) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    await openKiosk(app, LONG);
    await expect.poll(() => boundaryPixels(app)).toBeGreaterThan(2000);
    const portrait = await layout(page);
    // Portrait: the map on top, full width; the list below it.
    expect(portrait.map.y + portrait.map.height).toBeLessThanOrEqual(portrait.list.y + 1);
    expect(portrait.map.width).toBeGreaterThan(PORTRAIT.width * 0.95);
    expect(portrait.overflowX).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-portrait.png` });

    await page.setViewportSize(LANDSCAPE);
    await page.reload();
    await app.waitForMapReady();
    await expect(app.places).toHaveCount(ALL_PLACES);
    await expect.poll(() => boundaryPixels(app)).toBeGreaterThan(2000);
    const landscape = await layout(page);
    // Landscape: the list beside the map, the map taller than it is in portrait relative to the screen.
    expect(landscape.list.x + landscape.list.width).toBeLessThanOrEqual(landscape.map.x + 1);
    expect(landscape.map.height).toBeGreaterThan(LANDSCAPE.height * 0.8);
    expect(landscape.overflowX).toBe(false);
    await expect(homeButton(page)).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-landscape.png` });
  });
});

test.describe('Without WebGL', () => {
  for (const [mode, query] of [
    ['kiosk', KIOSK],
    ['browse', '?basemap=offline'],
    ['embed', '?mode=embed&basemap=offline'],
  ] as const) {
    test(`${mode}: says the map cannot be shown, and the list still works`, async ({ app, page }) => {
      await page.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        // As on a machine without a GPU driver: no WebGL context of any kind.
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          if (/webgl/i.test(type)) return null;
          return (original as (type: string, ...rest: unknown[]) => RenderingContext | null).call(this, type, ...rest);
        } as typeof HTMLCanvasElement.prototype.getContext;
      });
      if (mode === 'kiosk') await kioskConfig(page, LONG);
      await app.open(query);
      const notice = page.getByRole('status').filter({ hasText: TEXT.noWebGL });
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('Liste');
      await expect(page.getByTestId('map')).toHaveCount(0);
      await expect(app.places).toHaveCount(ALL_PLACES);
      const tzdo = place('tzdo');
      await app.openHotspotFromList(tzdo.name);
      await expect(app.details).toContainText('Wirtschaft');
      await app.closeDetailsButton.click();
      await expect(app.details).toHaveCount(0);
      await app.filterBy('science');
      await expect(app.places).toHaveCount(9);
    });
  }
});

// ------------------------------------------------------------------------------------- page helpers

interface TargetReport {
  what: string;
  width: number;
  height: number;
}

/**
 * Every control a finger can reach, measured: buttons, selects, text inputs, disclosures, links and the
 * labels of checkboxes (their box is the label). Hidden elements (closed dialogs and disclosures,
 * visually-hidden text) are left out; so is anything entirely outside the page.
 */
async function undersizedTargets(page: Page, minimum = 64): Promise<string[]> {
  const reports = await page.evaluate(() => {
    const selector = [
      'button',
      'select',
      'summary',
      'a[href]',
      'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"])',
      'label:has(input[type="checkbox"], input[type="radio"])',
      'input[type="checkbox"]:not(label input)',
      'input[type="radio"]:not(label input)',
    ].join(', ');
    const out: TargetReport[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      if (rect.bottom <= 0 || rect.right <= 0) continue;
      const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ');
      // Something pushed up out of the page but still peeking in from the top edge.
      const partly = rect.top < 0 ? ` (only its bottom ${Math.round(rect.bottom)} px on screen)` : '';
      out.push({
        what: `${element.tagName.toLowerCase()} "${name.slice(0, 40)}" ${Math.round(rect.width)}×${Math.round(rect.height)}${partly}`,
        width: rect.width,
        height: rect.height,
      });
    }
    return out;
  });
  expect(reports.length, 'controls found').toBeGreaterThan(20);
  return reports
    .filter((report) => report.width < minimum - 0.5 || report.height < minimum - 0.5)
    .map((report) => report.what);
}

interface LostContext {
  lostNow: boolean;
  readyMarks: number;
  at: number;
}

/** Takes the map's WebGL context away with WEBGL_lose_context; optionally gives it back after `restoreAfterMs`. */
async function loseContext(page: Page, restoreAfterMs: number | null): Promise<LostContext> {
  return page.evaluate((restoreAfterMs) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas');
    if (!canvas) throw new Error('no map canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    const extension = gl?.getExtension('WEBGL_lose_context');
    if (!gl || !extension) throw new Error('no WebGL context or no WEBGL_lose_context');
    (window as unknown as { __lostCanvas: HTMLCanvasElement }).__lostCanvas = canvas;
    const readyMarks = performance.getEntriesByName('map-ready').length;
    const at = performance.now();
    // When the next map canvas appears: the fresh map's start, for the report.
    const observer = new MutationObserver(() => {
      const current = document.querySelector('[data-testid="map"] canvas');
      if (current && current !== canvas) {
        (window as unknown as { __freshCanvasAt: number }).__freshCanvasAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true });
    extension.loseContext();
    if (restoreAfterMs !== null) setTimeout(() => extension.restoreContext(), restoreAfterMs);
    return { lostNow: gl.isContextLost(), readyMarks, at };
  }, restoreAfterMs);
}

/**
 * Notes when the map's current canvas loses and gets back its WebGL context, and marks that canvas as
 * the one before the loss for mapHealth(). Returns how many times the map has been ready so far.
 */
async function watchContextEvents(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas');
    if (!canvas) throw new Error('no map canvas');
    const state = { lostAt: null as number | null, restoredAt: null as number | null };
    const global = window as unknown as { __lostCanvas: HTMLCanvasElement; __contextEvents: typeof state };
    global.__lostCanvas = canvas;
    global.__contextEvents = state;
    canvas.addEventListener('webglcontextlost', () => (state.lostAt = performance.now()));
    canvas.addEventListener('webglcontextrestored', () => (state.restoredAt = performance.now()));
    return performance.getEntriesByName('map-ready').length;
  });
}

async function contextEvents(page: Page): Promise<{ lostAt: number | null; restoredAt: number | null }> {
  return page.evaluate(() => ({
    ...(window as unknown as { __contextEvents: { lostAt: number | null; restoredAt: number | null } }).__contextEvents,
  }));
}

/** The map as it is now: busy or not, the same canvas as before the loss, its context, and when it was last ready. */
async function mapHealth(page: Page) {
  return page.evaluate(() => {
    const container = document.querySelector('[data-testid="map"]');
    const canvas = container?.querySelector('canvas') ?? null;
    const gl = canvas ? (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) : null;
    const marks = performance.getEntriesByName('map-ready');
    return {
      busy: container?.getAttribute('aria-busy') ?? null,
      sameCanvas: canvas === (window as unknown as { __lostCanvas?: HTMLCanvasElement }).__lostCanvas,
      contextLost: gl ? gl.isContextLost() : null,
      readyMarks: marks.length,
      readyAt: marks[marks.length - 1]?.startTime ?? 0,
      firstReadyAt: marks[0]?.startTime ?? 0,
      freshCanvasAt: (window as unknown as { __freshCanvasAt?: number }).__freshCanvasAt ?? null,
    };
  });
}

async function layout(page: Page) {
  const box = async (locator: ReturnType<Page['getByTestId']>) => {
    const found = await locator.boundingBox();
    if (!found) throw new Error('not on screen');
    return found;
  };
  return {
    map: await box(page.getByTestId('map')),
    list: await box(page.getByRole('complementary', { name: 'Orte', exact: true })),
    overflowX: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
  };
}
