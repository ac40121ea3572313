import { expect, test } from './support/driver';

const TZDO = { id: 'tzdo', name: 'TechnologieZentrumDortmund (TZDO)', lat: 51.493115, lon: 7.407548 };
const ALL_PLACES = 51;

test.describe('The address', () => {
  test('keeps the chosen place and the camera across a reload', async ({ app, page }) => {
    await app.openReady('?basemap=offline', { zoom: 15.5, lat: 51.4925, lon: 7.4085 });
    await app.openHotspotFromList(TZDO.name);
    await expect.poll(() => app.searchParam('hotspot')).toBe(TZDO.id);
    const before = app.camera();
    expect(before, 'camera in the hash before the reload').not.toBeNull();

    await page.reload();
    await app.waitForMapReady();
    await expect(app.detailsHeading).toHaveText(TZDO.name);
    expect(app.searchParam('hotspot')).toBe(TZDO.id);
    // Give a camera move, if any, the time to reach the hash (MapLibre throttles its hash updates).
    await page.waitForTimeout(1_000);
    const after = app.camera();
    expect(after?.zoom).toBeCloseTo(before?.zoom ?? Number.NaN, 1);
    expect(after?.lat).toBeCloseTo(before?.lat ?? Number.NaN, 4);
    expect(after?.lon).toBeCloseTo(before?.lon ?? Number.NaN, 4);
  });

  test('shows the place of a shared link without a camera', async ({ app }) => {
    await app.openReady(`?basemap=offline&hotspot=${TZDO.id}`);
    await expect(app.detailsHeading).toHaveText(TZDO.name);
    await expect
      .poll(() => app.camera()?.zoom ?? 0, { message: 'zoom after opening the link', timeout: 5_000 })
      .toBeGreaterThanOrEqual(15);
    const camera = app.camera();
    expect(camera?.lat).toBeCloseTo(TZDO.lat, 3);
    expect(camera?.lon).toBeCloseTo(TZDO.lon, 3);
  });

  test('ignores an unknown place without crashing and drops it from the address', async ({ app }) => {
    await app.open('?basemap=offline&hotspot=nowhere');
    await expect(app.places).toHaveCount(ALL_PLACES);
    await expect.poll(() => app.searchParam('hotspot')).toBeNull();
    await expect(app.details).toHaveCount(0);
    await expect(app.dataAlert).toHaveCount(0);
    await app.waitForMapReady();
    // Still fully usable.
    await app.openHotspotFromList(TZDO.name);
  });

  test('speaks German by default', async ({ app, page }) => {
    await app.open('?basemap=offline');
    await expect(app.places).toHaveCount(ALL_PLACES);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(app.placeList.getByRole('heading', { level: 2 })).toHaveText(/^Orte\b/);
    await expect(app.mapRegion).toBeVisible();
    await expect(page.getByRole('button', { name: 'Switch to English' })).toBeVisible();
  });

  test('speaks English with ?lang=en', async ({ app, page }) => {
    await app.open('?basemap=offline&lang=en');
    await expect(app.places).toHaveCount(ALL_PLACES);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(app.placeList.getByRole('heading', { level: 2 })).toHaveText(/^Places\b/);
    await expect(app.mapRegion).toBeVisible();
    await expect(page.getByRole('button', { name: 'Auf Deutsch umschalten' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'About the map & sources' })).toBeVisible();
    await app.openHotspotFromList(TZDO.name);
    await expect(app.details.getByText('Category', { exact: true })).toBeVisible();
    await expect(app.closeDetailsButton).toHaveAccessibleName('Close details');
    expect(app.searchParam('lang')).toBe('en');
  });
});
