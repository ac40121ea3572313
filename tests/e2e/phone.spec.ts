import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DORTMUND_BOUNDS, LOWEST_MIN_ZOOM } from '../../src/map/bounds';
import { pagePoint } from './support/camera';
import { expect, test, type Camera, type MapApp } from './support/driver';
import { MAP_COLOURS, colourPixelColumns, countColourPixels, decodePng } from './support/pixels';

/*
 * A phone, 390×844 CSS px: the map fills the screen and the places come up in a bottom sheet.
 */

const PHONE = { width: 390, height: 844 };
const OFFLINE = '?basemap=offline';
const SCREENSHOTS = 'test-results/screenshots';
/** The app's own touch-target size (WCAG 2.5.5; 2.5.8 asks for 24). */
const TOUCH = 44;

test.use({ viewport: PHONE });

const DISTRICTS = JSON.parse(
  readFileSync(new URL('../../data/districts.geojson', import.meta.url), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon, { slug: string; name: string }>;

/** The page box (top, bottom, left, right) of a district's outline under the camera the address names. */
function districtOnPage(name: string, camera: Camera, mapBox: { x: number; y: number; width: number; height: number }) {
  const feature = DISTRICTS.features.find((candidate) => candidate.properties.name === name);
  if (!feature) throw new Error(`data/districts.geojson has no district "${name}".`);
  const rings = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const points = rings.flat(2).map((position) => pagePoint(position, camera, mapBox));
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  return { top: Math.min(...ys), bottom: Math.max(...ys), left: Math.min(...xs), right: Math.max(...xs) };
}

/** The camera once the address stops changing (the move has ended). */
async function cameraAtRest(app: MapApp): Promise<Camera> {
  let last = '';
  await expect
    .poll(
      () => {
        const now = JSON.stringify(app.camera());
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [400], timeout: 15_000 },
    )
    .toBe(true);
  const camera = app.camera();
  if (!camera) throw new Error('No camera in the address.');
  return camera;
}

/** The districts whose outline reaches above the map's top or below `bottom` (page y) under `camera`. */
function districtsOutside(
  camera: Camera,
  mapBox: { x: number; y: number; width: number; height: number },
  bottom: number,
) {
  return DISTRICTS.features
    .map((feature) => feature.properties.name)
    .filter((name) => {
      const box = districtOnPage(name, camera, mapBox);
      return box.top < mapBox.y || box.bottom > bottom;
    });
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
}

async function sheetHeight(app: MapApp): Promise<number> {
  return (await app.sheet.boundingBox())?.height ?? 0;
}

interface Target {
  what: string;
  where: string;
  width: number;
  height: number;
}

/**
 * Every visible control in the header, the sheet and on the map, with its size on screen. A checkbox is
 * measured by its label, which is what a finger hits.
 */
async function touchTargets(page: Page): Promise<Target[]> {
  return page.evaluate(() => {
    const areas: [string, Element | null][] = [
      ['header', document.querySelector('header')],
      ['sheet', document.querySelector('aside')],
      ['map', document.querySelector('[data-testid="map"]')],
    ];
    const targets: Target[] = [];
    for (const [where, area] of areas) {
      if (!area) continue;
      const controls = Array.from(area.querySelectorAll<HTMLElement>('button, a[href], select, input, summary'));
      for (const control of controls) {
        const isCheck =
          control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
        const measured = isCheck ? (control.closest('label') ?? control) : control;
        const style = getComputedStyle(measured);
        const box = measured.getBoundingClientRect();
        // Not rendered (display: none, inside a closed <details>, hidden): nothing to hit.
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || measured.closest('[hidden]'))
          continue;
        const name =
          control.getAttribute('aria-label') ??
          (isCheck ? measured.textContent : null) ??
          control.textContent ??
          control.getAttribute('title') ??
          '';
        targets.push({
          what: `${measured.tagName.toLowerCase()}${isCheck ? ' with checkbox' : ''} "${name.trim().replace(/\s+/g, ' ').slice(0, 50)}"`,
          where,
          width: Math.round(box.width * 10) / 10,
          height: Math.round(box.height * 10) / 10,
        });
      }
    }
    return targets;
  });
}

test.describe('On a phone', () => {
  test('the map fills the screen under a bottom sheet that expands and collapses, without sideways scrolling', async ({
    app,
    page,
  }) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);

    const mapBox = await app.map.boundingBox();
    const sheetBox = await app.sheet.boundingBox();
    if (!mapBox || !sheetBox) throw new Error('No map or sheet on screen.');
    expect(mapBox.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    // The sheet sits on the bottom edge, and leaves most of the map to see.
    expect(Math.round(sheetBox.y + sheetBox.height)).toBe(PHONE.height);
    expect(sheetBox.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(sheetBox.y - mapBox.y, 'map visible above the sheet').toBeGreaterThan(PHONE.height / 2);
    expect(await pageWidth(page), 'page width at peek').toBeLessThanOrEqual(PHONE.width);
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'false');
    await expect(app.sheetHandle).toHaveAccessibleName('Liste vergrößern');
    await page.screenshot({ path: `${SCREENSHOTS}/phone-peek.png` });

    const peek = await sheetHeight(app);
    await app.sheetHandle.click();
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(() => sheetHeight(app)).toBeGreaterThan(peek + 150);
    const half = await sheetHeight(app);
    // The filters come first in the sheet; the list is a scroll away.
    await app.places.first().scrollIntoViewIfNeeded();
    await expect(app.places.first()).toBeInViewport();
    await expect(app.sheetHandle).toBeInViewport();
    expect(await pageWidth(page), 'page width at half').toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-half.png` });

    await app.sheetHandle.click();
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'true');
    await expect(app.sheetHandle).toHaveAccessibleName('Liste verkleinern');
    await expect.poll(() => sheetHeight(app)).toBeGreaterThan(half + 100);
    expect(await pageWidth(page), 'page width at full').toBeLessThanOrEqual(PHONE.width);

    await app.sheetHandle.click();
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'false');
    await expect.poll(() => sheetHeight(app)).toBeCloseTo(peek, 0);
  });

  test('a place opened from the list shows its details in the sheet', async ({ app, page }) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'false');

    // From the peeking sheet: the list scrolls inside it, and opening a place pulls the sheet up.
    await app.openHotspotFromList('Phoenix-See');
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'true');
    await expect(app.detailsHeading).toBeFocused();
    await expect(app.detailsHeading).toBeInViewport();
    await expect(app.closeDetailsButton).toBeInViewport();
    await expect(app.details.getByText('Phoenix-See, 44263 Dortmund-Hörde')).toBeVisible();
    expect(await pageWidth(page), 'page width with details').toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-details.png` });

    await app.closeDetailsButton.click();
    await expect(app.details).toHaveCount(0);
  });

  test('the place opened on a phone is drawn above the sheet, not under it', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    // Phoenix-See is a lone "urban" dot: nothing else in that colour is near it at street zoom.
    await app.openHotspotFromList('Phoenix-See');
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'true');

    /** Pixels of the place's colour in the part of the map the sheet leaves uncovered. */
    const visibleDot = async () => {
      const mapBox = await app.map.boundingBox();
      const sheetBox = await app.sheet.boundingBox();
      if (!mapBox || !sheetBox) throw new Error('No map or sheet on screen.');
      const clip = { x: mapBox.x, y: mapBox.y, width: mapBox.width, height: sheetBox.y - mapBox.y };
      return countColourPixels(decodePng(await page.screenshot({ clip, animations: 'disabled' })), MAP_COLOURS.urban);
    };
    let withSheet = 0;
    await expect
      .poll(async () => (withSheet = await visibleDot()), { message: 'the place, drawn at all' })
      .toBeGreaterThan(0);
    await page.waitForTimeout(500);
    withSheet = await visibleDot();

    // The whole dot, for comparison: the sheet pulled down to peek (the camera does not move).
    await app.sheetHandle.click();
    await app.sheetHandle.click();
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'false');
    const whole = await visibleDot();
    expect(whole, 'the dot with the sheet down').toBeGreaterThan(100);
    expect(withSheet, `dot pixels visible above the half-open sheet, of ${whole} in all`).toBeGreaterThan(whole * 0.9);
  });

  test('a district chosen in the half-open sheet is fitted above the sheet and its credits, and so is "show all"', async ({
    app,
    page,
  }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    await app.sheetHandle.click();
    await expect(app.sheet).toHaveClass(/sidebar--half/);
    const mapBox = await app.map.boundingBox();
    const sheetBox = await app.sheet.boundingBox();
    if (!mapBox || !sheetBox) throw new Error('No map or sheet on screen.');
    // The credits ride on the sheet's top edge (four lines on a phone): the fits keep clear of them too.
    await expect.poll(async () => (await page.locator('.map-attribution').boundingBox())?.y ?? 0).toBeGreaterThan(0);
    const creditsBox = await page.locator('.map-attribution').boundingBox();
    if (!creditsBox) throw new Error('No credits on screen.');
    const clearTop = creditsBox.y;
    expect(clearTop, 'the credits above the sheet').toBeLessThan(sheetBox.y);

    const settledCamera = () => cameraAtRest(app);

    const before = await settledCamera();
    // Hörde is taller than wide: fitted to the whole map, its southern half lay under the sheet.
    await app.chooseDistrict('Hörde');
    await expect.poll(async () => JSON.stringify(app.camera())).not.toBe(JSON.stringify(before));
    const hoerde = districtOnPage('Hörde', await settledCamera(), mapBox);
    expect(
      hoerde.bottom,
      `Hörde's southern edge at y=${Math.round(hoerde.bottom)}, the credits from ${clearTop}`,
    ).toBeLessThanOrEqual(clearTop);
    expect(hoerde.top).toBeGreaterThanOrEqual(mapBox.y);
    expect(hoerde.left).toBeGreaterThanOrEqual(mapBox.x);
    expect(hoerde.right).toBeLessThanOrEqual(mapBox.x + mapBox.width);
    // Not shrunk to nothing: it fills most of the height above the sheet.
    expect(hoerde.bottom - hoerde.top).toBeGreaterThan((clearTop - mapBox.y) * 0.6);

    const inHoerde = await settledCamera();
    await app.showAllButton.click();
    await expect.poll(async () => JSON.stringify(app.camera())).not.toBe(JSON.stringify(inHoerde));
    const home = await settledCamera();
    for (const district of DISTRICTS.features.map((feature) => feature.properties.name)) {
      const box = districtOnPage(district, home, mapBox);
      expect(box.bottom, `${district} above the credits on the sheet`).toBeLessThanOrEqual(clearTop);
      expect(box.top, `${district} below the map's top`).toBeGreaterThanOrEqual(mapBox.y);
    }
  });

  test('the untouched whole-city view follows the sheet up and down; a moved map stays put', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    const mapBox = await app.map.boundingBox();
    if (!mapBox) throw new Error('No map on screen.');
    /** Where the map is free: down to the credits on the sheet's edge. */
    const freeBottom = async () => (await page.locator('.map-attribution').boundingBox())?.y ?? 0;
    const first = await cameraAtRest(app);
    expect(districtsOutside(first, mapBox, await freeBottom()), 'first view').toEqual([]);

    await app.sheetHandle.click();
    await expect(app.sheet).toHaveClass(/sidebar--half/);
    await expect
      .poll(() => JSON.stringify(app.camera()), { message: 'refitted above the half sheet' })
      .not.toBe(JSON.stringify(first));
    const half = await cameraAtRest(app);
    expect(districtsOutside(half, mapBox, await freeBottom()), 'above the half-open sheet').toEqual([]);

    // Up to full (the map is hidden) and down to peek again: the first view's camera.
    await app.sheetHandle.click();
    await expect(app.sheet).toHaveClass(/sidebar--full/);
    await app.sheetHandle.click();
    await expect(app.sheet).toHaveClass(/sidebar--peek/);
    await expect
      .poll(() => JSON.stringify(app.camera()), { message: 'back to the first view' })
      .toBe(JSON.stringify(first));

    // Moved by the user, the map stays where it is when the sheet comes up.
    await app.panButton('north').click();
    const moved = await cameraAtRest(app);
    expect(moved).not.toEqual(first);
    await app.sheetHandle.click();
    await expect(app.sheet).toHaveClass(/sidebar--half/);
    await expect(app.map).toHaveAttribute('aria-busy', 'false');
    expect(await cameraAtRest(app), 'the moved camera with the sheet half open').toEqual(moved);
  });

  test('a place opened on a phone is centred clear of the pan buttons, not under them', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    // On the city's eastern edge, a lone "business" dot.
    await app.openHotspotFromList('Dortmund Airport');
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'true');
    const pan = await app.panButton('west').boundingBox();
    const mapBox = await app.map.boundingBox();
    const sheetBox = await app.sheet.boundingBox();
    if (!pan || !mapBox || !sheetBox) throw new Error('No pan buttons, map or sheet on screen.');

    /** The columns (page x) of the place's colour in the part of the map above the sheet. */
    const dotColumns = async (): Promise<number[]> => {
      const clip = { x: mapBox.x, y: mapBox.y, width: mapBox.width, height: sheetBox.y - mapBox.y };
      const png = decodePng(await page.screenshot({ clip, animations: 'disabled' }));
      return colourPixelColumns(png, MAP_COLOURS.business).map((column) => mapBox.x + column);
    };
    let columns: number[] = [];
    await expect
      .poll(async () => (columns = await dotColumns()).length, { message: 'the place, drawn above the sheet' })
      .toBeGreaterThan(50);
    await page.waitForTimeout(500);
    columns = await dotColumns();
    // Its name is drawn to its right, so the dot itself clearing the buttons is not enough: it sits in
    // the middle of the width the buttons leave free (centred in the whole width, ◀ lay on the name).
    const centre = columns.reduce((sum, column) => sum + column, 0) / columns.length;
    const freeMiddle = (mapBox.x + pan.x) / 2;
    expect(
      Math.abs(centre - freeMiddle),
      `the place at x=${centre}, the free width's middle at ${freeMiddle}`,
    ).toBeLessThan(6);
  });

  test('the credits and the scale bar stay in sight above the sheet', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    const credits = page.locator('.map-attribution');
    const scale = page.locator('.maplibregl-ctrl-scale');
    await expect(scale).toBeVisible();

    /** Which of the two is hidden: its box ends below the sheet's top, or another element is on top of it. */
    const covered = async () => {
      const sheetTop = (await app.sheet.boundingBox())?.y;
      if (sheetTop === undefined) throw new Error('No sheet on screen.');
      const found: string[] = [];
      for (const [name, locator] of [
        ['credits', credits],
        ['scale bar', scale],
      ] as const) {
        const box = await locator.boundingBox();
        if (!box) {
          found.push(`${name}: not on screen`);
          continue;
        }
        if (box.y + box.height > sheetTop + 0.5)
          found.push(`${name}: ends at ${box.y + box.height}, sheet at ${sheetTop}`);
        const onTop = await locator.evaluate((element) => {
          const rect = element.getBoundingClientRect();
          const hit = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
          return hit !== null && element.contains(hit);
        });
        if (!onTop) found.push(`${name}: something else is drawn over its middle`);
      }
      return found;
    };

    expect(await covered(), 'sheet peeking').toEqual([]);
    await app.sheetHandle.click();
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(covered, { message: 'sheet half open' }).toEqual([]);
    await expect(credits).toContainText('OpenStreetMap');
  });

  test(`every control in the sheet and on the map is at least ${TOUCH}×${TOUCH} px`, async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    // Everything the sheet can show: full height, both disclosures open, a place's details, a search.
    await app.sheetHandle.click();
    await app.sheetHandle.click();
    await expect(app.sheetHandle).toHaveAccessibleName('Liste verkleinern');
    await app.openMoreFilters();
    await app.openTagFilters();
    await app.search('Dortmund');
    await app.openHotspotFromList('TechnologieZentrumDortmund (TZDO)');

    const inFullSheet = await touchTargets(page);
    // The full sheet hides the map it covers (its controls leave the Tab order), so the map's controls
    // are measured with the sheet folded down again.
    expect(inFullSheet.filter((target) => target.where === 'map')).toEqual([]);
    await app.sheetHandle.click();
    await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'false');
    const targets = [...inFullSheet, ...(await touchTargets(page)).filter((target) => target.where === 'map')];
    expect(targets.filter((target) => target.where === 'sheet').length, 'controls found in the sheet').toBeGreaterThan(
      40,
    );
    expect(
      targets.filter((target) => target.where === 'map').length,
      'controls found on the map',
    ).toBeGreaterThanOrEqual(6);
    const small = targets.filter((target) => target.width < TOUCH - 0.5 || target.height < TOUCH - 0.5);
    expect(
      small.map((target) => `${target.where}: ${target.what} is ${target.width}×${target.height}`),
      `controls smaller than ${TOUCH}×${TOUCH} CSS px`,
    ).toEqual([]);
  });
});

/**
 * Tabs once round the page and returns every stop that is entirely hidden: no point of it that lies in
 * the viewport shows the element itself on top (WCAG 2.4.11, focus not obscured).
 */
async function hiddenTabStops(page: Page): Promise<{ stops: number; hidden: string[] }> {
  await page.evaluate(() => {
    (window as unknown as { tabStopsSeen: WeakSet<Element> }).tabStopsSeen = new WeakSet();
  });
  let stops = 0;
  const hidden: string[] = [];
  for (let press = 0; press < 250; press += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const seen = (window as unknown as { tabStopsSeen: WeakSet<Element> }).tabStopsSeen;
      const element = document.activeElement as HTMLElement | null;
      // Once round: the focus leaves the page or comes back to a stop it has been to.
      if (!element || element === document.body || seen.has(element)) return null;
      seen.add(element);
      const label = element.getAttribute('aria-label') ?? element.closest('label')?.textContent ?? element.textContent;
      const box = element.getBoundingClientRect();
      const left = Math.max(box.left, 0);
      const right = Math.min(box.right, innerWidth);
      const top = Math.max(box.top, 0);
      const bottom = Math.min(box.bottom, innerHeight);
      let shown = false;
      for (let i = 0; i < 5 && !shown; i += 1) {
        for (let j = 0; j < 5 && !shown; j += 1) {
          const x = left + ((right - left) * (i + 0.5)) / 5;
          const y = top + ((bottom - top) * (j + 0.5)) / 5;
          const hit = right > left && bottom > top ? document.elementFromPoint(x, y) : null;
          shown = hit !== null && (hit === element || element.contains(hit));
        }
      }
      return { what: `${element.tagName.toLowerCase()} "${(label ?? '').trim().slice(0, 40)}"`, shown };
    });
    if (!stop) break;
    stops += 1;
    if (!stop.shown) hidden.push(stop.what);
  }
  return { stops, hidden };
}

test.describe('A phone on its side, or a desktop at 200 % zoom (640×400)', () => {
  test.use({ viewport: { width: 640, height: 400 } });

  test('no Tab stop is hidden under the sheet, folded or half open', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    for (const state of ['folded', 'half open']) {
      const { stops, hidden } = await hiddenTabStops(page);
      expect(stops, `Tab stops with the sheet ${state}`).toBeGreaterThan(60);
      expect(hidden, `Tab stops hidden with the sheet ${state}`).toEqual([]);
      if (state === 'folded') {
        await app.sheetHandle.click();
        await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'true');
      }
    }
  });

  test('the whole-city view puts the middle of the city in the middle of the map left free', async ({ app, page }) => {
    // The map left above the folded sheet and its credits is smaller than the city at the lowest zoom.
    await app.openReady(OFFLINE);
    const mapBox = await app.map.boundingBox();
    if (!mapBox) throw new Error('No map on screen.');
    const tops = await page
      .locator('.sidebar, .map-attribution, .maplibregl-ctrl-scale')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().top));
    const freeBottom = Math.min(...tops);
    const camera = app.camera();
    if (!camera) throw new Error('No camera in the address.');
    expect(camera.zoom, 'the lowest zoom: the city does not fit').toBe(LOWEST_MIN_ZOOM);
    const [west, south, east, north] = DORTMUND_BOUNDS;
    // Web Mercator is linear in y: the middle of the drawn north and south edges is the city's middle.
    const middle = (pagePoint([west, north], camera, mapBox).y + pagePoint([east, south], camera, mapBox).y) / 2;
    expect(
      Math.abs(middle - (mapBox.y + freeBottom) / 2),
      `the city's middle at y=${Math.round(middle)}, the free map from ${mapBox.y} to ${freeBottom}`,
    ).toBeLessThan(3);
  });

  test('with the sheet full, the covered map takes no focus', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await app.sheetHandle.click();
    await app.sheetHandle.click();
    await expect(app.sheetHandle).toHaveAccessibleName('Liste verkleinern');
    const { stops, hidden } = await hiddenTabStops(page);
    expect(stops).toBeGreaterThan(60);
    expect(hidden, 'Tab stops hidden under the full sheet').toEqual([]);
  });
});
