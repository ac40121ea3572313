import { mkdir, readFile } from 'node:fs/promises';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import { DORTMUND_BOUNDS, LOWEST_MIN_ZOOM, USUAL_MAX_BOUNDS, USUAL_MIN_ZOOM } from '../../src/map/bounds';
import { boxesOf } from './support/boxes';
import { offsetFromCentre, pagePoint } from './support/camera';
import { expect, failDataFile, test, type Camera, type MapApp } from './support/driver';
import { CATEGORY_COLOURS, MAP_COLOURS, colourCounts, countColourPixels, topColours } from './support/pixels';

const TZDO = { name: 'TechnologieZentrumDortmund (TZDO)', lat: 51.493115, lon: 7.407548 };
const DORTMUNDER_U_SPOT = { lat: 51.514957, lon: 7.453566 };
const DORTMUND_AIRPORT = { name: 'Dortmund Airport', lat: 51.514994, lon: 7.613093 };
const ALL_PLACES = 51;
/**
 * The area labels' text colour (src/map/layers.ts), and the least of it the twelve district names leave
 * in the first view: measured 570 pixels with the shipped glyphs, 375 with the fallback fonts, and 88
 * with the labels painted another colour (the boundary's anti-aliased edge).
 */
const AREA_LABEL_INK = '#3c4858';
const LABEL_INK_MIN = 250;

/** The colours the thematic layers draw, counted in one screenshot of the map. */
function thematicCounts(png: PNG) {
  const categories = CATEGORY_COLOURS.map((colour) => countColourPixels(png, colour));
  return {
    categoriesDrawn: categories.filter((count) => count >= 50).length,
    categoryPixels: categories.reduce((sum, count) => sum + count, 0),
    ...colourCounts(png, {
      cluster: MAP_COLOURS.cluster,
      boundary: MAP_COLOURS.boundary,
      districtLine: MAP_COLOURS.districtLine,
      background: MAP_COLOURS.background,
    }),
  };
}

/** Polls screenshots until the places are drawn: the first `idle` can come before the data is on the map. */
async function waitForDrawnPlaces(app: MapApp, minCategoryPixels = 300): Promise<ReturnType<typeof thematicCounts>> {
  let counts: ReturnType<typeof thematicCounts> | undefined;
  await expect
    .poll(async () => (counts = thematicCounts(await app.mapScreenshot())).categoryPixels, {
      message: 'category-coloured pixels on the map',
      timeout: 15_000,
    })
    .toBeGreaterThan(minCategoryPixels);
  if (!counts) throw new Error('No screenshot was taken.');
  return counts;
}

function zoomedTo(place: { lat: number; lon: number }, zoom = 17): Camera {
  return { zoom, ...place };
}

/**
 * What keeps the map's camera (from the address) from being the whole-city view: a corner of the city's
 * extent outside the map, a pan button over the city or its outline or under the credits, the city's
 * outline under the credits, the pan buttons in the other layout (`column`: one column under the zoom
 * buttons, where a cross would lie over the city; panLayout.ts).
 */
async function wholeCityProblems(
  app: MapApp,
  page: Page,
  name: string,
  column: boolean,
  toggleSelector = '.density-legend',
): Promise<string[]> {
  const [west, south, east, north] = DORTMUND_BOUNDS;
  const boundary = JSON.parse(await readFile('data/city-boundary.geojson', 'utf8')) as {
    features: [{ geometry: { coordinates: [Array<[number, number]>] } }];
  };
  const ring = boundary.features[0].geometry.coordinates[0];
  const problems: string[] = [];
  // Before the first fit the address can hold MapLibre's default camera (0/0) for a moment. The fitted
  // camera need not lie over the city itself: on a low map the city moves left, out from under the pan
  // buttons, and the camera's centre then lies east of it.
  const aroundDortmund = () => {
    const camera = app.camera();
    const [boundsWest, boundsSouth, boundsEast, boundsNorth] = USUAL_MAX_BOUNDS;
    return (
      camera !== null &&
      camera.lon > boundsWest &&
      camera.lon < boundsEast &&
      camera.lat > boundsSouth &&
      camera.lat < boundsNorth
    );
  };
  await expect.poll(aroundDortmund, { message: `${name}: camera around Dortmund in the address` }).toBe(true);
  const camera = app.camera();
  const box = await app.map.boundingBox();
  if (!camera || !box) throw new Error(`${name}: no camera or no map`);
  // The camera in the address is rounded (zoom to 0.01, degrees to 0.0001): about a pixel.
  const slack = 2;
  for (const [lon, lat] of [
    [west, north],
    [east, north],
    [west, south],
    [east, south],
  ] as const) {
    const { dx, dy } = offsetFromCentre(camera, lon, lat);
    if (Math.abs(dx) > box.width / 2 + slack || Math.abs(dy) > box.height / 2 + slack) {
      problems.push(
        `${name}: corner ${lon}/${lat} at ${Math.round(dx)}/${Math.round(dy)} px from the centre of a ` +
          `${Math.round(box.width)}×${Math.round(box.height)} map (zoom ${camera.zoom})`,
      );
    }
  }
  // The outline's points, and points every ~2 px between them, against each pan button's box.
  const buttons = await boxesOf(page.locator('.pan-controls button'));
  expect(buttons, `${name}: four pan buttons`).toHaveLength(4);
  const lefts = new Set(buttons.map((button) => Math.round(button.left)));
  if (lefts.size !== (column ? 1 : 3))
    problems.push(`${name}: the pan buttons are not ${column ? 'in a column' : 'a cross'}`);
  // A button wholly inside the city has no outline under it: its centre must lie outside the city.
  const drawnRing = ring.map((point) => {
    const { x, y } = pagePoint(point, camera, box);
    return [x, y];
  });
  buttons.forEach((button, which) => {
    const centre = [(button.left + button.right) / 2, (button.top + button.bottom) / 2];
    if (booleanPointInPolygon(centre, { type: 'Polygon', coordinates: [drawnRing] }))
      problems.push(`${name}: pan button ${which} lies over the city (centre ${centre.join(', ')})`);
  });
  // Overlays over the map's corners: the credits (bottom right) and the density toggle (top left).
  const [credits] = await boxesOf(page.locator('.map-attribution'));
  const [toggle] = await boxesOf(page.locator(toggleSelector));
  if (!credits || !toggle) throw new Error(`${name}: no credits or no density toggle`);
  const overlays = { credits, 'density toggle': toggle };
  const underOverlay = new Map<string, { x: number; y: number }>();
  const under = new Set<number>();
  ring.forEach((point, index) => {
    const from = pagePoint(point, camera, box);
    const to = pagePoint(ring[(index + 1) % ring.length] ?? point, camera, box);
    const steps = Math.max(1, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / 2));
    for (let step = 0; step < steps; step += 1) {
      const x = from.x + ((to.x - from.x) * step) / steps;
      const y = from.y + ((to.y - from.y) * step) / steps;
      buttons.forEach((button, which) => {
        // The address's rounded camera is about a pixel off: a point must lie a pixel inside.
        if (x > button.left + 1 && x < button.right - 1 && y > button.top + 1 && y < button.bottom - 1)
          under.add(which);
      });
      for (const [overlay, rect] of Object.entries(overlays)) {
        const inside = x > rect.left + 1 && x < rect.right - 1 && y > rect.top + 1 && y < rect.bottom - 1;
        if (inside && !underOverlay.has(overlay)) underOverlay.set(overlay, { x: Math.round(x), y: Math.round(y) });
      }
    }
  });
  if (under.size > 0) problems.push(`${name}: the city's outline runs under pan button(s) ${[...under].join(', ')}`);
  buttons.forEach((button, which) => {
    const overlapsCredits =
      button.left < credits.right &&
      button.right > credits.left &&
      button.top < credits.bottom &&
      button.bottom > credits.top;
    if (overlapsCredits) problems.push(`${name}: pan button ${which} lies under the credits`);
  });
  for (const [overlay, from] of underOverlay)
    problems.push(`${name}: the city's outline runs under the ${overlay} (from ${JSON.stringify(from)})`);
  return problems;
}

/**
 * Screens the whole-city view is checked on. `column`: the pan buttons stand in one column under the zoom
 * buttons, because a cross would lie over the city (panLayout.ts).
 */
const SCREENS = {
  desktop: { name: 'desktop', width: 1280, height: 800, column: false, query: '' },
  phone: { name: 'phone', width: 390, height: 844, column: false, query: '' },
  // A partner's iframe at the embed dialog's default height: the credits wrap to two lines there.
  iframe: { name: 'iframe, 700×480', width: 700, height: 480, column: false, query: '&mode=embed' },
  // A low window: the city does not fit at the usual lowest zoom above the credits' four lines.
  low: { name: 'low window, 844×390', width: 844, height: 390, column: false, query: '' },
};

test.describe('The map', () => {
  test('draws the city boundary, the districts and the places, and none of them without their data', async ({
    app,
    page,
  }) => {
    await app.openReady('?basemap=offline');
    await expect(app.places).toHaveCount(ALL_PLACES);
    const drawn = await waitForDrawnPlaces(app);
    const context = `drawn: ${JSON.stringify(drawn)}`;
    // Lone places in at least three categories, clusters (navy with a white count), lines of both kinds.
    expect(drawn.categoriesDrawn, context).toBeGreaterThanOrEqual(3);
    expect(drawn.cluster, context).toBeGreaterThan(2_000);
    expect(drawn.boundary, context).toBeGreaterThan(2_000);
    expect(drawn.districtLine, context).toBeGreaterThan(1_000);

    // The negative: the same view, with the places and the districts answering HTTP 500.
    await failDataFile(page, 'hotspots.geojson');
    await failDataFile(page, 'districts.geojson');
    await page.reload();
    await app.waitForMapReady();
    await expect(app.dataAlert).toContainText('hotspots.geojson konnte nicht geladen werden (HTTP 500)');
    await expect(app.dataAlert).toContainText('districts.geojson konnte nicht geladen werden (HTTP 500)');
    await expect(app.places).toHaveCount(0);
    const png = await app.mapScreenshot();
    const bare = thematicCounts(png);
    const bareContext = `without data: ${JSON.stringify(bare)}; top colours: ${topColours(png).join(', ')}`;
    expect(bare.categoryPixels, bareContext).toBeLessThan(10);
    expect(bare.cluster, bareContext).toBeLessThan(10);
    // Only the anti-aliased edge of the boundary comes close to the district-line grey.
    expect(bare.districtLine, bareContext).toBeLessThan(drawn.districtLine / 10);
    // Still the same, working map: the boundary is drawn as before.
    expect(bare.boundary, bareContext).toBeGreaterThan(drawn.boundary * 0.8);
  });

  test('writes the area names with the app’s own glyph files, and with local fonts when those fail', async ({
    app,
    page,
  }) => {
    const glyphResponses: string[] = [];
    page.on('response', (response) => {
      const url = decodeURIComponent(response.url());
      if (url.includes('/glyphs/')) glyphResponses.push(`${response.status()} ${url.slice(url.indexOf('/glyphs/'))}`);
    });
    // Tight: the anti-aliased edge of the darker city boundary passes through this grey too.
    const labelInk = async () => countColourPixels(await app.mapScreenshot(), AREA_LABEL_INK, 2);

    await app.openReady('?basemap=offline');
    // The district names are bold, drawn from the shipped file of the block their letters are in.
    await expect.poll(labelInk, { message: 'label-coloured pixels', timeout: 15_000 }).toBeGreaterThan(LABEL_INK_MIN);
    expect(glyphResponses).toContain('200 /glyphs/Noto Sans Bold/0-255.pbf');

    // The files unreachable: MapLibre draws the same names from the device's fonts instead.
    glyphResponses.length = 0;
    await page.route('**/glyphs/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.reload();
    await app.waitForMapReady();
    await expect.poll(labelInk, { message: 'label-coloured pixels', timeout: 15_000 }).toBeGreaterThan(LABEL_INK_MIN);
    expect(glyphResponses).toContain('404 /glyphs/Noto Sans Bold/0-255.pbf');
  });

  test('without internet, falls back from the configured street map to its embedded map and says so', async ({
    app,
  }) => {
    // No ?basemap=offline: public/config.json points at an online street map, which is unreachable.
    await app.openReady('');
    expect(app.blockedRequests.some((url) => new URL(url).hostname === 'tiles.openfreemap.org')).toBe(true);
    await expect(app.basemapFallbackNote).toBeVisible();
    await expect(app.basemapFallbackNote).toHaveText(/vereinfachte Karte/);
    const drawn = await waitForDrawnPlaces(app);
    expect(drawn.cluster, JSON.stringify(drawn)).toBeGreaterThan(2_000);
    // The embedded style's background fills the land inside the city.
    expect(drawn.background, JSON.stringify(drawn)).toBeGreaterThan(50_000);
    await expect(app.map).toHaveAttribute('aria-busy', 'false');
  });

  test('opens the details of a place clicked on the map; a click beside it chooses the area instead', async ({
    app,
    page,
  }) => {
    await app.openReady('?basemap=offline', zoomedTo(TZDO));
    await expect
      .poll(async () => countColourPixels(await app.mapScreenshot(), MAP_COLOURS.business), {
        message: 'the TZDO dot in the middle of the map',
      })
      .toBeGreaterThan(100);

    const box = await app.map.boundingBox();
    if (!box) throw new Error('The map has no box on screen.');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + 120);
    await expect(page.getByRole('heading', { level: 2, name: 'Eichlinghofen' })).toBeVisible();
    await expect.poll(() => app.searchParam('neighbourhood')).toBe('eichlinghofen');
    await expect(app.details).toHaveCount(0);

    await app.openReady('?basemap=offline', zoomedTo(TZDO));
    await app.clickMapCentre();
    await expect(app.detailsHeading).toHaveText(TZDO.name);
    await expect.poll(() => app.searchParam('hotspot')).toBe('tzdo');
  });

  test('offers both places at the Dortmunder U when their shared spot is clicked', async ({ app }) => {
    await app.openReady('?basemap=offline', zoomedTo(DORTMUNDER_U_SPOT));
    await expect
      .poll(async () => countColourPixels(await app.mapScreenshot(), MAP_COLOURS.culture), {
        message: 'the culture dot at the Dortmunder U',
      })
      .toBeGreaterThan(100);

    for (const name of ['Dortmunder U', 'storyLab kiU']) {
      await app.clickMapCentre();
      const chooser = app.spotChooser(2);
      await expect(chooser).toBeVisible();
      await expect(chooser.getByRole('button', { name: /^(Dortmunder U|storyLab kiU)/ })).toHaveCount(2);
      await chooser.getByRole('button', { name }).click();
      await expect(app.detailsHeading).toHaveText(name);
      await expect(chooser).toHaveCount(0);
      await app.closeDetailsButton.click();
      await expect(app.details).toHaveCount(0);
    }
  });

  test('with few places passing (drawn by the second source), a clicked place opens and a shared spot offers both', async ({
    app,
  }) => {
    // 11 of 51 places are culture: at most half, so the map draws them from its narrow source's layers.
    await app.openReady('?basemap=offline&category=culture', zoomedTo(DORTMUNDER_U_SPOT));
    await expect(app.places).toHaveCount(11);
    await expect
      .poll(async () => countColourPixels(await app.mapScreenshot(), MAP_COLOURS.culture), {
        message: 'the culture dot at the Dortmunder U',
      })
      .toBeGreaterThan(100);
    // The two places there are a cluster of that source: its leaves come from the same source.
    await app.clickMapCentre();
    const chooser = app.spotChooser(2);
    await expect(chooser).toBeVisible();
    await chooser.getByRole('button', { name: 'storyLab kiU' }).click();
    await expect(app.detailsHeading).toHaveText('storyLab kiU');

    await app.openReady('?basemap=offline&category=business', zoomedTo(TZDO));
    await expect
      .poll(async () => countColourPixels(await app.mapScreenshot(), MAP_COLOURS.business), {
        message: 'the TZDO dot in the middle of the map',
      })
      .toBeGreaterThan(100);
    await app.clickMapCentre();
    await expect(app.detailsHeading).toHaveText(TZDO.name);
  });

  test('opens a place chosen in the list; Escape closes it and focus goes back to the list', async ({ app, page }) => {
    await app.open('?basemap=offline');
    await expect(app.places).toHaveCount(ALL_PLACES);
    await app.openHotspotFromList(TZDO.name);
    await expect(app.detailsHeading).toBeFocused();
    await expect(app.placeButton(TZDO.name)).toHaveAttribute('aria-current', 'true');

    await page.keyboard.press('Escape');
    await expect(app.details).toHaveCount(0);
    await expect(app.placeButton(TZDO.name)).toBeFocused();
    await expect.poll(() => app.searchParam('hotspot')).toBeNull();
  });

  // A camera in the address (a shared link, or any reloaded page) must only keep the view of a place
  // that came with it, not stop the resident's own first choice from being shown.
  for (const start of [
    { title: 'on a fresh load', camera: undefined },
    { title: 'when the address has a camera but no place', camera: { zoom: 11, lat: 51.51, lon: 7.47 } },
  ]) {
    test(`brings a place chosen in the list into view ${start.title}`, async ({ app }) => {
      await app.openReady('?basemap=offline', start.camera);
      await expect(app.places).toHaveCount(ALL_PLACES);
      await app.openHotspotFromList(DORTMUND_AIRPORT.name);
      await expect
        .poll(() => app.camera()?.zoom ?? 0, { message: 'zoom after choosing the airport', timeout: 5_000 })
        .toBeGreaterThanOrEqual(15);
      const camera = app.camera();
      expect(camera?.lat).toBeCloseTo(DORTMUND_AIRPORT.lat, 3);
      expect(camera?.lon).toBeCloseTo(DORTMUND_AIRPORT.lon, 3);
    });
  }

  test('keeps only its latest idle mark in the performance timeline, however often the map goes idle', async ({
    app,
    page,
  }) => {
    // A kiosk goes idle thousands of times a day, and the timeline has no limit of its own.
    await page.addInitScript(() => {
      const seen = { idles: 0 };
      Object.assign(window, { __seen: seen });
      new PerformanceObserver((list) => {
        seen.idles += list.getEntries().filter((entry) => entry.name === 'map-idle').length;
      }).observe({ type: 'mark' });
    });
    await app.openReady('?basemap=offline');
    await app.openHotspotFromList(DORTMUND_AIRPORT.name);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __seen: { idles: number } }).__seen.idles))
      .toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => performance.getEntriesByName('map-idle').length)).toBe(1);
  });

  test('shows the whole city at first, on screens of every shape, clear of the pan buttons, credits and toggle', async ({
    app,
    page,
  }) => {
    test.setTimeout(120_000);
    const problems: string[] = [];
    // A column on the landscape tablet and the 1024×768 kiosk: the width decides the zoom there.
    for (const size of [
      SCREENS.desktop,
      SCREENS.phone,
      { name: 'tablet, portrait', width: 768, height: 1024, column: false, query: '' },
      { name: 'tablet, landscape', width: 1024, height: 768, column: true, query: '' },
      { name: 'kiosk, 1024×768', width: 1024, height: 768, column: true, query: '&mode=kiosk' },
      { name: 'portrait monitor', width: 1080, height: 1920, column: false, query: '' },
      { name: 'full HD monitor', width: 1920, height: 1080, column: false, query: '' },
      SCREENS.iframe,
      { name: 'iframe, 1280×480', width: 1280, height: 480, column: false, query: '&mode=embed' },
      SCREENS.low,
    ]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await app.openReady(`?basemap=offline${size.query}`);
      problems.push(...(await wholeCityProblems(app, page, size.name, size.column)));
    }
    expect(problems, 'the first view cuts the city off or puts part of it under a control').toEqual([]);
  });

  test('a low, wide window (a phone on its side) keeps the sidebar, under a header of one line', async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 844, height: 390 });
    for (const language of ['de', 'en']) {
      await app.openReady(`?basemap=offline&lang=${language}`);
      const header = page.locator('.app-header');
      const buttons = await boxesOf(header.getByRole('button'));
      // Embed, about, language: side by side, each whole in the window.
      expect(buttons, language).toHaveLength(3);
      expect(
        new Set(buttons.map((button) => Math.round(button.top))).size,
        `${language}: ${JSON.stringify(buttons)}`,
      ).toBe(1);
      for (const button of buttons) {
        expect(button.left, `${language}: ${button.text}`).toBeGreaterThanOrEqual(0);
        expect(button.right, `${language}: ${button.text}`).toBeLessThanOrEqual(844);
      }
      expect((await header.boundingBox())?.height, language).toBeLessThanOrEqual(64);
      await expect(page.locator('.app-header__subtitle')).toBeHidden();
      // The list beside the map, not a sheet over it.
      const sidebar = await page.locator('.sidebar').boundingBox();
      const map = await app.map.boundingBox();
      expect(map && sidebar && map.x >= sidebar.x + sidebar.width - 1, language).toBe(true);
      expect(map?.height, language).toBeGreaterThanOrEqual(390 - 64);
    }
  });

  test('refits the untouched whole-city view when the density legend opens or closes, or the language changes', async ({
    app,
    page,
  }) => {
    test.setTimeout(120_000);
    /** A refit starts in a task after the change that asked for it: two frames on, and the map idle again. */
    const settled = async () => {
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await expect(app.map).toHaveAttribute('aria-busy', 'false');
    };
    // On the desktop and in the iframe the open legend reached over the city's outline in the first view's
    // camera (the toggle alone is clear of it there): the city is fitted clear of it. In the low window that
    // would take the city to under four fifths of its size; the legend lies over its north-west there, and
    // the city keeps clear of the toggle's own row.
    for (const size of [
      { ...SCREENS.desktop, legendOver: false },
      { ...SCREENS.low, legendOver: true },
      { ...SCREENS.iframe, legendOver: false },
      { ...SCREENS.phone, legendOver: false },
    ]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await app.openReady(`?basemap=offline${size.query}`);
      const first = JSON.stringify(app.camera());
      const firstZoom = app.camera()?.zoom ?? NaN;
      const clearOf = size.legendOver ? '.density-legend .checkbox-row' : '.density-legend';
      const toggle = page.getByRole('checkbox', { name: 'Orte je km² zeigen' });
      await toggle.check();
      await expect(page.locator('.density-legend__scale')).toBeVisible();
      // On a low map its caption is not shown, and still names the legend (aria-labelledby).
      await expect(page.getByRole('figure', { name: 'Orte je km² (nach aktuellen Filtern)' })).toBeVisible();
      await settled();
      await expect
        .poll(() => wholeCityProblems(app, page, `${size.name}, legend open`, size.column, clearOf), {
          timeout: 10_000,
        })
        .toEqual([]);
      if (size.legendOver) expect(app.camera()?.zoom, `${size.name}: no smaller`).toBeGreaterThanOrEqual(firstZoom);
      // The English toggle is wider; closed again, the city goes back to where it was.
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await settled();
      await expect
        .poll(() => wholeCityProblems(app, page, `${size.name}, in English`, size.column, clearOf), {
          timeout: 10_000,
        })
        .toEqual([]);
      await page.getByRole('checkbox', { name: 'Show places per km²' }).uncheck();
      await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
      await expect
        .poll(() => JSON.stringify(app.camera()), { message: `${size.name}: back to the first view` })
        .toBe(first);
    }

    // A camera the user has moved stays where it is when the legend opens.
    const home = app.camera();
    await page.getByRole('button', { name: 'Nach Osten verschieben', exact: true }).click();
    await expect.poll(() => JSON.stringify(app.camera())).not.toBe(JSON.stringify(home));
    await expect(app.map).toHaveAttribute('aria-busy', 'false');
    const moved = app.camera();
    await page.getByRole('checkbox', { name: 'Orte je km² zeigen' }).check();
    await expect(page.locator('.density-legend__scale')).toBeVisible();
    await settled();
    expect(app.camera(), 'the moved camera after opening the legend').toEqual(moved);
  });

  test('keeps the whole city in view when the screen turns or the window is resized, until the map is moved', async ({
    app,
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.openReady('?basemap=offline');
    const problems = await wholeCityProblems(app, page, 'desktop', false);
    // A window made narrower, a tablet turned to landscape and back to portrait, a phone: each refits.
    for (const size of [
      { name: 'window narrowed to 1024×768', width: 1024, height: 768, column: true },
      { name: 'tablet turned to portrait', width: 768, height: 1024, column: false },
      { name: 'tablet turned to landscape', width: 1024, height: 768, column: true },
      { name: 'window widened to 1280×800', width: 1280, height: 800, column: false },
      { name: 'phone', width: 390, height: 844, column: false },
    ]) {
      const before = app.camera();
      await page.setViewportSize({ width: size.width, height: size.height });
      await expect
        .poll(() => JSON.stringify(app.camera()), { message: `${size.name}: the camera refits` })
        .not.toBe(JSON.stringify(before));
      problems.push(...(await wholeCityProblems(app, page, size.name, size.column)));
    }
    expect(problems, 'after a resize the city is cut off or lies under the pan buttons').toEqual([]);

    // Once the map has been moved, a resize keeps the camera where the user put it. The refit's camera must
    // reach the address first: taken before it, "home" was the phone's view, and the refit landing after the
    // click passed for the moved camera.
    const phoneHome = JSON.stringify(app.camera());
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => page.locator('.pan-controls--column').count()).toBe(1);
    await expect
      .poll(() => JSON.stringify(app.camera()), { message: 'the refit reaches the address' })
      .not.toBe(phoneHome);
    await expect(app.map).toHaveAttribute('aria-busy', 'false');
    const home = app.camera();
    await page.getByRole('button', { name: 'Nach Osten verschieben', exact: true }).click();
    await expect.poll(() => JSON.stringify(app.camera())).not.toBe(JSON.stringify(home));
    await expect(app.map).toHaveAttribute('aria-busy', 'false');
    const moved = app.camera();
    const canvas = page.locator('.maplibregl-canvas');
    const canvasWidth = () => canvas.evaluate((element) => element.getBoundingClientRect().width);
    const narrowWidth = await canvasWidth();
    await page.setViewportSize({ width: 1280, height: 800 });
    // The resize has reached the map when its canvas is wider.
    await expect.poll(canvasWidth).toBeGreaterThan(narrowWidth);
    await expect(app.map).toHaveAttribute('aria-busy', 'false');
    expect(app.camera(), 'the moved camera after widening the window').toEqual(moved);

    // A shared link's camera is what its sender saw: it is not the whole-city view, and a resize keeps it.
    const shared = { zoom: 13, lat: 51.5136, lon: 7.4653 };
    await app.openReady('?basemap=offline', shared);
    expect(app.camera()).toEqual(shared);
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(canvasWidth).toBe(narrowWidth);
    await expect(app.map).toHaveAttribute('aria-busy', 'false');
    expect(app.camera(), 'the shared camera after narrowing the window').toEqual(shared);
  });

  test('on a map too small for the city at zoom 9, zooming out reaches the whole city, also after a resize', async ({
    app,
    page,
  }) => {
    // A shared link's camera: the page never makes a whole-city fit, so only the limits can let the
    // zoom-out button go below 9.
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.openReady('?basemap=offline', { zoom: 12, lat: 51.5136, lon: 7.4653 });
    await page.setViewportSize({ width: 844, height: 390 });
    const zoomOut = page.getByRole('button', { name: 'Herauszoomen', exact: true });
    for (let press = 0; press < 6 && (await zoomOut.isEnabled()); press += 1) {
      await zoomOut.click();
      await expect(app.map).toHaveAttribute('aria-busy', 'false');
    }
    await expect(zoomOut).toBeDisabled();
    const camera = app.camera();
    if (!camera) throw new Error('No camera in the address.');
    // The whole-city view of this size needs about 8.8 (the credits wrap to four lines under it): below
    // the usual lowest zoom.
    expect(camera.zoom).toBeLessThan(USUAL_MIN_ZOOM);
    expect(camera.zoom).toBeGreaterThanOrEqual(LOWEST_MIN_ZOOM);
    // Back on a large screen the usual lowest zoom holds again.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => app.camera()?.zoom ?? 0).toBeGreaterThanOrEqual(9);
  });

  test('fits a desktop and a phone screen (screenshots in test-results/screenshots)', async ({ app, page }) => {
    await mkdir('test-results/screenshots', { recursive: true });
    for (const size of [
      { name: 'desktop', width: 1280, height: 800 },
      { name: 'phone', width: 390, height: 844 },
    ]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await app.openReady('');
      await expect(app.places).toHaveCount(ALL_PLACES);
      // The map gets real room, and nothing pushes the page sideways.
      const mapBox = await app.map.boundingBox();
      expect(mapBox?.height ?? 0, `${size.name}: map height`).toBeGreaterThan(size.height / 3);
      expect(mapBox?.width ?? 0, `${size.name}: map width`).toBeGreaterThan(size.width / 2);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth, `${size.name}: page width`).toBeLessThanOrEqual(size.width);
      // At the phone's overview most places are in clusters: one lone dot is what there is to see.
      const drawn = await waitForDrawnPlaces(app, 50);
      expect(drawn.cluster, `${size.name}: ${JSON.stringify(drawn)}`).toBeGreaterThan(1_000);
      await page.screenshot({ path: `test-results/screenshots/${size.name}.png` });
    }
  });
});
