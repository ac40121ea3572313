/**
 * Browser plumbing for the benchmark: Debian's Chromium headless through Playwright, a fresh context
 * per run, and an init script that records long tasks, input times and (for the app) when the hotspot
 * data reached the page. Browser-side code is kept as plain JavaScript strings, so that the TypeScript
 * loader's helpers never end up inside page functions.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.ts';

export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Runs before any page script. `window.__bench` collects:
 * - longtasks: [startTime, duration] from a buffered `longtask` PerformanceObserver;
 * - inputs: event.timeStamp of every pointerdown/keydown/input/change while `armed`;
 * - dataAbsentAt / dataSeenAt: for the app, when its hotspot data reached the page;
 * and offers ready() (see waitForReady), settle() and maxTask().
 */
const INIT_SCRIPT = String.raw`
(() => {
  const bench = {
    longtasks: [],
    inputs: [],
    armed: false,
  };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longtasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    bench.longtaskError = String(error);
  }
  // When the page last sent work to a worker (MapLibre's tile and data requests). Such work ends in a
  // map render and idle; an idle from before it does not mean the map is done.
  bench.lastPost = 0;
  // When the page sent the hotspot source's data to MapLibre's worker: a message of MapLibre's type
  // 'LD' (MessageType.loadData) for the source 'hotspots'. The app's first idle after its data reached
  // the page can come before that (a map that was already up gets the data in a later task), and such an
  // idle has drawn no hotspots; see ready().
  bench.hotspotsSent = [];
  const postMessage = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...args) {
    bench.lastPost = performance.now();
    const message = args[0];
    if (message && message.type === 'LD' && message.data && message.data.source === 'hotspots') {
      bench.hotspotsSent.push(bench.lastPost);
    }
    return postMessage.apply(this, args);
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'change']) {
    window.addEventListener(type, (event) => {
      if (bench.armed) bench.inputs.push(event.timeStamp);
    }, { capture: true });
  }
  // When the app's hotspot data reached the page: polled every 10 ms, the last poll that found no sign
  // of it (dataAbsentAt) and the first that found one (dataSeenAt): the results count is filled, or a
  // list item is there. The store commit that fills them also hands the data to the map.
  bench.dataAbsentAt = 0;
  bench.dataSeenAt = null;
  if (__WATCH_DATA__) {
    const timer = setInterval(() => {
      const list = document.getElementById('hotspot-list');
      const counted = list && [...list.querySelectorAll('[aria-live]')].some((node) => node.textContent.trim() !== '');
      if (counted || document.querySelector('[data-hotspot-id]')) {
        bench.dataSeenAt = performance.now();
        clearInterval(timer);
      } else {
        bench.dataAbsentAt = performance.now();
      }
    }, 10);
  }
  // The map is ready when it has drawn the hotspots. The floor's sources are URLs, so its first idle
  // already waits for them ('map-ready'). The app fetches the data itself and hands it to the map later,
  // and its first idle can come before that (with large files it does). For the app, ready is the first
  // 'map-idle' after the hotspot data went to MapLibre's worker (until the worker has answered and the
  // tiles are drawn, the map cannot go idle), once the list shows the data. dataIn (the start of the
  // last long task between the last poll without data and the first with it, or that poll) is reported
  // as a detail.
  bench.ready = (afterData, timeoutMs) => new Promise((resolve) => {
    const check = () => {
      const mark = performance.getEntriesByName('map-ready')[0];
      const readyMark = mark ? mark.startTime : null;
      const entry = performance.getEntriesByType('resource')
        .find((item) => item.name.split('?')[0].endsWith('/data/hotspots.geojson') && item.responseEnd > 0);
      const dataAt = entry ? entry.responseEnd : null;
      let ready = null;
      let dataIn = null;
      let hotspotsSent = null;
      if (!afterData) {
        ready = readyMark;
      } else if (bench.dataSeenAt !== null) {
        dataIn = bench.dataAbsentAt;
        for (const [start, duration] of bench.longtasks) {
          if (start >= bench.dataAbsentAt && start + duration <= bench.dataSeenAt) dataIn = Math.max(dataIn, start);
        }
        // The first hand-over after the file arrived: the data cannot go before, and a later message for
        // the same source (the idle-time priming of updateData) would count an idle late. Not "after
        // dataIn": the commit that sends the data can come a task before the one that fills the list.
        hotspotsSent = dataAt === null ? null : (bench.hotspotsSent.find((time) => time >= dataAt) ?? null);
        const idle = hotspotsSent === null ? undefined : bench.idleMarks().find((time) => time > hotspotsSent);
        ready = idle === undefined ? null : idle;
      }
      if (ready !== null || performance.now() > timeoutMs) {
        resolve({ ready, readyMark, dataAt, dataIn, dataSeen: bench.dataSeenAt, hotspotsSent, timeOrigin: performance.timeOrigin });
      } else {
        setTimeout(check, 20);
      }
    };
    check();
  });
  // Recorded as they come: the app keeps only its latest 'map-idle' mark in the timeline (a kiosk runs
  // for weeks), so the timeline alone would not show every idle.
  bench.idles = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'map-idle') bench.idles.push(entry.startTime);
  }).observe({ type: 'mark', buffered: true });
  bench.idleMarks = () => bench.idles;
  // Settled: the map went idle after t0 (when needIdle) and then nothing happened for quietMs: no idle
  // mark, no long task, and no work sent to a worker after the last idle (or 3 s of complete quiet). A map that keeps re-rendering never gets quiet: loopCapMs after its first idle,
  // settle() gives up waiting, reports 'continuous' and takes that first idle as the idle time.
  bench.settle = (t0, quietMs, timeoutMs, needIdle, loopCapMs) => new Promise((resolve) => {
    const check = () => {
      const now = performance.now();
      const idles = bench.idleMarks().filter((time) => time > t0);
      const firstIdle = idles.length > 0 ? idles[0] : null;
      const lastIdle = idles.length > 0 ? idles[idles.length - 1] : null;
      let lastTaskEnd = 0;
      for (const [start, duration] of bench.longtasks) {
        if (start + duration > t0) lastTaskEnd = Math.max(lastTaskEnd, start + duration);
      }
      const lastActivity = Math.max(t0, lastIdle === null ? 0 : lastIdle, lastTaskEnd);
      // Work sent to a worker after the last idle is still pending, unless nothing at all happened for
      // long (a message that needs no answer).
      const pending = bench.lastPost > t0 && (lastIdle === null || bench.lastPost > lastIdle);
      const quietFor = now - Math.max(lastActivity, pending ? bench.lastPost : 0);
      const result = { idles: idles.length, firstIdle, now, continuous: false, timedOut: false };
      if ((lastIdle !== null || !needIdle) && now - lastActivity >= quietMs && (!pending || quietFor >= 3000)) {
        resolve({ ...result, idleAt: lastIdle });
      } else if (firstIdle !== null && loopCapMs > 0 && now - firstIdle > loopCapMs) {
        resolve({ ...result, idleAt: firstIdle, continuous: true });
      } else if (now - t0 > timeoutMs) {
        resolve({ ...result, idleAt: lastIdle, timedOut: true });
      } else {
        setTimeout(check, 20);
      }
    };
    check();
  });
  bench.maxTask = (from, to) => {
    let max = 0;
    let count = 0;
    for (const [start, duration] of bench.longtasks) {
      if (start + duration > from && start < to) {
        max = Math.max(max, duration);
        count += 1;
      }
    }
    return { max, count };
  };
})();
`;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}

export interface RunPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close: () => Promise<void>;
}

/** A fresh context (no cache, no storage) with the init script, reduced motion and German locale. */
export async function openRunPage(browser: Browser, options: { watchData: boolean }): Promise<RunPage> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    // Camera moves are instant under reduced motion, as in the e2e tests: the bench measures the app's
    // work, not a 900 ms flight animation. The floor jumps too.
    reducedMotion: 'reduce',
    colorScheme: 'light',
    serviceWorkers: 'block',
  });
  await context.addInitScript({ content: INIT_SCRIPT.replace('__WATCH_DATA__', String(options.watchData)) });
  // Loopback only: anything else (a basemap, fonts) is refused at once.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, close: () => context.close() };
}

/** JS heap of the page's main isolate after two forced collections (bytes). */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

export interface SettleResult {
  /** The last idle before the quiet window (or the first, when the map re-renders continuously). */
  idleAt: number | null;
  firstIdle: number | null;
  idles: number;
  /** The map kept firing idle events without a quiet window: it re-renders continuously. */
  continuous: boolean;
  timedOut: boolean;
  now: number;
}

/**
 * Waits in the page until nothing happened for quietMs: no `map-idle` mark and no long task. With
 * needIdle (the default), the map must also have gone idle at least once after t0. A map that keeps
 * firing idle events is given loopCapMs after its first one (see the init script).
 */
export async function settle(
  page: Page,
  t0: number,
  quietMs: number,
  timeoutMs: number,
  needIdle = true,
  loopCapMs = 5000,
): Promise<SettleResult> {
  return page.evaluate(
    `window.__bench.settle(${t0}, ${quietMs}, ${timeoutMs}, ${needIdle}, ${loopCapMs})`,
  ) as Promise<SettleResult>;
}

/** How many `map-idle` events per second the page fires while left alone for windowMs. */
export async function idleRate(page: Page, windowMs: number): Promise<number> {
  const from = await pageNow(page);
  await page.waitForTimeout(windowMs);
  const to = await pageNow(page);
  const marks = (await page.evaluate(
    `window.__bench.idleMarks().filter((time) => time > ${from} && time <= ${to}).length`,
  )) as number;
  return (marks * 1000) / Math.max(1, to - from);
}

export async function pageNow(page: Page): Promise<number> {
  return page.evaluate('performance.now()') as Promise<number>;
}

export async function maxTask(page: Page, from: number, to: number): Promise<{ max: number; count: number }> {
  return page.evaluate(`window.__bench.maxTask(${from}, ${to})`) as Promise<{ max: number; count: number }>;
}

export interface ReadyResult {
  /** ms from navigation start until the map had drawn the data; null on timeout. */
  ready: number | null;
  /** The page's own 'map-ready' mark (the map's first idle). */
  readyMark: number | null;
  /** App only: when the hotspot file's response ended. */
  dataAt: number | null;
  /** App only: the lower bound for the store commit that handed the data to the map. */
  dataIn: number | null;
  /** App only: the first poll that found the data in the page (results count or list items). */
  dataSeen: number | null;
  /** App only: when the hotspot data went to MapLibre's worker (its first `loadData` after the file
   * arrived); null if it never did. */
  hotspotsSent: number | null;
  /** performance.timeOrigin, to relate page times to the server's log. */
  timeOrigin: number;
}

/** Waits until the map has drawn the hotspots (see the init script's ready()). */
export async function waitForReady(page: Page, afterData: boolean, timeoutMs: number): Promise<ReadyResult> {
  return page.evaluate(`window.__bench.ready(${afterData}, ${timeoutMs})`) as Promise<ReadyResult>;
}

/** The first mark of this name (ms since navigation start), waiting for it up to timeoutMs. */
export async function waitForMark(page: Page, name: string, timeoutMs: number): Promise<number | null> {
  try {
    await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(name)}).length > 0`, undefined, {
      timeout: timeoutMs,
      polling: 50,
    });
  } catch {
    return null;
  }
  return page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)})[0].startTime`) as Promise<number>;
}
