import { test as base, expect, type Locator, type Page, type Route } from '@playwright/test';
import type { PNG } from 'pngjs';
import { decodePng } from './pixels';

/**
 * The driver layer: what a resident does and sees, in their words. Specs talk to this, never to CSS
 * classes; elements are found by role, label and text, with the map's `data-testid` as the one
 * exception (a WebGL canvas has no accessible name for what it draws).
 */

/** Map ready can take several seconds: WebGL runs in software (SwiftShader) here. */
export const MAP_READY_TIMEOUT = 45_000;

export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

export type Language = 'de' | 'en';

const TEXT = {
  de: {
    closeDetails: 'Details schließen',
    retry: 'Erneut laden',
    basemapFallback: /Straßenkarte nicht erreichbar/,
    spotChoice: (count: number) => `${count} Orte an dieser Stelle`,
  },
  en: {
    closeDetails: 'Close details',
    retry: 'Try again',
    basemapFallback: /Street map unavailable/,
    spotChoice: (count: number) => `${count} places at this spot`,
  },
} as const;

function isLocal(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return true;
    return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/**
 * Aborts every request that leaves this machine, as on a machine without internet, and records it.
 * The returned array fills as requests are blocked, so a test can prove the app really tried to go out.
 */
export async function blockExternalNetwork(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.route(
    (url) => !isLocal(url.href),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  return blocked;
}

/** `#map=zoom/lat/lon`, the camera hash MapLibre reads and writes. */
export function cameraHash(camera: Camera): string {
  return `#map=${camera.zoom}/${camera.lat}/${camera.lon}`;
}

export function cameraFromUrl(url: string): Camera | null {
  const match = /#map=([-\d.]+)\/([-\d.]+)\/([-\d.]+)/.exec(new URL(url).hash);
  if (!match) return null;
  return { zoom: Number(match[1]), lat: Number(match[2]), lon: Number(match[3]) };
}

/** Loads the app: `query` like `?lang=en` (or ''), optionally with a camera in the hash. */
export async function openApp(page: Page, query = '', camera?: Camera): Promise<void> {
  await page.goto(`/${query}${camera ? cameraHash(camera) : ''}`);
}

/** The map container is `aria-busy` until MapLibre's first `idle`. */
export async function waitForMapReady(page: Page): Promise<void> {
  await expect(page.getByTestId('map')).toHaveAttribute('aria-busy', 'false', { timeout: MAP_READY_TIMEOUT });
}

function routeFulfil(body: string, status: number, contentType: string) {
  return (route: Route) => route.fulfill({ status, body, contentType, headers: { 'Cache-Control': 'no-store' } });
}

const HOTSPOTS_URL = '**/data/hotspots.geojson';

/** Serves `body` (a string as it is, anything else as JSON) in place of /data/hotspots.geojson. */
export async function serveHotspots(page: Page, body: unknown, status = 200): Promise<void> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  await page.route(HOTSPOTS_URL, routeFulfil(text, status, 'application/geo+json'));
}

/** Stops serving a replacement: /data/hotspots.geojson comes from the server again. */
export async function restoreHotspots(page: Page): Promise<void> {
  await page.unroute(HOTSPOTS_URL);
}

/** Answers requests for one data file (`districts.geojson`, …) with an HTTP error. */
export async function failDataFile(page: Page, file: string, status = 500): Promise<void> {
  await page.route(`**/data/${file}`, routeFulfil('Internal Server Error', status, 'text/plain'));
}

/**
 * The app as one resident uses it. Created by the `app` fixture, which also blocks the internet and
 * records every browser dialog and uncaught page error.
 */
export class MapApp {
  readonly dialogs: string[] = [];
  readonly pageErrors: string[] = [];
  blockedRequests: string[] = [];
  language: Language = 'de';

  constructor(readonly page: Page) {
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  private get text() {
    return TEXT[this.language];
  }

  async open(query = '', camera?: Camera): Promise<void> {
    this.language = /[?&]lang=en\b/.test(query) ? 'en' : 'de';
    await openApp(this.page, query, camera);
  }

  async waitForMapReady(): Promise<void> {
    await waitForMapReady(this.page);
  }

  /** Opens the app and waits until both the map and the list of places are ready. */
  async openReady(query = '', camera?: Camera): Promise<void> {
    await this.open(query, camera);
    await this.waitForMapReady();
  }

  get map(): Locator {
    return this.page.getByTestId('map');
  }

  /** The map itself: MapLibre's canvas is a region labelled in the current language. */
  get mapRegion(): Locator {
    const name =
      this.language === 'de' ? 'Karte der Innovationsorte in Dortmund' : 'Map of innovation places in Dortmund';
    return this.map.getByRole('region', { name, exact: true });
  }

  /** The list of places: a section labelled by its heading, one list item per place. */
  get placeList(): Locator {
    return this.page.getByRole('region', { name: this.language === 'de' ? /^Orte\b/ : /^Places\b/ });
  }

  get places(): Locator {
    return this.placeList.getByRole('listitem');
  }

  placeButton(name: string): Locator {
    return this.placeList.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  async openHotspotFromList(name: string): Promise<void> {
    await this.placeButton(name).click();
    await expect(this.detailsHeading).toHaveText(name);
  }

  /** The open details: an article whose heading is the place's name. */
  get details(): Locator {
    return this.page.getByRole('article');
  }

  get detailsHeading(): Locator {
    return this.details.getByRole('heading', { level: 2 });
  }

  get closeDetailsButton(): Locator {
    return this.page.getByRole('button', { name: this.text.closeDetails });
  }

  /** The chooser for places that share one spot. */
  spotChooser(count: number): Locator {
    return this.page.getByRole('region', { name: this.text.spotChoice(count) });
  }

  get dataAlert(): Locator {
    return this.page.getByRole('alert');
  }

  get retryButton(): Locator {
    return this.dataAlert.getByRole('button', { name: this.text.retry });
  }

  get basemapFallbackNote(): Locator {
    return this.page.getByRole('status').filter({ hasText: this.text.basemapFallback });
  }

  /** Clicks the middle of the map, where a `#map=` camera put the place the test is after. */
  async clickMapCentre(): Promise<void> {
    const box = await this.map.boundingBox();
    if (!box) throw new Error('The map has no box on screen.');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  async mapScreenshot(): Promise<PNG> {
    return decodePng(await this.map.screenshot({ animations: 'disabled' }));
  }

  camera(): Camera | null {
    return cameraFromUrl(this.page.url());
  }

  searchParam(name: string): string | null {
    return new URL(this.page.url()).searchParams.get(name);
  }

  // ---- Exploring: search, facets, districts, the results toolbar (added for explore/keyboard/phone specs) ----

  private get ui() {
    return UI_TEXT[this.language];
  }

  /** The search field (an `<input type=search>` labelled "Suche"). */
  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: this.ui.search, exact: true });
  }

  /** Types like a person, key by key, into an emptied search field. */
  async search(text: string): Promise<void> {
    await this.searchBox.fill('');
    await this.searchBox.pressSequentially(text);
  }

  /** A facet: the fieldset whose legend is `legend` ("Kategorie", "Status", "Getragen von"). */
  facet(legend: string): Locator {
    return this.page.getByRole('group', { name: legend, exact: true });
  }

  get categoryFacet(): Locator {
    return this.facet(this.ui.category);
  }

  /** A category chip, "Wissenschaft (9)": the checkbox whose label is the category and its count. */
  categoryChip(category: CategoryKey): Locator {
    return this.categoryFacet.getByRole('checkbox', {
      name: optionWithCount(CATEGORY_LABELS[this.language][category]),
    });
  }

  async filterBy(category: CategoryKey): Promise<void> {
    await this.categoryChip(category).check();
  }

  /** The "Status und Träger" disclosure: its facets are hidden until it is opened. */
  async openMoreFilters(): Promise<void> {
    await this.openDisclosure(this.ui.moreFilters, this.facet(this.ui.status));
  }

  /** The "Schlagworte" disclosure with the tag facet. */
  async openTagFilters(): Promise<void> {
    await this.openDisclosure(this.ui.tags, this.facet(this.ui.tags));
  }

  /** Opens a `<details>` by its summary text (a disclosure has no ARIA role to find it by), once. */
  private async openDisclosure(summaryText: string, content: Locator): Promise<void> {
    if (!(await content.isVisible())) {
      await this.page
        .locator('summary')
        .filter({ hasText: new RegExp(`^${escapeRegExp(summaryText)}`) })
        .click();
    }
    await expect(content).toBeVisible();
  }

  get districtSelect(): Locator {
    return this.page.getByRole('combobox', { name: this.ui.district, exact: true });
  }

  /**
   * Chooses a district by its name, whatever count its option shows. Selected by the option's value: the
   * count in its label can change between reading and selecting (the counts follow the filters a render
   * later), and a label read before that would then match nothing.
   */
  async chooseDistrict(name: string): Promise<void> {
    const options = await this.districtSelect
      .getByRole('option')
      .evaluateAll((nodes) =>
        nodes.map((node) => [node.textContent ?? '', (node as HTMLOptionElement).value] as const),
      );
    const value = options.find(([text]) => optionWithCount(name).test(text))?.[1];
    if (!value) throw new Error(`No district option for "${name}" among: ${options.map(([text]) => text).join(', ')}`);
    await this.districtSelect.selectOption({ value });
  }

  /** The panel of a chosen district or neighbourhood: a region named after it. */
  areaPanel(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  get showAllButton(): Locator {
    return this.page.getByRole('button', { name: this.ui.showAll, exact: true });
  }

  /** The polite live region above the list that says how many places are shown ("9 Orte"). */
  get resultCount(): Locator {
    return this.placeList.locator('[aria-live="polite"]');
  }

  /** The names of the places in the list, in list order. */
  async placeNames(): Promise<string[]> {
    const texts = await this.places.allInnerTexts();
    return texts.map((text) => (text.split('\n')[0] ?? '').trim());
  }

  get sortSelect(): Locator {
    return this.page.getByRole('combobox', { name: this.ui.sort, exact: true });
  }

  get nearMeButton(): Locator {
    return this.page.getByRole('button', { name: this.ui.nearMe, exact: true });
  }

  get onlyVisibleCheckbox(): Locator {
    return this.page.getByRole('checkbox', { name: this.ui.onlyVisible, exact: true });
  }

  get shareButton(): Locator {
    return this.page.getByRole('button', { name: this.ui.share, exact: true });
  }

  /** A status message (role=status) with this text. */
  status(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  get densityCheckbox(): Locator {
    return this.page.getByRole('checkbox', { name: this.ui.density, exact: true });
  }

  get densityLegend(): Locator {
    return this.page.getByRole('figure', { name: this.ui.densityLegend });
  }

  get skipLink(): Locator {
    return this.page.getByRole('link', { name: this.ui.skipToList, exact: true });
  }

  /** The buttons that move the map without dragging. */
  panButton(direction: 'north' | 'south' | 'east' | 'west'): Locator {
    return this.page
      .getByRole('group', { name: this.ui.pan, exact: true })
      .getByRole('button', { name: this.ui.panTo[direction] });
  }

  /** The sidebar; on a phone the bottom sheet. */
  get sheet(): Locator {
    return this.page.getByRole('complementary', { name: this.language === 'de' ? 'Orte' : 'Places', exact: true });
  }

  /** The phone's sheet handle; its name says what pressing it does next. */
  get sheetHandle(): Locator {
    return this.sheet.getByRole('button', { name: new RegExp(`^(${this.ui.sheetExpand}|${this.ui.sheetCollapse})$`) });
  }

  /**
   * Presses Tab (or Shift+Tab) until `target` has the focus, at most `max` times. Keyboard only: the
   * focus is never set from a script.
   */
  async tabTo(target: Locator, { backwards = false, max = 120 } = {}): Promise<number> {
    for (let presses = 1; presses <= max; presses += 1) {
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return presses;
    }
    throw new Error(`${backwards ? 'Shift+Tab' : 'Tab'} did not reach the target within ${max} presses.`);
  }
}

export type CategoryKey = 'science' | 'business' | 'culture' | 'civic' | 'urban';

export const CATEGORY_LABELS: Record<Language, Record<CategoryKey, string>> = {
  de: {
    science: 'Wissenschaft',
    business: 'Wirtschaft',
    culture: 'Kultur',
    civic: 'Zivilgesellschaft',
    urban: 'Stadtentwicklung',
  },
  en: {
    science: 'Science',
    business: 'Business',
    culture: 'Culture',
    civic: 'Civil society',
    urban: 'Urban development',
  },
};

/** What the exploring controls are called, in the resident's language (from src/i18n/messages.ts). */
export const UI_TEXT = {
  de: {
    search: 'Suche',
    category: 'Kategorie',
    status: 'Status',
    sector: 'Getragen von',
    moreFilters: 'Status und Träger',
    tags: 'Schlagworte',
    district: 'Stadtbezirk',
    showAll: 'Ganz Dortmund zeigen',
    sort: 'Sortieren nach',
    nearMe: 'In meiner Nähe',
    onlyVisible: 'Nur Orte im Kartenausschnitt',
    share: 'Link teilen',
    shareCopied: 'Link kopiert',
    density: 'Orte je km² zeigen',
    densityLegend: 'Orte je km² (nach aktuellen Filtern)',
    skipToList: 'Zur Liste der Orte springen',
    pan: 'Karte verschieben',
    panTo: {
      north: 'Nach Norden verschieben',
      south: 'Nach Süden verschieben',
      east: 'Nach Osten verschieben',
      west: 'Nach Westen verschieben',
    },
    sheetExpand: 'Liste vergrößern',
    sheetCollapse: 'Liste verkleinern',
    count: (count: number) => (count === 0 ? 'Keine Orte' : count === 1 ? '1 Ort' : `${count} Orte`),
  },
  en: {
    search: 'Search',
    category: 'Category',
    status: 'Status',
    sector: 'Driven by',
    moreFilters: 'Status and who drives it',
    tags: 'Tags',
    district: 'District',
    showAll: 'Show all of Dortmund',
    sort: 'Sort by',
    nearMe: 'Near me',
    onlyVisible: 'Only places in the map view',
    share: 'Share link',
    shareCopied: 'Link copied',
    density: 'Show places per km²',
    densityLegend: 'Places per km² (with current filters)',
    skipToList: 'Skip to the list of places',
    pan: 'Move the map',
    panTo: { north: 'Move north', south: 'Move south', east: 'Move east', west: 'Move west' },
    sheetExpand: 'Enlarge the list',
    sheetCollapse: 'Shrink the list',
    count: (count: number) => (count === 0 ? 'No places' : count === 1 ? '1 place' : `${count} places`),
  },
} as const;

/** An option label "Hörde (6)" for `label` with any count. */
export function optionWithCount(label: string): RegExp {
  return new RegExp(`^${escapeRegExp(label)} \\(\\d+\\)$`);
}

/** The count in an option label "Hörde (6)". */
export function countInLabel(label: string): number {
  const match = /\((\d+)\)\s*$/.exec(label);
  if (!match) throw new Error(`No count in "${label}"`);
  return Number(match[1]);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `test` with an `app` fixture. Every test runs without internet (as this machine is, and as a kiosk
 * may be) and fails if the page threw an uncaught error.
 */
export const test = base.extend<{ app: MapApp }>({
  // Named `provide`, not `use`: the React hooks lint rule would take `use(app)` for React's `use`.
  app: async ({ page }, provide) => {
    const app = new MapApp(page);
    app.blockedRequests = await blockExternalNetwork(page);
    await provide(app);
    expect(app.pageErrors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
