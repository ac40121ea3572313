import type { Page } from '@playwright/test';
import { CATEGORY_LABELS, expect, test } from './support/driver';

/*
 * Keyboard only: no clicks, no focus set from a script. Tab, Shift+Tab, Enter, Space and Escape.
 */

const OFFLINE = '?basemap=offline';

interface FocusStop {
  /** Tag, role and name of the focused element, for readable failures. */
  what: string;
  tag: string;
  indicator: string | null;
  inViewport: boolean;
}

/** The focused element and how its focus shows: an outline, or a box-shadow ring. */
async function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { what: 'body', tag: 'BODY', indicator: null, inViewport: true };
    const style = getComputedStyle(element);
    const name =
      element.getAttribute('aria-label') ??
      (element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null) ??
      element.closest('label')?.textContent ??
      element.textContent ??
      '';
    const type = element instanceof HTMLInputElement ? element.type : '';
    const transparent = (colour: string) => colour === 'transparent' || /rgba\(.*,\s*0\)$/.test(colour);
    let indicator: string | null = null;
    if (
      style.outlineStyle !== 'none' &&
      Number.parseFloat(style.outlineWidth) >= 1 &&
      !transparent(style.outlineColor)
    ) {
      indicator = `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    } else if (style.boxShadow !== 'none') {
      indicator = `box-shadow ${style.boxShadow}`;
    }
    const box = element.getBoundingClientRect();
    const inViewport =
      box.width > 0 &&
      box.height > 0 &&
      box.bottom > 0 &&
      box.right > 0 &&
      box.top < innerHeight &&
      box.left < innerWidth;
    return {
      what: `${element.tagName.toLowerCase()}${type ? `[${type}]` : ''} "${name.trim().replace(/\s+/g, ' ').slice(0, 60)}"`,
      tag: element.tagName,
      indicator,
      inViewport,
    };
  });
}

test.describe('Keyboard only', () => {
  test('Tab goes skip link, search, filters, list, map; every stop shows where the focus is', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);

    const stops: FocusStop[] = [];
    for (let press = 0; press < 200; press += 1) {
      await page.keyboard.press('Tab');
      const stop = await focusStop(page);
      // Once round: the focus leaves the page (body) or comes back to the first stop.
      if (stop.tag === 'BODY' || (stops.length > 0 && stop.what === stops[0]?.what)) break;
      stops.push(stop);
    }
    const order = stops.map((stop) => stop.what);
    const index = (pattern: RegExp) => order.findIndex((what) => pattern.test(what));

    expect(order[0], `first Tab stop; order: ${order.join(' → ')}`).toMatch(/^a "Zur Liste der Orte springen"$/);
    const search = index(/^input\[search\] "Suche"/);
    const firstChip = index(new RegExp(`^input\\[checkbox\\] "${CATEGORY_LABELS.de.science} \\(\\d+\\)"`));
    const districtSelect = index(/^select "Stadtbezirk"/);
    const [firstName] = await app.placeNames();
    const firstPlace = order.findIndex((what) => what.startsWith(`button "${firstName ?? '?'}`));
    const canvas = index(/^canvas "Karte der Innovationsorte in Dortmund"/);
    const pan = index(/^button "Nach Osten verschieben"/);
    const context = `order: ${order.join(' → ')}`;
    expect(search, context).toBeGreaterThan(0);
    expect(firstChip, context).toBeGreaterThan(search);
    expect(districtSelect, context).toBeGreaterThan(firstChip);
    expect(firstPlace, context).toBeGreaterThan(districtSelect);
    expect(canvas, context).toBeGreaterThan(firstPlace);
    expect(pan, context).toBeGreaterThan(canvas);
    expect(order.filter((what) => what.startsWith('button "')).length, context).toBeGreaterThanOrEqual(51);

    const unseen = stops.filter((stop) => !stop.indicator || !stop.inViewport);
    expect(
      unseen.map(
        (stop) => `${stop.what}: ${stop.indicator ?? 'no focus indicator'}${stop.inViewport ? '' : ', off screen'}`,
      ),
      'focused elements without a visible focus indicator',
    ).toEqual([]);
  });

  test('the skip link moves the focus to the list and leaves the address alone', async ({ app, page }) => {
    await app.openReady(OFFLINE, { zoom: 13, lat: 51.5, lon: 7.46 });
    await expect(app.places).toHaveCount(51);
    const url = page.url();
    const historyLength = await page.evaluate(() => history.length);

    await page.keyboard.press('Tab');
    await expect(app.skipLink).toBeFocused();
    await expect(app.skipLink).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(app.placeList).toBeFocused();
    // From the list, the next stops are its toolbar and then the places: no trip through the filters.
    expect(await app.tabTo(app.places.first().getByRole('button'), { max: 8 })).toBeLessThanOrEqual(6);

    // The hash is the camera of a shareable view: skipping to the list must neither drop it nor add a
    // history entry that Back would then have to undo.
    expect(page.url(), 'address after using the skip link').toBe(url);
    expect(await page.evaluate(() => history.length), 'history entries after using the skip link').toBe(historyLength);
  });

  test('the second skip link moves the focus to the map, where the arrow keys move it', async ({ app, page }) => {
    const start = { zoom: 13, lat: 51.5, lon: 7.46 };
    await app.openReady(OFFLINE, start);
    const historyLength = await page.evaluate(() => history.length);
    const skipToMap = page.getByRole('link', { name: 'Zur Karte springen', exact: true });

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(skipToMap).toBeFocused();
    await expect(skipToMap).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Karte der Innovationsorte in Dortmund' })).toBeFocused();
    expect(await page.evaluate(() => history.length), 'history entries after using the skip link').toBe(historyLength);

    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => app.camera()?.lon ?? 0, { message: 'longitude after ArrowRight' })
      .toBeGreaterThan(start.lon + 0.001);
  });

  test('Enter on a place opens its details, Escape closes them and returns to it', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    const second = app.places.nth(1).getByRole('button');
    await app.tabTo(second);
    const name = (await app.placeNames())[1] ?? '';
    await page.keyboard.press('Enter');
    await expect(app.detailsHeading).toHaveText(name);
    await expect(app.detailsHeading).toBeFocused();
    await expect.poll(() => app.searchParam('hotspot')).not.toBeNull();

    await page.keyboard.press('Escape');
    await expect(app.details).toHaveCount(0);
    await expect(second).toBeFocused();
    await expect.poll(() => app.searchParam('hotspot')).toBeNull();
  });

  test('Escape in the search field empties it and leaves the open details alone', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    await app.tabTo(app.places.first().getByRole('button'));
    await page.keyboard.press('Enter');
    await expect(app.detailsHeading).toBeFocused();

    await app.tabTo(app.searchBox, { backwards: true, max: 10 });
    await page.keyboard.type('Zeche');
    await expect(app.places).not.toHaveCount(51);
    await page.keyboard.press('Escape');
    await expect(app.searchBox).toHaveValue('');
    await expect(app.searchBox).toBeFocused();
    await expect(app.places).toHaveCount(51);
    await expect(app.details).toBeVisible();

    // With the field empty, Escape is the details' again.
    await page.keyboard.press('Escape');
    await expect(app.details).toHaveCount(0);
  });

  test('the search field’s clear button, "Reset all filters" and "Show all of Dortmund" keep the focus on the page', async ({
    app,
    page,
  }) => {
    await app.openReady(`${OFFLINE}&district=hoerde`);
    await expect(app.showAllButton).toBeVisible();
    await app.tabTo(app.showAllButton, { max: 10 });
    await page.keyboard.press('Enter');
    await expect(app.showAllButton).toHaveCount(0);
    const district = page.getByRole('combobox', { name: 'Stadtbezirk', exact: true });
    await expect(district).toBeFocused();
    await expect(district).toHaveValue('');

    await app.tabTo(app.searchBox, { backwards: true, max: 20 });
    await page.keyboard.type('See');
    const clear = page.getByRole('button', { name: 'Suche leeren', exact: true });
    await app.tabTo(clear, { max: 2 });
    await page.keyboard.press('Enter');
    await expect(app.searchBox).toHaveValue('');
    await expect(app.searchBox).toBeFocused();

    const chip = app.categoryChip('culture');
    await app.tabTo(chip, { max: 10 });
    await page.keyboard.press('Space');
    await expect(chip).toBeChecked();
    const reset = page.getByRole('button', { name: 'Alle Filter zurücksetzen', exact: true });
    await app.tabTo(reset, { max: 30 });
    await page.keyboard.press('Enter');
    await expect(chip).not.toBeChecked();
    await expect(reset).toBeDisabled();
    // The button disabled itself; the focus went to the filters' heading, and Tab goes on from there.
    await expect(page.getByRole('heading', { name: 'Filter', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(app.categoryChip('science')).toBeFocused();
  });

  test('the embed dialog keeps Tab inside, its preview takes no focus, and Escape closes it', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    const open = page.getByRole('button', { name: 'Karte einbetten', exact: true });
    await app.tabTo(open, { max: 10 });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Diese Karte einbetten' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('iframe')).toBeVisible();

    const stops: string[] = [];
    for (let press = 0; press < 25; press += 1) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const element = document.activeElement;
          if (!element || element === document.body) return 'body';
          if (element.tagName === 'IFRAME') return 'iframe';
          return element.closest('dialog') ? 'dialog' : `outside: ${element.tagName}`;
        }),
      );
    }
    // Tab may pass through the browser's own UI between rounds (body); it never reaches the preview or the page.
    expect(
      stops.filter((stop) => stop !== 'dialog' && stop !== 'body'),
      stops.join(', '),
    ).toEqual([]);
    expect(stops.filter((stop) => stop === 'dialog').length).toBeGreaterThan(15);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
  });

  test('Space toggles a category chip', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(51);
    const chip = app.categoryChip('culture');
    await app.tabTo(chip, { max: 15 });

    await page.keyboard.press('Space');
    await expect(chip).toBeChecked();
    await expect.poll(() => app.searchParam('category')).toBe('culture');
    await expect(app.places).not.toHaveCount(51);
    await expect(chip).toBeFocused();

    await page.keyboard.press('Space');
    await expect(chip).not.toBeChecked();
    await expect.poll(() => app.searchParam('category')).toBeNull();
    await expect(app.places).toHaveCount(51);
  });

  test('the pan buttons move the map', async ({ app, page }) => {
    const start = { zoom: 13, lat: 51.5, lon: 7.46 };
    await app.openReady(OFFLINE, start);
    // Backwards from the top of the page: the map's own controls are the last stops.
    const east = app.panButton('east');
    await app.tabTo(east, { backwards: true, max: 10 });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => app.camera()?.lon ?? 0, { message: 'longitude after moving east' })
      .toBeGreaterThan(start.lon + 0.001);
    expect(app.camera()?.lat).toBeCloseTo(start.lat, 3);

    const south = app.panButton('south');
    await app.tabTo(south, { max: 5 });
    await page.keyboard.press('Space');
    await expect
      .poll(() => app.camera()?.lat ?? 99, { message: 'latitude after moving south' })
      .toBeLessThan(start.lat - 0.001);

    const north = app.panButton('north');
    await app.tabTo(north, { backwards: true, max: 5 });
    const beforeNorth = app.camera()?.lat ?? 0;
    await page.keyboard.press('Enter');
    await expect
      .poll(() => app.camera()?.lat ?? 0, { message: 'latitude after moving north' })
      .toBeGreaterThan(beforeNorth + 0.001);
  });
});
