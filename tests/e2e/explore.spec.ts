import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { PNG } from 'pngjs';
import {
  CATEGORY_LABELS,
  UI_TEXT,
  expect,
  optionWithCount,
  test,
  type CategoryKey,
  type MapApp,
} from './support/driver';
import { MAP_COLOURS, colourCounts, countColourPixels, topColours } from './support/pixels';
import { offsetFromCentre } from './support/camera';

/*
 * Finding places: facets, search, districts, the density view, the address (deep links, reload,
 * Back and Forward, garbage), sharing, "near me" and "only what the map shows".
 *
 * Every expected number and name is worked out here from data/*.geojson, so the tests follow the data
 * instead of going stale. The rules are the product's: facets are OR within and AND across, a count
 * shows what choosing that value would give (the facet's own choice left out), and search folds case,
 * accents and umlaut spellings ("Hörde" = "Hoerde" = "Horde").
 */

// ---------------------------------------------------------------------------------------------------
// What the data says
// ---------------------------------------------------------------------------------------------------

interface Place {
  id: string;
  name: string;
  category: CategoryKey;
  sector: string;
  status: string;
  tags: string[];
  summary: { de: string; en: string };
  address: string;
  district: string;
  neighbourhood: string;
  lon: number;
  lat: number;
}

type AreaCollection = FeatureCollection<Polygon | MultiPolygon, { slug: string; name: string }>;

function readData<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8')) as T;
}

const PLACES: Place[] = readData<FeatureCollection<Point, Omit<Place, 'lon' | 'lat'>>>('hotspots.geojson').features.map(
  (feature) => {
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    return { ...feature.properties, lon, lat };
  },
);
const DISTRICTS = readData<AreaCollection>('districts.geojson');
const NEIGHBOURHOODS = readData<AreaCollection>('neighbourhoods.geojson');
const DISTRICT_NAME = new Map(DISTRICTS.features.map((feature) => [feature.properties.slug, feature.properties.name]));
const NEIGHBOURHOOD_NAME = new Map(
  NEIGHBOURHOODS.features.map((feature) => [feature.properties.slug, feature.properties.name]),
);
const CATEGORY_ORDER: CategoryKey[] = ['science', 'business', 'culture', 'civic', 'urban'];

/** Folding as residents expect it: case, accents, ß and the umlaut spellings ae/oe/ue do not matter. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([aou])e/g, '$1');
}

/** The labels the details show for category, sector and status, German and English. */
const FACET_LABELS: Record<string, string> = {
  science: 'Wissenschaft Science',
  business: 'Wirtschaft Business',
  culture: 'Kultur Culture',
  civic: 'Zivilgesellschaft Civil society',
  urban: 'Stadtentwicklung Urban development',
  municipal: 'Stadt City',
  existing: 'Besteht Existing',
  planned: 'Geplant (Vision) Planned (vision)',
};

/**
 * What a place can be found by: name, both summaries, address, district, neighbourhood, tag slugs, and the
 * labels of its category, sector and status.
 */
function searchable(place: Place): string {
  return fold(
    [
      place.name,
      place.summary.de,
      place.summary.en,
      place.address,
      DISTRICT_NAME.get(place.district) ?? '',
      NEIGHBOURHOOD_NAME.get(place.neighbourhood) ?? '',
      ...place.tags,
      ...[place.category, place.sector, place.status].map((value) => FACET_LABELS[value] ?? ''),
    ].join(' | '),
  );
}

interface Query {
  categories?: CategoryKey[];
  sectors?: string[];
  statuses?: string[];
  district?: string;
  q?: string;
}

type Facet = 'categories' | 'sectors' | 'statuses' | 'district';

function passes(place: Place, query: Query, leaveOut?: Facet): boolean {
  const terms = fold(query.q ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const text = searchable(place);
  return (
    (leaveOut === 'categories' || !query.categories?.length || query.categories.includes(place.category)) &&
    (leaveOut === 'sectors' || !query.sectors?.length || query.sectors.includes(place.sector)) &&
    (leaveOut === 'statuses' || !query.statuses?.length || query.statuses.includes(place.status)) &&
    (leaveOut === 'district' || !query.district || place.district === query.district) &&
    terms.every((term) => text.includes(term))
  );
}

function matching(query: Query = {}): Place[] {
  return PLACES.filter((place) => passes(place, query));
}

function names(places: readonly Place[]): string[] {
  return places.map((place) => place.name).sort();
}

/** How many places choosing `value` in `facet` would give, with every other facet as in `query`. */
function facetCount(query: Query, facet: Facet, value: string): number {
  const key = { categories: 'category', sectors: 'sector', statuses: 'status', district: 'district' } as const;
  return PLACES.filter((place) => passes(place, query, facet) && place[key[facet]] === value).length;
}

function placeNamed(name: string): Place {
  const place = PLACES.find((candidate) => candidate.name === name);
  if (!place) throw new Error(`data/hotspots.geojson has no place "${name}" any more: pick another.`);
  return place;
}

function districtSlug(name: string): string {
  const feature = DISTRICTS.features.find((candidate) => candidate.properties.name === name);
  if (!feature) throw new Error(`data/districts.geojson has no district "${name}"`);
  return feature.properties.slug;
}

function districtAt(lon: number, lat: number): { slug: string; name: string } {
  const feature = DISTRICTS.features.find((candidate) => booleanPointInPolygon([lon, lat], candidate));
  if (!feature) throw new Error(`No district at ${lon}, ${lat}`);
  return feature.properties;
}

function bboxOf(slug: string): [number, number, number, number] {
  const feature = DISTRICTS.features.find((candidate) => candidate.properties.slug === slug);
  if (!feature) throw new Error(`No district ${slug}`);
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const points = polygons.flat(2) as unknown as [number, number][];
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** "N Orte, davon M Kategorie": the category with most places; on a tie all of them ("2 Kultur und 2 …"). */
function contextLine(places: readonly Place[]): string {
  const counts = CATEGORY_ORDER.map((category) => ({
    category,
    count: places.filter((place) => place.category === category).length,
  }));
  const most = Math.max(...counts.map((entry) => entry.count));
  const leaders = counts
    .filter((entry) => entry.count === most)
    .map((entry) => `${most} ${CATEGORY_LABELS.de[entry.category]}`);
  return `${places.length} Orte, davon ${new Intl.ListFormat('de', { type: 'conjunction' }).format(leaders)}`;
}

/** Metres on the sphere, for "near me". */
function metresBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

/** The list text "1,2 km entfernt" / "350 m entfernt" in metres. */
function parseDistance(text: string): number {
  const match = /([\d.,]+)\s*(km|m) entfernt/.exec(text);
  if (!match) return Number.NaN;
  const value = Number((match[1] ?? '').replace(/\./g, '').replace(',', '.'));
  return match[2] === 'km' ? value * 1000 : value;
}

// ---------------------------------------------------------------------------------------------------
// What the map shows
// ---------------------------------------------------------------------------------------------------

const OTHER_THAN_SCIENCE = {
  business: MAP_COLOURS.business,
  culture: MAP_COLOURS.culture,
  civic: MAP_COLOURS.civic,
  urban: MAP_COLOURS.urban,
};

function placeColours(png: PNG) {
  return colourCounts(png, { science: MAP_COLOURS.science, ...OTHER_THAN_SCIENCE, cluster: MAP_COLOURS.cluster });
}

/**
 * The density classes from src/map/choropleth.ts without the lightest (too close to the plain map's fills),
 * drawn opaque, so the map shows exactly the legend's colours.
 */
const DENSITY_COLOURS = ['#c9dcef', '#92bde0', '#5b9bd0', '#2f77b6'] as const;

function densityPixels(png: PNG): number {
  return DENSITY_COLOURS.reduce((sum, colour) => sum + countColourPixels(png, colour), 0);
}

async function settledMap(app: MapApp): Promise<PNG> {
  // Two screenshots in a row that agree on the thematic colours: the map has finished redrawing.
  let previous = '';
  let png: PNG | undefined;
  await expect
    .poll(
      async () => {
        png = await app.mapScreenshot();
        const current = JSON.stringify(placeColours(png));
        const same = current === previous;
        previous = current;
        return same;
      },
      { message: 'the map stops changing', timeout: 15_000, intervals: [300] },
    )
    .toBe(true);
  if (!png) throw new Error('No screenshot was taken.');
  return png;
}

const OFFLINE = '?basemap=offline';
const ALL = PLACES.length;

test.describe('Finding places', () => {
  test('category chips filter the list, announce the count, recount the other facets and go into the address', async ({
    app,
  }) => {
    await app.open(OFFLINE);
    await expect(app.places).toHaveCount(ALL);
    await expect(app.resultCount).toHaveText(`${ALL} Orte`);
    // The live region is there before anything changes, and stays the same element: that is what gets read out.
    const liveRegion = await app.resultCount.elementHandle();
    if (!liveRegion) throw new Error('No live region for the count.');

    for (const category of CATEGORY_ORDER) {
      await expect(app.categoryChip(category)).toHaveAccessibleName(
        `${CATEGORY_LABELS.de[category]} (${facetCount({}, 'categories', category)})`,
      );
    }

    const science: Query = { categories: ['science'] };
    await app.filterBy('science');
    await expect(app.categoryChip('science')).toBeChecked();
    await expect.poll(() => app.searchParam('category')).toBe('science');
    await expect(app.places).toHaveCount(matching(science).length);
    expect(names(matching(science))).toEqual((await app.placeNames()).sort());
    expect(await liveRegion.evaluate((element) => element.isConnected && element.textContent)).toBe(
      `${matching(science).length} Orte`,
    );

    // Its own facet keeps showing the alternatives; the districts and the other facets count science only.
    for (const category of CATEGORY_ORDER) {
      await expect(app.categoryChip(category)).toHaveAccessibleName(
        `${CATEGORY_LABELS.de[category]} (${facetCount(science, 'categories', category)})`,
      );
    }
    const districtOptions = await app.districtSelect.getByRole('option').allTextContents();
    const expectedOptions = DISTRICTS.features
      .map(({ properties }) => `${properties.name} (${facetCount(science, 'district', properties.slug)})`)
      .sort();
    expect(districtOptions.slice(1).sort()).toEqual(expectedOptions);
    expect(expectedOptions, 'some district count differs from the unfiltered one').not.toEqual(
      DISTRICTS.features
        .map(({ properties }) => `${properties.name} (${facetCount({}, 'district', properties.slug)})`)
        .sort(),
    );
    await app.openMoreFilters();
    const status = app.facet(UI_TEXT.de.status);
    const existing = status.getByRole('checkbox', { name: optionWithCount('Besteht') });
    await expect(existing).toHaveAccessibleName(`Besteht (${facetCount(science, 'statuses', 'existing')})`);
    expect(facetCount(science, 'statuses', 'existing')).toBeLessThan(facetCount({}, 'statuses', 'existing'));
    const sectorLabels = {
      municipal: 'Stadt',
      civic: 'Zivilgesellschaft',
      science: 'Wissenschaft',
      business: 'Wirtschaft',
    };
    for (const [sector, label] of Object.entries(sectorLabels)) {
      await expect(
        app.facet(UI_TEXT.de.sector).getByRole('checkbox', { name: optionWithCount(label) }),
      ).toHaveAccessibleName(`${label} (${facetCount(science, 'sectors', sector)})`);
    }

    // Several categories at once: OR within the facet.
    const both: Query = { categories: ['science', 'culture'] };
    await app.filterBy('culture');
    await expect.poll(() => app.searchParam('category')).toBe('science,culture');
    await expect(app.places).toHaveCount(matching(both).length);
    await expect(app.resultCount).toHaveText(`${matching(both).length} Orte`);
    expect((await app.placeNames()).sort()).toEqual(names(matching(both)));

    await app.categoryChip('science').uncheck();
    await app.categoryChip('culture').uncheck();
    await expect(app.places).toHaveCount(ALL);
    await expect.poll(() => app.searchParam('category')).toBeNull();
  });

  test('search folds umlauts: hoerde, horde and Hörde find the same places, and typing adds no history', async ({
    app,
    page,
  }) => {
    await app.open(OFFLINE);
    await expect(app.places).toHaveCount(ALL);
    const historyLength = await page.evaluate(() => history.length);

    const hoerde = names(matching({ q: 'Hörde' }));
    // The spelling variants must not find different things in the data either.
    expect(names(matching({ q: 'hoerde' }))).toEqual(hoerde);
    for (const place of PLACES.filter((candidate) => candidate.district === districtSlug('Hörde'))) {
      expect(hoerde, `${place.name} is in Hörde`).toContain(place.name);
    }

    for (const typed of ['hoerde', 'horde', 'Hörde']) {
      await app.search(typed);
      await expect(app.resultCount).toHaveText(`${hoerde.length} Orte`);
      expect((await app.placeNames()).sort(), `typed "${typed}"`).toEqual(hoerde);
      await expect.poll(() => app.searchParam('q')).toBe(typed);
    }

    await app.search('phonix');
    const phoenix = names(matching({ q: 'phonix' }));
    expect(phoenix).toContain('Phoenix-See');
    await expect(app.resultCount).toHaveText(`${phoenix.length} Orte`);
    expect((await app.placeNames()).sort()).toEqual(phoenix);
    await expect.poll(() => app.searchParam('q')).toBe('phonix');

    expect(await page.evaluate(() => history.length), 'history entries after typing').toBe(historyLength);
  });

  test('search finds the places of a category, sector or status typed by its label, German or English', async ({
    app,
  }) => {
    await app.open(OFFLINE);
    await expect(app.places).toHaveCount(ALL);
    // "Stadtentwicklung" is only a category's label, and no place's text says it: the chip's places exactly.
    expect(names(matching({ q: 'Stadtentwicklung' }))).toEqual(names(matching({ categories: ['urban'] })));
    // "Zivilgesellschaft" is a category and a sector; "geplant" the status of the visions.
    expect(names(matching({ q: 'Zivilgesellschaft' }))).toEqual(
      names(PLACES.filter((place) => place.category === 'civic' || place.sector === 'civic')),
    );
    expect(names(matching({ q: 'geplant' }))).toEqual(names(matching({ statuses: ['planned'] })));
    for (const typed of ['Stadtentwicklung', 'Zivilgesellschaft', 'geplant', 'civil society', 'Wissenschaft']) {
      const expected = names(matching({ q: typed }));
      await app.search(typed);
      await expect(app.resultCount, `typed "${typed}"`).toHaveText(`${expected.length} Orte`);
      expect((await app.placeNames()).sort(), `typed "${typed}"`).toEqual(expected);
    }
  });

  test('search puts the place a resident names first, and the sort order says so', async ({ app }) => {
    await app.open(OFFLINE);
    await expect(app.places).toHaveCount(ALL);
    const sort = app.sortSelect;
    await expect(sort.locator('option:checked')).toHaveText('Name');
    // Most places say "Dortmund" and many "tu" ("Kultur", "Struktur"): in name order the university is far down.
    const inNameOrder = names(matching({ q: 'TU Dortmund' }));
    expect(inNameOrder.indexOf('TU Dortmund')).toBeGreaterThan(10);
    await app.search('TU Dortmund');
    await expect(app.searchBox).toHaveValue('TU Dortmund');
    await expect
      .poll(async () => {
        const shown = await app.placeNames();
        return { first: shown[0], many: shown.length > 10, notAll: shown.length < ALL };
      })
      .toEqual({ first: 'TU Dortmund', many: true, notAll: true });
    await expect(sort.locator('option:checked')).toHaveText('Beste Treffer, dann Name');
    // On the 1280×800 desktop the list starts below the filters: the link under the field leads there.
    const toList = app.page.getByRole('link', { name: /^\d+ Treffer – zur Liste$/ });
    await expect(toList).toBeInViewport();
    await expect(app.places.first()).not.toBeInViewport();
    await toList.click();
    await expect(app.placeList).toBeFocused();
    await expect(app.places.first()).toBeInViewport();
    await expect(app.places.first()).toContainText('TU Dortmund');
    await app.search('');
    await expect(app.places).toHaveCount(ALL);
    await expect(sort.locator('option:checked')).toHaveText('Name');
  });

  test('the map follows the filters: clusters only hold what passes', async ({ app }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(ALL);
    const before = placeColours(await settledMap(app));
    expect(before.business, JSON.stringify(before)).toBeGreaterThan(50);
    expect(before.cluster, JSON.stringify(before)).toBeGreaterThan(2_000);

    await app.filterBy('science');
    await expect(app.places).toHaveCount(matching({ categories: ['science'] }).length);
    let after = before;
    await expect
      .poll(async () => (after = placeColours(await app.mapScreenshot())).business, {
        message: 'business-coloured pixels with science only',
      })
      .toBeLessThan(10);
    const png = await settledMap(app);
    after = placeColours(png);
    const context = `before: ${JSON.stringify(before)}; science only: ${JSON.stringify(after)}; top: ${topColours(png).join(', ')}`;
    for (const colour of Object.keys(OTHER_THAN_SCIENCE) as (keyof typeof OTHER_THAN_SCIENCE)[]) {
      expect(after[colour], `${colour}: ${context}`).toBeLessThan(10);
    }
    // Science is drawn, as lone dots and as the one cluster at the universities; the clusters that held
    // other places are gone. A layer filter would have left every cluster standing.
    expect(after.science + after.cluster, context).toBeGreaterThan(300);
    expect(after.cluster, context).toBeGreaterThan(100);
    expect(after.cluster, context).toBeLessThan(before.cluster * 0.3);

    await app.categoryChip('science').uncheck();
    await expect
      .poll(async () => placeColours(await app.mapScreenshot()).cluster, {
        message: 'clusters after clearing the filter',
      })
      .toBeGreaterThan(before.cluster * 0.8);
  });

  test('a map style swap (dark theme and back) keeps the filtered places, and clearing the filter brings all back', async ({
    app,
    page,
  }) => {
    // The swap re-adds the hotspot source empty; the app must fill it again with only what passes.
    await app.openReady(`${OFFLINE}&theme=auto`);
    await app.filterBy('science');
    await expect(app.places).toHaveCount(matching({ categories: ['science'] }).length);
    await expect.poll(async () => placeColours(await app.mapScreenshot()).business).toBeLessThan(10);

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(app.map).toHaveAttribute('aria-busy', 'false');

    const png = await settledMap(app);
    const after = placeColours(png);
    const context = `after the swaps: ${JSON.stringify(after)}; top: ${topColours(png).join(', ')}`;
    for (const colour of Object.keys(OTHER_THAN_SCIENCE) as (keyof typeof OTHER_THAN_SCIENCE)[]) {
      expect(after[colour], `${colour}: ${context}`).toBeLessThan(10);
    }
    expect(after.science + after.cluster, context).toBeGreaterThan(300);

    await app.categoryChip('science').uncheck();
    await expect
      .poll(async () => placeColours(await app.mapScreenshot()).business, { message: 'business places back' })
      .toBeGreaterThan(50);
  });

  test('a district chosen in the select gets its panel, its camera and only its places; "Ganz Dortmund zeigen" clears it', async ({
    app,
  }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(ALL);
    const hoerde = districtSlug('Hörde');
    const inHoerde = matching({ district: hoerde });
    await expect(
      app.districtSelect.getByRole('option', { name: `Hörde (${inHoerde.length})`, exact: true }),
    ).toHaveCount(1);
    const cameraBefore = app.camera();

    await app.chooseDistrict('Hörde');
    await expect(app.districtSelect).toHaveValue(hoerde);
    const panel = app.areaPanel('Hörde');
    await expect(panel).toBeVisible();
    await expect(panel.getByText(contextLine(inHoerde), { exact: true })).toBeVisible();
    await expect.poll(() => app.searchParam('district')).toBe(hoerde);
    await expect(app.places).toHaveCount(inHoerde.length);
    expect((await app.placeNames()).sort()).toEqual(names(inHoerde));

    // The camera is fitted to the district.
    const [west, south, east, north] = bboxOf(hoerde);
    await expect
      .poll(() => JSON.stringify(app.camera()), { message: 'camera in the hash after choosing Hörde' })
      .not.toBe(JSON.stringify(cameraBefore));
    await expect.poll(() => app.camera()?.zoom ?? 0).toBeGreaterThan((cameraBefore?.zoom ?? 99) + 0.5);
    const camera = app.camera();
    expect(camera?.lon).toBeGreaterThan(west);
    expect(camera?.lon).toBeLessThan(east);
    expect(camera?.lat).toBeGreaterThan(south);
    expect(camera?.lat).toBeLessThan(north);

    await app.showAllButton.click();
    await expect(panel).toHaveCount(0);
    await expect(app.districtSelect).toHaveValue('');
    await expect.poll(() => app.searchParam('district')).toBeNull();
    await expect(app.places).toHaveCount(ALL);
    // "All of Dortmund" in the map too: the whole city's view again.
    await expect
      .poll(() => app.camera()?.zoom ?? 99, { message: 'zoom after "Ganz Dortmund zeigen"' })
      .toBeCloseTo(cameraBefore?.zoom ?? 0, 1);
  });

  test('"Alle Filter zurücksetzen" after choosing a district shows the whole city again', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(ALL);
    const home = app.camera();
    await app.chooseDistrict('Hörde');
    await expect.poll(() => app.camera()?.zoom ?? 0).toBeGreaterThan((home?.zoom ?? 99) + 0.5);

    await page.getByRole('button', { name: 'Alle Filter zurücksetzen', exact: true }).click();
    await expect(app.districtSelect).toHaveValue('');
    await expect(app.places).toHaveCount(ALL);
    await expect
      .poll(() => app.camera()?.zoom ?? 99, { message: 'zoom after the reset' })
      .toBeCloseTo(home?.zoom ?? 0, 1);
    expect(app.camera()?.lat).toBeCloseTo(home?.lat ?? 0, 2);
    expect(app.camera()?.lon).toBeCloseTo(home?.lon ?? 0, 2);
  });

  test('a click on empty land in a zoomed-out map chooses the district there', async ({ app }) => {
    const spot = { zoom: 11, lat: 51.47, lon: 7.5 };
    const district = districtAt(spot.lon, spot.lat);
    await app.openReady(OFFLINE, spot);
    await expect(app.places).toHaveCount(ALL);
    await settledMap(app);

    await app.clickMapCentre();
    await expect(app.areaPanel(district.name)).toBeVisible();
    await expect.poll(() => app.searchParam('district')).toBe(district.slug);
    await expect(app.details).toHaveCount(0);
    await expect(app.districtSelect).toHaveValue(district.slug);
    await expect(app.places).toHaveCount(matching({ district: district.slug }).length);
    await expect.poll(() => app.camera()?.zoom ?? 0, { message: 'camera fitted to the district' }).not.toBe(spot.zoom);

    await app.showAllButton.click();
    await expect(app.areaPanel(district.name)).toHaveCount(0);
    await expect.poll(() => app.searchParam('district')).toBeNull();
  });

  test('the density view shows a legend and paints the districts in density colours', async ({ app }) => {
    await app.openReady(OFFLINE);
    const plain = await settledMap(app);
    expect(densityPixels(plain), `without the density view; top: ${topColours(plain).join(', ')}`).toBeLessThan(500);
    await expect(app.densityLegend).toHaveCount(0);

    await app.densityCheckbox.check();
    await expect(app.densityLegend).toBeVisible();
    await expect(app.densityLegend.getByRole('listitem')).toHaveCount(5);
    let shaded = plain;
    await expect
      .poll(async () => densityPixels((shaded = await app.mapScreenshot())), {
        message: 'density-coloured district fills',
      })
      .toBeGreaterThan(20_000);
    expect(countColourPixels(shaded, '#2f77b6'), 'the densest class').toBeGreaterThan(1_000);
    // The legend's swatches are the colours on the map.
    const swatches = await app.densityLegend
      .locator('.density-legend__swatch')
      .evaluateAll((elements) => elements.map((element) => getComputedStyle(element).backgroundColor));
    expect(swatches.at(-1)).toBe('rgb(47, 119, 182)');
    // Screen readers hear each class as its range; on screen the limits sit under one row of swatches.
    await expect(app.densityLegend).toMatchAriaSnapshot(`
      - figure:
        - list:
          - listitem: /^0–0,\\d+$/
          - listitem: /^0,\\d+–0,\\d+$/
          - listitem: /^0,\\d+–0,\\d+$/
          - listitem: /^0,\\d+–0,\\d+$/
          - listitem: /^0,\\d+–\\d+,\\d+$/
    `);
    const swatchBoxes = await app.densityLegend
      .locator('.density-legend__swatch')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().top));
    expect(new Set(swatchBoxes).size, 'swatches in one row').toBe(1);
    // As a column the legend was 205 px tall and hid Mengede's places at 1280×800.
    const legendBox = await app.densityLegend.locator('..').boundingBox();
    expect(legendBox?.height ?? Infinity).toBeLessThan(130);

    await app.densityCheckbox.uncheck();
    await expect(app.densityLegend).toHaveCount(0);
    await expect.poll(async () => densityPixels(await app.mapScreenshot())).toBeLessThan(500);
  });
});

test.describe('The address of a view', () => {
  test('a deep link opens in English with its filters applied, and a reload keeps them', async ({ app, page }) => {
    const query: Query = { categories: ['culture'], district: 'innenstadt-west', q: 'u' };
    const expected = names(matching(query));
    expect(expected.length, 'the link must show something').toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(ALL);

    await app.open('?category=culture&district=innenstadt-west&q=u&lang=en');
    for (let round = 0; round < 2; round += 1) {
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(app.placeList.getByRole('heading', { level: 2 })).toHaveText(/^Places\b/);
      await expect(app.categoryChip('culture')).toBeChecked();
      for (const other of CATEGORY_ORDER.filter((category) => category !== 'culture')) {
        await expect(app.categoryChip(other)).not.toBeChecked();
      }
      await expect(app.districtSelect).toHaveValue('innenstadt-west');
      await expect(app.searchBox).toHaveValue('u');
      await expect(app.areaPanel(DISTRICT_NAME.get('innenstadt-west') ?? '')).toBeVisible();
      await expect(app.resultCount).toHaveText(UI_TEXT.en.count(expected.length));
      expect((await app.placeNames()).sort()).toEqual(expected);
      expect(app.searchParam('category')).toBe('culture');
      expect(app.searchParam('district')).toBe('innenstadt-west');
      expect(app.searchParam('q')).toBe('u');
      expect(app.searchParam('lang')).toBe('en');
      if (round === 0) await page.reload();
    }
  });

  test('Back closes the place, Back again drops the district, Forward brings it back', async ({ app, page }) => {
    await app.openReady(OFFLINE);
    await expect(app.places).toHaveCount(ALL);
    const business: Query = { categories: ['business'] };
    const hoerde = districtSlug('Hörde');
    const both: Query = { ...business, district: hoerde };
    const place = matching(both)[0];
    if (!place) throw new Error('No business place in Hörde any more: pick another pair.');

    await app.filterBy('business');
    await expect.poll(() => app.searchParam('category')).toBe('business');
    await app.chooseDistrict('Hörde');
    await expect.poll(() => app.searchParam('district')).toBe(hoerde);
    await expect(app.places).toHaveCount(matching(both).length);
    await app.openHotspotFromList(place.name);
    await expect.poll(() => app.searchParam('hotspot')).toBe(place.id);

    const expectDistrictView = async () => {
      await expect.poll(() => app.searchParam('district')).toBe(hoerde);
      expect(app.searchParam('category')).toBe('business');
      await expect(app.areaPanel('Hörde')).toBeVisible();
      await expect(app.districtSelect).toHaveValue(hoerde);
      await expect(app.categoryChip('business')).toBeChecked();
      await expect(app.places).toHaveCount(matching(both).length);
    };

    await page.goBack();
    await expect(app.details).toHaveCount(0);
    await expect.poll(() => app.searchParam('hotspot')).toBeNull();
    await expectDistrictView();

    await page.goBack();
    await expect.poll(() => app.searchParam('district')).toBeNull();
    expect(app.searchParam('category')).toBe('business');
    await expect(app.areaPanel('Hörde')).toHaveCount(0);
    await expect(app.districtSelect).toHaveValue('');
    await expect(app.categoryChip('business')).toBeChecked();
    await expect(app.places).toHaveCount(matching(business).length);

    await page.goForward();
    await expectDistrictView();
    await expect(app.details).toHaveCount(0);
  });

  test('garbage in the address is dropped, and the search stays plain text', async ({ app, page }) => {
    const script = '<script>alert(1)</script>';
    await app.open(`?category=bogus&district=nowhere&q=${encodeURIComponent(script)}&sector=x&tag=%3Cimg`);
    await expect(app.searchBox).toHaveValue(script);
    await expect.poll(() => app.searchParam('category')).toBeNull();
    await expect.poll(() => app.searchParam('district')).toBeNull();
    expect(app.searchParam('sector')).toBeNull();
    expect(app.searchParam('tag')).toBeNull();
    expect(app.searchParam('q')).toBe(script);
    await expect(app.districtSelect).toHaveValue('');
    for (const category of CATEGORY_ORDER) await expect(app.categoryChip(category)).not.toBeChecked();

    // Only the literal search narrows the list; nothing else was applied.
    const expected = names(matching({ q: script }));
    await expect(app.resultCount).toHaveText(UI_TEXT.de.count(expected.length));
    expect((await app.placeNames()).sort()).toEqual(expected);
    await app.waitForMapReady();
    await page.waitForTimeout(300);
    expect(app.dialogs, 'browser dialogs').toEqual([]);
    await expect(page.locator('body script')).toHaveCount(0);

    await app.search('');
    await expect(app.places).toHaveCount(ALL);
    expect(app.dialogs, 'browser dialogs').toEqual([]);
  });

  test('"Link teilen" copies the address of the current view', async ({ app, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.openReady(`${OFFLINE}&category=science`);
    await app.chooseDistrict('Hombruch');
    await expect.poll(() => app.searchParam('district')).toBe('hombruch');
    // MapLibre writes the camera into the hash a moment after a move: let it settle first.
    await expect
      .poll(
        async () => {
          const first = page.url();
          await page.waitForTimeout(400);
          return first === page.url();
        },
        { message: 'the address stops changing' },
      )
      .toBe(true);

    await app.shareButton.click();
    await expect(app.status(UI_TEXT.de.shareCopied)).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(new URL(copied).searchParams.get('category')).toBe('science');
  });

  test('"In meiner Nähe" explains a refusal, and with a position sorts the list by distance', async ({
    app,
    context,
  }) => {
    await app.open(OFFLINE);
    await expect(app.places).toHaveCount(ALL);
    await app.nearMeButton.click();
    await expect(app.status(/Ihr Standort ist nicht freigegeben/)).toBeVisible();
    await expect(app.sortSelect).toHaveValue('name');
    await expect(app.places.filter({ hasText: 'entfernt' })).toHaveCount(0);

    const here = { latitude: 51.4929, longitude: 7.4072 };
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(here);
    await app.nearMeButton.click();
    await expect(app.status('Nach Entfernung zu Ihrem Standort sortiert.')).toBeVisible();
    await expect(app.sortSelect).toHaveValue('distance');
    await expect(app.nearMeButton).toHaveAttribute('aria-pressed', 'true');

    const byDistance = [...PLACES].sort(
      (a, b) =>
        metresBetween(here.latitude, here.longitude, a.lat, a.lon) -
        metresBetween(here.latitude, here.longitude, b.lat, b.lon),
    );
    const nearest = byDistance[0];
    if (!nearest) throw new Error('No places.');
    await expect(app.places).toHaveCount(ALL);
    const shown = await app.placeNames();
    expect(shown[0]).toBe(nearest.name);
    expect(placeNamed(shown[0] ?? '').address).toContain('Emil-Figge-Straße');

    const texts = await app.places.allInnerTexts();
    const distances = texts.map(parseDistance);
    expect(
      texts.filter((text) => !/entfernt/.test(text)),
      'places without a distance',
    ).toEqual([]);
    expect(distances, 'distances in list order').toEqual([...distances].sort((a, b) => a - b));
    // The nearest one's shown distance is the real one, rounded.
    expect(
      Math.abs((distances[0] ?? 0) - metresBetween(here.latitude, here.longitude, nearest.lat, nearest.lon)),
    ).toBeLessThan(10);
  });

  test('"Nur Orte im Kartenausschnitt" keeps only the places in the map view, and the search link counts those', async ({
    app,
    page,
  }) => {
    const camera = { zoom: 14, lat: 51.4905, lon: 7.408 };
    await app.openReady(OFFLINE, camera);
    await expect(app.places).toHaveCount(ALL);
    const box = await app.map.boundingBox();
    if (!box) throw new Error('The map has no box on screen.');

    const inside = (place: Place, margin: number) => {
      const { dx, dy } = offsetFromCentre(camera, place.lon, place.lat);
      return Math.abs(dx) < box.width / 2 - margin && Math.abs(dy) < box.height / 2 - margin;
    };
    const surely = PLACES.filter((place) => inside(place, 20));
    const maybe = PLACES.filter((place) => inside(place, -20));
    expect(surely.length, 'places in the chosen view').toBeGreaterThan(2);
    expect(maybe.length).toBeLessThan(ALL / 2);

    await app.onlyVisibleCheckbox.check();
    await expect(app.places).not.toHaveCount(ALL);
    const shown = await app.placeNames();
    for (const place of surely) expect(shown, `${place.name} is in view`).toContain(place.name);
    for (const name of shown) expect(names(maybe), `${name} is outside the view`).toContain(name);
    await expect(app.resultCount).toHaveText(`${shown.length} Orte`);

    // Every place's address says Dortmund: the search finds all, and its link says how many the list shows.
    await app.search('Dortmund');
    const link = page.getByRole('link', { name: /zur Liste$/ });
    await expect(link).toHaveText(`${ALL} Treffer, davon ${shown.length} im Kartenausschnitt – zur Liste`);
    await expect(app.places).toHaveCount(shown.length);
    await link.click();
    await expect(app.placeList).toBeFocused();

    await app.onlyVisibleCheckbox.uncheck();
    await expect(app.places).toHaveCount(ALL);
    await expect(link).toHaveText(`${ALL} Treffer – zur Liste`);
  });
});
