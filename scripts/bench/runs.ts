/**
 * One measured run: a fresh browser context loads the app or the floor with one data set, waits until
 * the map has drawn the hotspots, lets the page settle, and then (as asked) takes the JS heap after
 * garbage collection, runs the interactions, or runs filter-and-select cycles for the memory figure.
 */
import type { Browser, Page } from '@playwright/test';
import { heapAfterGc, maxTask, openRunPage, pageNow, settle, waitForReady } from './browser.ts';
import {
  appDriver,
  floorDriver,
  runInteractions,
  type InteractionName,
  type InteractionOptions,
  type InteractionSample,
} from './interactions.ts';
import type { InteractionPlan } from './plan.ts';
import type { BenchServer, LogEntry } from './server.ts';

export type Target = 'app' | 'floor';

export interface LoadSample {
  /** ms from navigation start until the map had drawn the hotspots (see browser.ts ready()). */
  ready: number | null;
  /** The page's own `map-ready` mark: the map's first idle, with or without the data. */
  readyMark: number | null;
  /** App: when the hotspot file had arrived. */
  dataAt: number | null;
  /** App: when the data reached the page (lower bound of the store commit). */
  dataIn: number | null;
  /** App: the first poll that saw the data in the page (after parsing, validation and render). */
  dataSeen: number | null;
  /** App: when the hotspot data went to MapLibre's worker (see browser.ts ready()). */
  hotspotsSent: number | null;
  /** Longest main-thread task before ready, and between ready and settled. */
  loadMaxTask: number;
  afterReadyMaxTask: number;
  /** ms from ready until the page settled (no idle mark, no long task for the quiet window). */
  settleAfterReady: number | null;
  /** gzip bytes of JS and CSS the server sent by the time the map was ready. */
  jsBytes: number;
  cssBytes: number;
  scripts: string[];
  heap: number | null;
  errors: string[];
}

export interface RunOptions {
  url: string;
  readyTimeoutMs: number;
  interactions: InteractionOptions;
  withHeap: boolean;
  withInteractions: boolean;
  plan: InteractionPlan | null;
}

export interface RunResult {
  load: LoadSample;
  interactions: Record<InteractionName, InteractionSample> | null;
  /** App: the hotspot id the select interaction clicked (it should be the plan's). */
  selectedId: string | null;
}

const SCRIPT = /\.(m?js)$/;
const STYLE = /\.css$/;

function bytesUntil(log: readonly LogEntry[], cutoff: number) {
  const sent = log.filter((entry) => entry.at <= cutoff && entry.status === 200);
  const sum = (pattern: RegExp) =>
    sent.filter((entry) => pattern.test(entry.path)).reduce((total, entry) => total + entry.bytes, 0);
  return {
    jsBytes: sum(SCRIPT),
    cssBytes: sum(STYLE),
    scripts: sent.filter((entry) => SCRIPT.test(entry.path) || STYLE.test(entry.path)).map((entry) => entry.path),
  };
}

export async function loadPage(
  page: Page,
  target: Target,
  server: BenchServer,
  options: Pick<RunOptions, 'url' | 'readyTimeoutMs' | 'interactions'>,
): Promise<LoadSample> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  server.log.length = 0;
  await page.goto(options.url, { waitUntil: 'domcontentloaded', timeout: options.readyTimeoutMs });
  const ready = await waitForReady(page, target === 'app', options.readyTimeoutMs);
  const readyAt = ready.ready;
  const bytes = bytesUntil(server.log, ready.timeOrigin + (readyAt ?? Number.POSITIVE_INFINITY));
  let settleAfterReady: number | null = null;
  let afterReadyMaxTask = 0;
  if (readyAt !== null) {
    const settled = await settle(page, readyAt, options.interactions.quietMs, options.interactions.timeoutMs, false);
    settleAfterReady = settled.timedOut ? null : Math.max(0, settled.now - options.interactions.quietMs - readyAt);
    afterReadyMaxTask = (await maxTask(page, readyAt, settled.now)).max;
  } else {
    errors.push(
      target === 'app' && ready.dataSeen !== null && ready.hotspotsSent === null
        ? `the hotspots never went to the map within ${options.readyTimeoutMs} ms`
        : `map not ready within ${options.readyTimeoutMs} ms`,
    );
  }
  const loadMaxTask = (await maxTask(page, 0, readyAt ?? (await pageNow(page)))).max;
  return {
    ready: readyAt,
    readyMark: ready.readyMark,
    dataAt: ready.dataAt,
    dataIn: ready.dataIn,
    dataSeen: ready.dataSeen,
    hotspotsSent: ready.hotspotsSent,
    loadMaxTask,
    afterReadyMaxTask,
    settleAfterReady,
    ...bytes,
    heap: null,
    errors,
  };
}

export async function measureRun(
  browser: Browser,
  target: Target,
  server: BenchServer,
  options: RunOptions,
): Promise<RunResult> {
  const run = await openRunPage(browser, { watchData: target === 'app' });
  try {
    const load = await loadPage(run.page, target, server, options);
    if (load.ready === null) return { load, interactions: null, selectedId: null };
    if (options.withHeap) load.heap = await heapAfterGc(run.cdp);
    let interactions: RunResult['interactions'] = null;
    let selectedId: string | null = null;
    if (options.withInteractions && options.plan) {
      try {
        if (target === 'app') {
          const driver = appDriver(run.page);
          interactions = await runInteractions(run.page, driver, options.interactions);
          selectedId = await driver.selectedId();
        } else {
          interactions = await runInteractions(run.page, floorDriver(run.page, options.plan), options.interactions);
        }
      } catch (error) {
        load.errors.push(`interactions: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    return { load, interactions, selectedId };
  } finally {
    await run.close();
  }
}
