import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type MapApp } from './support/driver';

/*
 * axe-core against WCAG 2.0, 2.1 and 2.2 A and AA, in the states residents see most. Nothing is
 * excluded: MapLibre's canvas and controls are part of what residents use, so if axe flags them, the
 * failure names them and a person decides.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const OFFLINE = '?basemap=offline';

async function expectNoViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const report = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(report, `axe violations ${state}:\n${JSON.stringify(report, null, 2)}`).toEqual([]);
  // A scan that checked nothing would pass too: make sure it looked at the page.
  expect(results.passes.length, `axe rules that passed ${state}`).toBeGreaterThan(15);
}

/** The map is ready and its canvas, controls and places are on the page. */
async function ready(app: MapApp): Promise<void> {
  await app.waitForMapReady();
  await expect(app.mapRegion).toBeVisible();
  await expect(app.places.first()).toBeVisible();
}

test.describe('Accessibility (axe, WCAG 2.2 AA)', () => {
  test('the main view', async ({ app, page }) => {
    await app.open(OFFLINE);
    await ready(app);
    await expectNoViolations(page, 'in the main view');
  });

  test('with the details of a place open', async ({ app, page }) => {
    await app.open(OFFLINE);
    await ready(app);
    await app.openHotspotFromList('TechnologieZentrumDortmund (TZDO)');
    await expect(app.details.getByRole('link')).toBeVisible();
    await app.waitForMapReady();
    await expectNoViolations(page, 'with details open');
  });

  test('with a district open, the density view on and a status message', async ({ app, page }) => {
    await app.open(OFFLINE);
    await ready(app);
    await app.chooseDistrict('Hörde');
    await expect(app.areaPanel('Hörde')).toBeVisible();
    await app.densityCheckbox.check();
    await expect(app.densityLegend).toBeVisible();
    await app.nearMeButton.click();
    await expect(app.status(/Ihr Standort ist nicht freigegeben/)).toBeVisible();
    await app.waitForMapReady();
    await expectNoViolations(page, 'with a district open');
  });

  test('in English, with a filter and a search', async ({ app, page }) => {
    await app.open(`${OFFLINE}&lang=en&category=science&q=dortmund`);
    await ready(app);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(app.categoryChip('science')).toBeChecked();
    // The search's own controls are part of this state: the link to the results and the ranked sort order.
    await expect(page.getByRole('link', { name: /^\d+ results – go to the list$/ })).toBeVisible();
    await expect(app.sortSelect.locator('option:checked')).toHaveText('Best match, then name');
    await expectNoViolations(page, 'in English');
  });

  test('with the embed dialog open, its live preview loaded', async ({ app, page }) => {
    await app.open(OFFLINE);
    await ready(app);
    await page.getByRole('button', { name: 'Karte einbetten', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Diese Karte einbetten' });
    await expect(dialog).toBeVisible();
    // axe also scans the preview's frame: the app inside it, with the same landmarks as the page.
    await expect(dialog.locator('iframe').contentFrame().getByTestId('map')).toHaveAttribute('aria-busy', 'false', {
      timeout: 30_000,
    });
    await expectNoViolations(page, 'with the embed dialog open');
  });

  test.describe('at phone size', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('with the sheet peeking, and with a place open', async ({ app, page }) => {
      await app.open(OFFLINE);
      await app.waitForMapReady();
      await expect(app.sheetHandle).toBeVisible();
      await expectNoViolations(page, 'at phone size, sheet peeking');

      await app.openHotspotFromList('Phoenix-See');
      await expect(app.sheetHandle).toHaveAttribute('aria-expanded', 'true');
      await app.waitForMapReady();
      await expectNoViolations(page, 'at phone size, with a place open');
    });
  });
});
