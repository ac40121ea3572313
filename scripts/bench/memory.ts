/**
 * Heap growth over filter-and-select cycles. After the map is ready and the page settled: the JS heap
 * after garbage collection; then N cycles, a settle, and the heap again (and once half-way, so a steady
 * leak can be told from caches that fill once).
 *
 * App cycle, through the UI: check a category, open one of the first places of the filtered list, close
 * it, uncheck the category. Each step waits for what the user would see (the details panel), not for the
 * map, so the cycles go at the pace of a quick user.
 * Floor cycle, the same map changes: the category filter, feature-state + jump to the same place, the
 * selection cleared, the filter removed. The floor shows what MapLibre itself keeps (its tile cache
 * fills as the camera visits new places), so the app's growth can be read against it.
 */
import type { Browser } from '@playwright/test';
import { heapAfterGc, openRunPage, pageNow, settle } from './browser.ts';
import { CATEGORY, CYCLE_PLACES, type InteractionPlan } from './plan.ts';
import { loadPage, type Target } from './runs.ts';
import type { BenchServer } from './server.ts';

export interface CycleSample {
  heapBefore: number | null;
  /** Heap after half the cycles. */
  heapMid: number | null;
  heapAfter: number | null;
  cycles: number;
  msPerCycle: number | null;
  errors: string[];
}

export interface CycleOptions {
  readyTimeoutMs: number;
  quietMs: number;
  timeoutMs: number;
}

export async function measureCycles(
  browser: Browser,
  target: Target,
  server: BenchServer,
  url: string,
  plan: InteractionPlan,
  cycles: number,
  options: CycleOptions,
): Promise<CycleSample> {
  const run = await openRunPage(browser, { watchData: target === 'app' });
  const { page, cdp } = run;
  const sample: CycleSample = {
    heapBefore: null,
    heapMid: null,
    heapAfter: null,
    cycles,
    msPerCycle: null,
    errors: [],
  };
  try {
    const load = await loadPage(page, target, server, {
      url,
      readyTimeoutMs: options.readyTimeoutMs,
      interactions: { quietMs: options.quietMs, timeoutMs: options.timeoutMs },
    });
    sample.errors.push(...load.errors);
    if (load.ready === null) return sample;

    const category = page.getByRole('checkbox', { name: new RegExp(`^${CATEGORY.label} \\(`) });
    const items = page.getByRole('region', { name: /^Orte\b/ }).getByRole('listitem');
    const details = page.getByRole('article');
    const close = page.getByRole('button', { name: 'Details schließen', exact: true });
    const floorCall = (body: string) => page.evaluate(`(() => { ${body}; })()`);
    const places = plan.cycleSelections;

    // The harness's own code lives in the page's heap too: Playwright injects a ~0.6 MB script (held as
    // a source string, plus its compiled code) the first time a locator is queried, and page.evaluate
    // compiles each call. Both are set up before the baseline, on both sides, by the same queries the
    // cycles make, which change nothing on the page; otherwise the app's first click counts them as
    // growth. (Measured: +645 kB of new source string alone in a heap-snapshot diff.)
    if (target === 'app') {
      for (const locator of [category, items, details, close]) await locator.count();
    } else {
      await page.locator('body').count();
    }
    await floorCall('void 0');
    sample.heapBefore = await heapAfterGc(cdp);

    /** One cycle; resolves with the page time just before its last map change. */
    const cycle = async (index: number): Promise<number> => {
      if (target === 'app') {
        // dispatchEvent: the click events and handlers of a pointer click, without Playwright's
        // actionability checks, which wait for animation frames (slow while SwiftShader draws).
        await category.dispatchEvent('click');
        await items
          .nth(index % CYCLE_PLACES)
          .getByRole('button')
          .dispatchEvent('click');
        await details.waitFor({ state: 'visible' });
        await close.dispatchEvent('click');
        await details.waitFor({ state: 'detached' });
        const before = await pageNow(page);
        await category.dispatchEvent('click');
        return before;
      }
      const place = places[index % Math.max(1, places.length)];
      await floorCall(`window.__floor.setFilter(${JSON.stringify(plan.categoryFilter)})`);
      if (place) await floorCall(`window.__floor.select(${JSON.stringify(place.id)}, ${JSON.stringify(place.lngLat)})`);
      await floorCall('window.__floor.select(null, null)');
      const before = await pageNow(page);
      await floorCall('window.__floor.setFilter(null)');
      return before;
    };

    const started = Date.now();
    for (let index = 0; index < cycles; index += 1) {
      const lastChange = await cycle(index);
      if (index + 1 === Math.floor(cycles / 2) || index + 1 === cycles) {
        // The user looks away: no focus or pointer left on a list item, whose hover highlight would keep
        // the app's map re-rendering. Then the map re-filters after the last step: let it finish.
        await page.mouse.move(1, 1);
        await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
        await settle(page, lastChange, options.quietMs, options.timeoutMs);
        if (index + 1 === cycles) sample.msPerCycle = (Date.now() - started) / cycles;
        const heap = await heapAfterGc(cdp);
        if (index + 1 === cycles) sample.heapAfter = heap;
        else sample.heapMid = heap;
      }
    }
  } catch (error) {
    sample.errors.push(`cycles: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await run.close();
  }
  return sample;
}
