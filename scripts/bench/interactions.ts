/**
 * The four interactions, done the way a resident does them in the app (through roles and labels) and
 * as the equivalent bare map operation in the floor. For each: the longest main-thread task (from the
 * first input event until the page settled) and the time from the last input event until the map's
 * last `map-idle` before it settled. Each is then undone (category unticked, search cleared, all
 * districts, details closed), and the longest task of the undo is recorded too: a resident clears a
 * search as often as they type one.
 *
 * "Settled" means: a `map-idle` mark after the input, then quietMs without another mark or long task.
 * The quiet window is longer than the app's 250 ms search-to-map delay, so a deferred map update is
 * never missed. A map that keeps re-rendering (idle events without end) is flagged `continuous`, and
 * its first idle after the input counts. After each interaction the page is watched for 1 s more, and
 * the rate of further idle events is recorded: a map at rest fires none.
 */
import type { Locator, Page } from '@playwright/test';
import { idleRate, maxTask, pageNow, settle } from './browser.ts';
import { CATEGORY, DISTRICT, LIST_INDEX, SEARCH_QUERY, type InteractionPlan } from './plan.ts';

export const INTERACTIONS = ['category', 'search', 'district', 'select'] as const;
export type InteractionName = (typeof INTERACTIONS)[number];

export const INTERACTION_LABELS: Record<InteractionName, string> = {
  category: `toggle category "${CATEGORY.label}"`,
  search: `type search "${SEARCH_QUERY}"`,
  district: `choose district "${DISTRICT}"`,
  select: `select list item #${LIST_INDEX + 1}`,
};

export const UNDO_LABELS: Record<InteractionName, string> = {
  category: 'untick the category',
  search: 'clear the search',
  district: 'back to all districts',
  select: 'close the details',
};

export interface InteractionSample {
  /** Longest long task (ms) in the window; 0 when no task reached 50 ms. */
  maxTask: number;
  longTasks: number;
  /** ms from the last input event (floor: the call) until the map's last idle; null on timeout. */
  toIdle: number | null;
  timedOut: boolean;
  /** How many `map-idle` marks the map fired in the window. */
  idles: number;
  /** The map never stayed quiet: it kept firing idle events (toIdle is then its first idle). */
  continuous: boolean;
  /** `map-idle` events per second in the 1 s after the page settled, left alone (0 for a map at rest). */
  idleRateAfter: number;
  /** Longest long task (ms) while the interaction was undone, until the page settled again. */
  undoMaxTask: number;
}

export interface InteractionOptions {
  quietMs: number;
  timeoutMs: number;
}

/** How long the page is watched after each interaction for further map renders. */
const AFTER_WINDOW_MS = 1000;

interface Started {
  tFirst: number;
  tLast: number;
}

interface Driver {
  act: (name: InteractionName) => Promise<Started>;
  reset: (name: InteractionName) => Promise<Started>;
}

async function withInputTimes(page: Page, action: () => Promise<void>): Promise<Started> {
  const before = await pageNow(page);
  await page.evaluate('window.__bench.inputs = []; window.__bench.armed = true;');
  await action();
  const inputs = (await page.evaluate('window.__bench.armed = false; window.__bench.inputs.slice()')) as number[];
  if (inputs.length === 0) return { tFirst: before, tLast: before };
  return { tFirst: Math.min(...inputs), tLast: Math.max(...inputs) };
}

export function appDriver(page: Page): Driver & { selectedId: () => Promise<string | null> } {
  const category = page.getByRole('checkbox', { name: new RegExp(`^${CATEGORY.label} \\(`) });
  const search = page.getByRole('searchbox', { name: 'Suche', exact: true });
  const district = page.getByRole('combobox', { name: 'Stadtbezirk', exact: true });
  const listItem: Locator = page
    .getByRole('region', { name: /^Orte\b/ })
    .getByRole('listitem')
    .nth(LIST_INDEX)
    .getByRole('button');
  const closeDetails = page.getByRole('button', { name: 'Details schließen', exact: true });
  let selected: string | null = null;
  return {
    act: (name) =>
      withInputTimes(page, async () => {
        if (name === 'category') await category.click();
        else if (name === 'search') await search.pressSequentially(SEARCH_QUERY, { delay: 60 });
        else if (name === 'district') await district.selectOption(DISTRICT);
        else {
          selected = await listItem.getAttribute('data-hotspot-id');
          await listItem.click();
        }
      }),
    reset: (name) =>
      withInputTimes(page, async () => {
        if (name === 'category') await category.click();
        else if (name === 'search') await search.fill('');
        else if (name === 'district') await district.selectOption('');
        else await closeDetails.click();
      }),
    selectedId: async () => selected,
  };
}

export function floorDriver(page: Page, plan: InteractionPlan): Driver {
  const call = async (body: string): Promise<Started> => {
    const t = (await page.evaluate(`(() => { const t = performance.now(); ${body}; return t; })()`)) as number;
    return { tFirst: t, tLast: t };
  };
  const filter = (value: unknown) => `window.__floor.setFilter(${JSON.stringify(value)})`;
  return {
    act: (name) => {
      if (name === 'category') return call(filter(plan.categoryFilter));
      if (name === 'search') return call(filter(plan.searchFilter));
      if (name === 'district') {
        return call(`${filter(plan.districtFilter)}; window.__floor.fitBounds(${JSON.stringify(plan.districtBBox)})`);
      }
      return call(`window.__floor.select(${JSON.stringify(plan.select.id)}, ${JSON.stringify(plan.select.lngLat)})`);
    },
    reset: (name) => (name === 'select' ? call('window.__floor.select(null, null)') : call(filter(null))),
  };
}

/** Runs every interaction once on a loaded, settled page, and undoes each before the next. */
export async function runInteractions(
  page: Page,
  driver: Driver,
  options: InteractionOptions,
): Promise<Record<InteractionName, InteractionSample>> {
  const results = {} as Record<InteractionName, InteractionSample>;
  for (const name of INTERACTIONS) {
    const { tFirst, tLast } = await driver.act(name);
    const settled = await settle(page, tLast, options.quietMs, options.timeoutMs);
    const tasks = await maxTask(page, tFirst - 1, settled.now);
    const sample = {
      maxTask: tasks.max,
      longTasks: tasks.count,
      toIdle: settled.timedOut || settled.idleAt === null ? null : settled.idleAt - tLast,
      timedOut: settled.timedOut,
      idles: settled.idles,
      continuous: settled.continuous,
      idleRateAfter: await idleRate(page, AFTER_WINDOW_MS),
    };
    const beforeReset = await pageNow(page);
    const undo = await driver.reset(name);
    // Every undo changes the map too; wait for it, but not as long when something is off.
    const undone = await settle(page, undo.tLast, options.quietMs, Math.min(options.timeoutMs, 20_000));
    const undoTasks = await maxTask(page, Math.min(beforeReset, undo.tFirst) - 1, undone.now);
    results[name] = { ...sample, undoMaxTask: undoTasks.max };
  }
  return results;
}
