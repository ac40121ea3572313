/**
 * `npm run soak`: the kiosk, used and left alone over and over, in headless Chromium, watching the
 * page's memory for leaks.
 *
 *   npm run soak -- --cycles 1000            the full soak (well over an hour)
 *   npm run soak -- --cycles 100             a quick run (no verdict: see --from)
 *   npm run soak -- --cycles 1000 --minutes 30   stops after the cycle that passes 30 minutes
 *   npm run soak -- --replot                 redraws soak.svg (and the verdict) from soak.csv
 *
 * Builds the app only when dist/ is missing, serves dist/ on 127.0.0.1, and opens
 * `/?mode=kiosk&basemap=offline` at 1080×1920 with a touch screen. One cycle is what a visitor and
 * then the kiosk itself do: tap the place in the middle of the map (the tour's first stop, where the
 * last cycle left the camera), open another place from the list and close it, tick a category,
 * switch to English, step away until the idle countdown runs out and the kiosk resets, watch a second
 * of the attract tour, and touch the screen.
 *
 * Every --every cycles (100) the page's garbage is collected (twice, through CDP) and the JS heap,
 * the DOM node count and the event-listener count are recorded. The results go to
 * bench-results/soak/soak.csv and soak.svg. The run fails (exit 1) when, from cycle --from (100) to
 * the last checkpoint, the heap grew by more than 2 MB or the DOM by more than 5 %, or when cycles
 * kept failing.
 *
 * Idle timing: the app accepts idleSeconds ≥ 5 in config.json. For a shorter idle (--idle 2, the
 * default) the config says 5 and the page's Date.now() is moved on by the difference right after the
 * cycle's last input, so the countdown starts after 2 s of real idle. The idle clock is the only user
 * of Date.now() for timing (MapLibre and React use performance.now()). --idle 5 or more needs no such
 * help.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.ts';
import { soakSvg, type Series } from './chart.ts';
import { startStaticServer, type StaticServer } from './server.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(REPO, 'dist');
const OUT_DIR = path.join(REPO, 'bench-results', 'soak');
const APP_MIN_IDLE_SECONDS = 5;
const HEAP_LIMIT_BYTES = 2 * 1024 * 1024;
const NODES_LIMIT_RATIO = 0.05;

// -------------------------------------------------------------------------------------------- options

const { values: flags } = parseArgs({
  options: {
    cycles: { type: 'string', default: '1000' },
    minutes: { type: 'string' },
    every: { type: 'string', default: '100' },
    from: { type: 'string', default: '100' },
    idle: { type: 'string', default: '2' },
    countdown: { type: 'string', default: '1' },
    'tour-ms': { type: 'string', default: '1000' },
    port: { type: 'string', default: '4190' },
    headed: { type: 'boolean', default: false },
    replot: { type: 'boolean', default: false },
  },
  strict: true,
});

function positiveNumber(name: string, text: string | undefined, integer = true): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be a positive ${integer ? 'whole ' : ''}number, not "${text}"`);
  }
  return value;
}

const options = {
  cycles: positiveNumber('cycles', flags.cycles),
  minutes: flags.minutes === undefined ? null : positiveNumber('minutes', flags.minutes, false),
  every: positiveNumber('every', flags.every),
  from: positiveNumber('from', flags.from),
  idleSeconds: positiveNumber('idle', flags.idle),
  countdownSeconds: positiveNumber('countdown', flags.countdown),
  tourMs: positiveNumber('tour-ms', flags['tour-ms']),
  port: Number(flags.port ?? 4190),
  headed: flags.headed ?? false,
  replot: flags.replot ?? false,
};
const configIdleSeconds = Math.max(APP_MIN_IDLE_SECONDS, options.idleSeconds);
const warpMs = (configIdleSeconds - options.idleSeconds) * 1000;

const started = Date.now();
const log = (message: string) =>
  console.log(`[soak ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}`);

// ---------------------------------------------------------------------------------------- app texts

interface TourFile {
  tours: { title: { de: string }; stops: { hotspot: string; caption: { de: string } }[] }[];
}
interface HotspotFile {
  features: { properties: { id: string; name: string } }[];
}

/** The texts a cycle looks for, from the data the build serves. */
async function readTexts() {
  const tours = JSON.parse(await readFile(path.join(DIST, 'data', 'tours.json'), 'utf8')) as TourFile;
  const hotspots = JSON.parse(await readFile(path.join(DIST, 'data', 'hotspots.geojson'), 'utf8')) as HotspotFile;
  const names = new Map(hotspots.features.map((feature) => [feature.properties.id, feature.properties.name]));
  const firstStop = tours.tours[0]?.stops[0];
  const firstStopName = firstStop ? names.get(firstStop.hotspot) : undefined;
  if (!firstStop || !firstStopName) throw new Error('dist/data/tours.json has no first stop at a known place');
  return {
    firstStopName,
    firstCaption: firstStop.caption.de,
    listPlaces: ['tu-dortmund', 'dortmunder-u', 'dezentrale', 'zeche-zollern', 'westfalenpark']
      .map((id) => names.get(id))
      .filter((name): name is string => typeof name === 'string'),
    categories: ['Wissenschaft', 'Wirtschaft', 'Kultur', 'Zivilgesellschaft', 'Stadtentwicklung'],
  };
}
type Texts = Awaited<ReturnType<typeof readTexts>>;

// ------------------------------------------------------------------------------------------ browser

/** Runs before the app: a Date.now() that the harness can move on (see "Idle timing" above). */
const INIT_SCRIPT = `(() => {
  const realNow = Date.now.bind(Date);
  let skew = 0;
  Date.now = () => realNow() + skew;
  window.__soakWarp = (ms) => { skew += ms; return skew; };
})();`;

interface Checkpoint {
  cycle: number;
  elapsedS: number;
  heapUsed: number;
  metricsHeapUsed: number;
  nodes: number;
  listeners: number;
  documents: number;
  failedCycles: number;
  mapMisses: number;
  msPerCycle: number | null;
}

async function measure(
  cdp: CDPSession,
): Promise<Omit<Checkpoint, 'cycle' | 'elapsedS' | 'failedCycles' | 'mapMisses' | 'msPerCycle'>> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((item) => item.name === name)?.value ?? Number.NaN;
  return {
    heapUsed: heap.usedSize,
    metricsHeapUsed: metric('JSHeapUsedSize'),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    documents: metric('Documents'),
  };
}

/** Milliseconds spent in each step of a cycle, summed over all cycles: where the time goes. */
const stepTotals = new Map<string, number>();
let stepMark = 0;
function step(name: string): void {
  const now = Date.now();
  if (name !== 'start') stepTotals.set(name, (stepTotals.get(name) ?? 0) + (now - stepMark));
  stepMark = now;
}

class Kiosk {
  readonly map: Locator;
  readonly title: Locator;
  readonly details: Locator;
  readonly detailsHeading: Locator;
  readonly closeDetails: Locator;
  readonly places: Locator;
  readonly toEnglish: Locator;

  constructor(
    readonly page: Page,
    readonly texts: Texts,
  ) {
    this.map = page.getByTestId('map');
    this.title = page.getByRole('heading', { level: 1 });
    this.details = page.getByRole('article');
    this.detailsHeading = this.details.getByRole('heading', { level: 2 });
    this.closeDetails = page.getByRole('button', { name: 'Details schließen', exact: true });
    this.places = page.getByRole('region', { name: /^Orte\b/ });
    this.toEnglish = page.getByRole('button', { name: 'Switch to English', exact: true });
  }

  /** A finger on the middle of an element (scrolled into view first, as a visitor would). */
  async tap(locator: Locator): Promise<void> {
    // One round trip instead of Playwright's actionability checks, which wait for animation frames
    // (slow while SwiftShader draws a 1080×1920 map). The finger itself is a real touch.
    const box = await locator.evaluate(
      (element) => {
        element.scrollIntoView({ block: 'nearest' });
        const rect = element.getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      },
      null,
      { timeout: 5000 },
    );
    if (box.width === 0 || box.height === 0) throw new Error('not on screen');
    await this.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** A touch that does nothing but tell the kiosk someone is there: the header title. */
  async touch(): Promise<void> {
    const box = await this.title.boundingBox({ timeout: 5000 });
    if (!box) throw new Error('no header title');
    await this.page.touchscreen.tap(box.x + 8, box.y + box.height / 2);
  }

  async waitFor(predicate: string, timeout: number): Promise<void> {
    await this.page.waitForFunction(predicate, null, { polling: 50, timeout }).catch((error: unknown) => {
      throw new Error(`waited ${timeout} ms for ${predicate.slice(0, 140)}: ${String(error).split('\n')[0]}`);
    });
  }

  tourShowing(): string {
    return `Array.from(document.querySelectorAll('p[lang="de"]')).some((p) => p.textContent === ${JSON.stringify(this.texts.firstCaption)})`;
  }

  /** Waits for the idle reset: German again, no category in the URL, and the tour's first caption. */
  async waitForResetAndTour(): Promise<void> {
    const timeout = (options.idleSeconds + options.countdownSeconds + 4) * 1000;
    await this.waitFor(
      `document.documentElement.lang === 'de' && !new URL(location.href).searchParams.has('category') && ${this.tourShowing()}`,
      timeout,
    );
  }

  /** One cycle. Returns whether the tap on the map hit the place in its middle. */
  async cycle(index: number): Promise<{ mapHit: boolean }> {
    const { page, texts } = this;
    step('start');
    // 1. The place in the middle of the map, where the tour left the camera.
    const mapBox = await this.map.boundingBox({ timeout: 5000 });
    if (!mapBox) throw new Error('no map on screen');
    await page.touchscreen.tap(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
    const mapHit = await this.detailsHeading
      .filter({ hasText: texts.firstStopName })
      .waitFor({ state: 'visible', timeout: 2500 })
      .then(
        () => true,
        () => false,
      );
    step('map tap');

    // 2. Another place from the list, and closed again.
    const name = texts.listPlaces[index % texts.listPlaces.length] ?? texts.firstStopName;
    await this.tap(
      this.places.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }),
    );
    await this.detailsHeading.filter({ hasText: name }).waitFor({ state: 'visible', timeout: 5000 });
    await this.tap(this.closeDetails);
    await this.details.waitFor({ state: 'detached', timeout: 5000 });
    // The app hands the focus back to the list item a frame later, which scrolls the sidebar: wait for
    // it, or the next tap would measure a target that is about to move.
    await this.waitFor(`document.activeElement?.textContent?.startsWith(${JSON.stringify(name)}) === true`, 5000);
    step('list open/close');

    // 3. A category.
    const category = texts.categories[index % texts.categories.length] ?? 'Kultur';
    await this.tap(page.getByRole('checkbox', { name: new RegExp(`^${category} \\(\\d+\\)$`) }));
    await this.waitFor(`new URL(location.href).searchParams.has('category')`, 5000);
    step('filter');

    // 4. English.
    await this.tap(this.toEnglish);
    await this.waitFor(`document.documentElement.lang === 'en'`, 5000);
    step('language');

    // 5. The visitor leaves: the countdown runs out and the kiosk resets itself into the tour.
    if (warpMs > 0) await page.evaluate(`window.__soakWarp(${warpMs})`);
    await this.waitForResetAndTour();
    step('idle reset');

    // 6. A second of the tour, then someone touches the screen and the tour stops.
    await page.waitForTimeout(options.tourMs);
    await this.touch();
    await this.waitFor(`!(${this.tourShowing()})`, 3000);
    step('tour and touch');
    return { mapHit };
  }
}

// --------------------------------------------------------------------------------------------- output

function toCsv(checkpoints: Checkpoint[]): string {
  const header = [
    'cycle',
    'elapsed_s',
    'js_heap_used_bytes',
    'js_heap_used_metrics_bytes',
    'dom_nodes',
    'js_event_listeners',
    'documents',
    'failed_cycles',
    'map_misses',
    'ms_per_cycle',
  ];
  const rows = checkpoints.map((point) =>
    [
      point.cycle,
      point.elapsedS.toFixed(1),
      point.heapUsed,
      point.metricsHeapUsed,
      point.nodes,
      point.listeners,
      point.documents,
      point.failedCycles,
      point.mapMisses,
      point.msPerCycle === null ? '' : point.msPerCycle.toFixed(0),
    ].join(','),
  );
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

interface Verdict {
  judged: boolean;
  from: Checkpoint | null;
  to: Checkpoint | null;
  heapGrowth: number;
  nodesGrowth: number;
  failures: string[];
}

function judge(checkpoints: Checkpoint[], cyclesRun: number, failedCycles: number): Verdict {
  const from = checkpoints.find((point) => point.cycle >= options.from) ?? null;
  const to = checkpoints[checkpoints.length - 1] ?? null;
  const failures: string[] = [];
  const judged = from !== null && to !== null && to.cycle > from.cycle;
  const heapGrowth = judged ? to.heapUsed - from.heapUsed : 0;
  const nodesGrowth = judged ? (to.nodes - from.nodes) / from.nodes : 0;
  if (judged && heapGrowth > HEAP_LIMIT_BYTES) {
    failures.push(
      `JS heap grew by ${mb(heapGrowth)} from cycle ${from.cycle} to ${to.cycle} (limit ${mb(HEAP_LIMIT_BYTES)})`,
    );
  }
  if (judged && nodesGrowth > NODES_LIMIT_RATIO) {
    failures.push(
      `DOM nodes grew by ${(nodesGrowth * 100).toFixed(1)} % from cycle ${from.cycle} to ${to.cycle} (limit ${NODES_LIMIT_RATIO * 100} %)`,
    );
  }
  if (cyclesRun === 0) failures.push('no cycle completed');
  else if (failedCycles > Math.max(2, cyclesRun * 0.01)) failures.push(`${failedCycles} of ${cyclesRun} cycles failed`);
  return { judged, from, to, heapGrowth, nodesGrowth, failures };
}

async function writeResults(checkpoints: Checkpoint[], verdict: Verdict, caption: string): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(path.join(OUT_DIR, 'soak.csv'), toCsv(checkpoints));
  const from = verdict.from;
  const series: Series[] = [
    {
      title: 'JS heap after GC',
      unit: 'MB',
      points: checkpoints.map((point) => [point.cycle, point.heapUsed / 1024 / 1024]),
      format: (value) => value.toFixed(1),
      ...(from
        ? {
            limit: {
              value: (from.heapUsed + HEAP_LIMIT_BYTES) / 1024 / 1024,
              label: `limit: +2 MB from ${from.cycle}`,
            },
          }
        : {}),
    },
    {
      title: 'DOM nodes',
      unit: 'count',
      points: checkpoints.map((point) => [point.cycle, point.nodes]),
      format: (value) => value.toFixed(0),
      integer: true,
      ...(from
        ? { limit: { value: from.nodes * (1 + NODES_LIMIT_RATIO), label: `limit: +5 % from ${from.cycle}` } }
        : {}),
    },
    {
      title: 'JS event listeners',
      unit: 'count',
      points: checkpoints.map((point) => [point.cycle, point.listeners]),
      format: (value) => value.toFixed(0),
      integer: true,
    },
  ];
  await writeFile(path.join(OUT_DIR, 'soak.svg'), soakSvg(series, caption));
}

// ----------------------------------------------------------------------------------------------- main

function ensureBuild(): void {
  if (existsSync(path.join(DIST, 'index.html'))) {
    log('using the existing build in dist/ (delete dist/ to rebuild)');
    return;
  }
  log('dist/ is missing: npm run build');
  const result = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error('the build failed');
}

function fromCsv(text: string): Checkpoint[] {
  const [, ...rows] = text.trim().split('\n');
  return rows.map((row) => {
    const cells = row.split(',');
    const number = (index: number) => Number(cells[index]);
    return {
      cycle: number(0),
      elapsedS: number(1),
      heapUsed: number(2),
      metricsHeapUsed: number(3),
      nodes: number(4),
      listeners: number(5),
      documents: number(6),
      failedCycles: number(7),
      mapMisses: number(8),
      msPerCycle: cells[9] ? number(9) : null,
    };
  });
}

/** `--replot`: the plot and the verdict again, from the last run's CSV. */
async function replot(): Promise<number> {
  const checkpoints = fromCsv(await readFile(path.join(OUT_DIR, 'soak.csv'), 'utf8'));
  const last = checkpoints[checkpoints.length - 1];
  const verdict = judge(checkpoints, last?.cycle ?? 0, last?.failedCycles ?? 0);
  const caption =
    `${last?.cycle ?? 0} cycles in ${((last?.elapsedS ?? 0) / 60).toFixed(1)} min (replotted from soak.csv); ` +
    (verdict.judged && verdict.from && verdict.to
      ? `cycle ${verdict.from.cycle}→${verdict.to.cycle}: heap ${verdict.heapGrowth >= 0 ? '+' : ''}${mb(verdict.heapGrowth)}, nodes ${(verdict.nodesGrowth * 100).toFixed(1)} %`
      : `not judged (needs checkpoints after cycle ${options.from})`) +
    `; ${verdict.failures.length ? 'FAIL' : 'pass'}`;
  await writeResults(checkpoints, verdict, caption);
  console.log(caption);
  return verdict.failures.length ? 1 : 0;
}

async function main(): Promise<number> {
  if (options.replot) return replot();
  ensureBuild();
  const texts = await readTexts();
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  const checkpoints: Checkpoint[] = [];
  const pageErrors: string[] = [];
  let cyclesRun = 0;
  let failedCycles = 0;
  let mapMisses = 0;
  let consecutiveFailures = 0;
  let crashed = false;
  let stoppedBy = 'cycles';
  const cycleTimes: number[] = [];

  try {
    server = await startStaticServer(DIST, options.port);
    log(
      `serving dist/ at ${server.url}; ${options.cycles} cycles${options.minutes ? ` or ${options.minutes} min` : ''}, ` +
        `idle ${options.idleSeconds} s (config ${configIdleSeconds} s${warpMs ? `, clock moved ${warpMs / 1000} s` : ''}), ` +
        `countdown ${options.countdownSeconds} s, tour ${options.tourMs} ms, checkpoint every ${options.every}`,
    );
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: !options.headed });
    const context = await browser.newContext({
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      // Camera moves are jumps: a cycle does not wait for animations, and the tour stop is exact.
      reducedMotion: 'reduce',
      // The worker would answer config.json itself, past the route below.
      serviceWorkers: 'block',
    });
    await context.addInitScript(INIT_SCRIPT);
    // Only this machine: anything else is refused before it leaves the browser.
    await context.route(
      (url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol),
      (route) => route.abort('internetdisconnected'),
    );
    await context.route('**/config.json', (route) =>
      route.fulfill({
        json: {
          kiosk: { idleSeconds: configIdleSeconds, countdownSeconds: options.countdownSeconds, tour: true },
        },
      }),
    );
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('crash', () => {
      crashed = true;
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const kiosk = new Kiosk(page, texts);

    await page.goto(`${server.url}/?mode=kiosk&basemap=offline`);
    await page.getByTestId('map').and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 120_000 });
    log('map ready; warm-up: one idle reset and the tour, so every cycle starts at the first tour stop');
    await kiosk.touch();
    if (warpMs > 0) await page.evaluate(`window.__soakWarp(${warpMs})`);
    await kiosk.waitForResetAndTour();
    await page.waitForTimeout(options.tourMs);
    await kiosk.touch();
    await kiosk.waitFor(`!(${kiosk.tourShowing()})`, 3000);

    const checkpoint = async (cycle: number) => {
      await page.waitForTimeout(300);
      const recent = cycleTimes.slice(-options.every);
      const point: Checkpoint = {
        cycle,
        elapsedS: (Date.now() - started) / 1000,
        ...(await measure(cdp)),
        failedCycles,
        mapMisses,
        msPerCycle: recent.length ? recent.reduce((sum, ms) => sum + ms, 0) / recent.length : null,
      };
      checkpoints.push(point);
      log(
        `checkpoint ${cycle}: heap ${mb(point.heapUsed)}, ${point.nodes} nodes, ${point.listeners} listeners` +
          (point.msPerCycle ? `, ${(point.msPerCycle / 1000).toFixed(2)} s/cycle` : ''),
      );
    };
    await checkpoint(0);

    const deadline = options.minutes === null ? Infinity : started + options.minutes * 60_000;
    for (let index = 0; index < options.cycles; index += 1) {
      if (Date.now() >= deadline) {
        stoppedBy = `the ${options.minutes}-minute cap`;
        break;
      }
      if (crashed) {
        stoppedBy = 'a page crash';
        break;
      }
      const cycleStart = Date.now();
      try {
        const { mapHit } = await kiosk.cycle(index);
        if (!mapHit) mapMisses += 1;
        consecutiveFailures = 0;
      } catch (error) {
        failedCycles += 1;
        consecutiveFailures += 1;
        log(`cycle ${index + 1} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        if (consecutiveFailures >= 5) {
          stoppedBy = '5 failed cycles in a row';
          cyclesRun = index + 1;
          break;
        }
        // Back to a known state: the Home button, then the tour once more, then a touch.
        await kiosk.touch().catch(() => undefined);
        await page
          .getByRole('button', { name: /^(Start|Home)$/ })
          .click({ timeout: 5000 })
          .catch(() => undefined);
        await kiosk.waitForResetAndTour().catch(() => undefined);
        await kiosk.touch().catch(() => undefined);
      }
      cyclesRun = index + 1;
      cycleTimes.push(Date.now() - cycleStart);
      if (cyclesRun % 10 === 0) {
        const recent = cycleTimes.slice(-10);
        log(
          `cycle ${cyclesRun}/${options.cycles}: ${(recent.reduce((sum, ms) => sum + ms, 0) / recent.length / 1000).toFixed(2)} s/cycle, ` +
            `map misses ${mapMisses}, failed ${failedCycles}`,
        );
      }
      if (cyclesRun % options.every === 0) await checkpoint(cyclesRun);
    }
    if (!crashed && cyclesRun > 0 && checkpoints[checkpoints.length - 1]?.cycle !== cyclesRun)
      await checkpoint(cyclesRun);
  } catch (error) {
    log(`the soak stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    stoppedBy = 'an error';
    failedCycles += 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close();
  }

  const verdict = judge(checkpoints, cyclesRun, failedCycles);
  if (crashed) verdict.failures.push('the page crashed');
  if (stoppedBy === 'an error' || stoppedBy.startsWith('5 failed')) verdict.failures.push(`stopped by ${stoppedBy}`);
  if (pageErrors.length > 0)
    verdict.failures.push(`${pageErrors.length} uncaught page errors, first: ${pageErrors[0]}`);
  const totalS = (Date.now() - started) / 1000;
  const meanCycle = cycleTimes.length ? cycleTimes.reduce((sum, ms) => sum + ms, 0) / cycleTimes.length / 1000 : 0;
  const caption =
    `${cyclesRun} cycles (${options.cycles} asked, stopped by ${stoppedBy}), ${meanCycle.toFixed(2)} s/cycle; ` +
    (verdict.judged && verdict.from && verdict.to
      ? `cycle ${verdict.from.cycle}→${verdict.to.cycle}: heap ${verdict.heapGrowth >= 0 ? '+' : ''}${mb(verdict.heapGrowth)}, nodes ${(verdict.nodesGrowth * 100).toFixed(1)} %`
      : `not judged (needs checkpoints after cycle ${options.from})`) +
    `; ${verdict.failures.length ? 'FAIL' : 'pass'}`;
  await writeResults(checkpoints, verdict, caption);

  const first = checkpoints[0];
  const last = checkpoints[checkpoints.length - 1];
  console.log('\nSoak summary');
  console.log(
    `  cycles run        ${cyclesRun} of ${options.cycles} (stopped by ${stoppedBy}) in ${(totalS / 60).toFixed(1)} min`,
  );
  console.log(`  time per cycle    ${meanCycle.toFixed(2)} s (mean)`);
  if (cycleTimes.length > 0) {
    const steps = [...stepTotals.entries()].map(
      ([name, ms]) => `${name} ${(ms / cycleTimes.length / 1000).toFixed(2)}`,
    );
    console.log(`  per step (s)      ${steps.join(', ')}`);
  }
  console.log(
    `  failed cycles     ${failedCycles}; map taps that missed the place: ${mapMisses}; page errors: ${pageErrors.length}`,
  );
  if (first && last) {
    console.log(
      `  JS heap           ${mb(first.heapUsed)} at cycle ${first.cycle} → ${mb(last.heapUsed)} at cycle ${last.cycle}`,
    );
    console.log(`  DOM nodes         ${first.nodes} → ${last.nodes}`);
    console.log(`  event listeners   ${first.listeners} → ${last.listeners}`);
  }
  if (verdict.judged && verdict.from && verdict.to) {
    console.log(
      `  from cycle ${verdict.from.cycle} to ${verdict.to.cycle}: heap ${verdict.heapGrowth >= 0 ? '+' : ''}${mb(verdict.heapGrowth)} ` +
        `(limit +${mb(HEAP_LIMIT_BYTES)}), DOM nodes ${(verdict.nodesGrowth * 100).toFixed(1)} % (limit +${NODES_LIMIT_RATIO * 100} %)`,
    );
  } else {
    console.log(
      `  growth not judged: it needs a checkpoint after cycle ${options.from} (run more cycles, or pass --from)`,
    );
  }
  console.log(
    `  results           ${path.relative(REPO, path.join(OUT_DIR, 'soak.csv'))}, ${path.relative(REPO, path.join(OUT_DIR, 'soak.svg'))}`,
  );
  console.log(`  verdict           ${verdict.failures.length ? `FAIL: ${verdict.failures.join('; ')}` : 'pass'}`);
  return verdict.failures.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
