/**
 * `npm run bench`: builds the app and the floor page, serves both on 127.0.0.1 with real and synthetic
 * data, drives Debian's Chromium headless, and writes bench-results/bench.json and bench-results/bench.md.
 *
 * Every figure is a median over the runs (5 by default). App and floor runs alternate (A B A B) with a
 * fresh browser context each, and every speed figure is reported as a ratio against the floor measured
 * in the same bench: on a 2-core machine absolute times are noise, ratios much less so.
 *
 *   npm run bench                      full run (about 20 minutes on an idle 2-core machine)
 *   npm run bench -- --quick           fewer sizes and runs, no Lighthouse: a quick check
 *   npm run bench -- --runs 7          more runs per figure
 *   npm run bench -- --sizes 1000,10000 --interaction-sizes 10000 --no-lighthouse --no-build
 *   npm run bench -- --cycle-size 10000 --cycles 200
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { findChromium } from '../lib/chromium.ts';
import { launchBrowser, VIEWPORT } from './browser.ts';
import { buildBytes, type BuildBytes } from './bytes.ts';
import { INTERACTION_LABELS, INTERACTIONS, UNDO_LABELS, type InteractionSample } from './interactions.ts';
import { LIGHTHOUSE_VERSION, runLighthouse, type LighthouseSample } from './lighthouse.ts';
import { measureCycles, type CycleSample } from './memory.ts';
import { planFor, type InteractionPlan } from './plan.ts';
import { markdownTable, row, type Row } from './report.ts';
import { measureRun, type RunResult, type Target } from './runs.ts';
import { startServer, type BenchServer } from './server.ts';
import { median, pairedRatio, ratioOf } from './stats.ts';
import { BENCH_RESULTS_DIR, readInputs, realDataset, syntheticDataset, type Dataset } from './synthetic.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const APP_DIST = path.join(REPO, 'dist');
const FLOOR_DIST = path.join(BENCH_RESULTS_DIR, 'floor-dist');
const DATA_DIR = path.join(REPO, 'data');
const TARGETS: readonly Target[] = ['app', 'floor'];

// ---------------------------------------------------------------------------------------------- options

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    sizes: { type: 'string' },
    'interaction-sizes': { type: 'string' },
    'cycle-size': { type: 'string' },
    cycles: { type: 'string' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
  strict: true,
});

const list = (text: string | undefined, fallback: number[]) =>
  text === undefined
    ? fallback
    : text
        .split(',')
        .map((item) => Number(item.trim()))
        .filter((n) => Number.isInteger(n) && n > 0);

const quick = flags.quick ?? false;
const options = {
  quick,
  runs: Math.max(1, Number(flags.runs ?? (quick ? 3 : 5)) || 5),
  sizes: list(flags.sizes, quick ? [10_000] : [1_000, 10_000, 100_000]),
  interactionSizes: list(flags['interaction-sizes'], quick ? [10_000] : [10_000, 100_000]),
  /** 0 = the real data. */
  cycleSize: Number(flags['cycle-size'] ?? 0) || 0,
  cycles: Math.max(2, Number(flags.cycles ?? (quick ? 50 : 200)) || 200),
  lighthouse: !quick && !flags['no-lighthouse'],
  build: !flags['no-build'],
  readyTimeoutMs: 180_000,
  interactions: { quietMs: 400, timeoutMs: 60_000 },
};

// ---------------------------------------------------------------------------------------------- helpers

const benchStarted = Date.now();
const elapsed = () => `${((Date.now() - benchStarted) / 1000).toFixed(0).padStart(4)} s`;
const log = (message: string) => console.log(`[bench ${elapsed()}] ${message}`);

function build(label: string, args: string[]): void {
  log(`building ${label}`);
  const result = spawnSync('npx', args, { cwd: REPO, encoding: 'utf8', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${label} build failed (npx ${args.join(' ')})`);
  }
}

function gitInfo(): { commit: string; dirtyFiles: number } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    return { commit, dirtyFiles: status.split('\n').filter(Boolean).length };
  } catch {
    return { commit: 'unknown', dirtyFiles: 0 };
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync(findChromium(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

const sizeLabel = (dataset: Dataset) =>
  dataset.name === 'real' ? `real data (${dataset.size})` : `${dataset.size.toLocaleString('en-US')} synthetic`;

// ---------------------------------------------------------------------------------------------- main

interface LoadPairs {
  dataset: Dataset;
  app: RunResult[];
  floor: RunResult[];
  plan: InteractionPlan | null;
}

async function main(): Promise<void> {
  const errors: string[] = [];
  const loadStart = loadavg()[0] ?? 0;
  log(
    `options: runs ${options.runs}, sizes real+${options.sizes.join(',')}, interactions at ${options.interactionSizes.join(',') || 'none'}, ` +
      `${options.cycles} cycles at ${options.cycleSize || 'real'}, lighthouse ${options.lighthouse ? 'on' : 'off'}${quick ? ' (quick)' : ''}`,
  );
  if (loadStart > cpus().length) {
    log(`warning: load average ${loadStart.toFixed(1)} on ${cpus().length} cores; absolute times will be noisy`);
  }

  if (options.build) {
    build('the app (vite build)', ['vite', 'build', '--logLevel', 'warn']);
    build('the floor (scripts/bench/vite.floor.config.ts)', [
      'vite',
      'build',
      '--config',
      'scripts/bench/vite.floor.config.ts',
    ]);
  }
  const appBytes = await buildBytes(APP_DIST);
  const floorBytes = await buildBytes(FLOOR_DIST);

  // Data sets: the real file and the synthetic ones (generated and validated once, then cached).
  const inputs = await readInputs();
  const datasets: Dataset[] = [await realDataset()];
  const allSizes = [
    ...new Set([...options.sizes, ...options.interactionSizes, ...(options.cycleSize ? [options.cycleSize] : [])]),
  ].sort((a, b) => a - b);
  for (const size of allSizes) {
    const dataset = await syntheticDataset(size, inputs);
    log(
      `data: ${size} hotspots ${dataset.generatedMs ? `generated in ${Math.round(dataset.generatedMs)} ms` : '(cached)'}`,
    );
    datasets.push(dataset);
  }
  const loadDatasets = datasets.filter(
    (d) => d.name === 'real' || options.sizes.includes(d.size) || options.interactionSizes.includes(d.size),
  );

  // One server per build and data set: the app reads /data/hotspots.geojson relative to its base.
  const servers = new Map<string, BenchServer>();
  const serverFor = async (target: Target, dataset: Dataset) => {
    const key = `${target}:${dataset.name}`;
    let server = servers.get(key);
    if (!server) {
      server = await startServer({
        root: target === 'app' ? APP_DIST : FLOOR_DIST,
        dataDir: DATA_DIR,
        hotspotsFile: dataset.file,
      });
      servers.set(key, server);
    }
    return server;
  };
  const urlFor = (target: Target, server: BenchServer) => `${server.url}/${target === 'app' ? '?basemap=offline' : ''}`;

  let browser: Browser = await launchBrowser();
  const ensureBrowser = async () => {
    if (!browser.isConnected()) {
      log('the browser went away; starting a new one');
      browser = await launchBrowser();
    }
    return browser;
  };

  const pairs: LoadPairs[] = [];
  const cycleSamples: Record<Target, CycleSample[]> = { app: [], floor: [] };
  const lighthouse: Record<Target, LighthouseSample[]> = { app: [], floor: [] };
  try {
    // Warm-up: the first page a fresh browser loads pays for starting its GPU (SwiftShader) process.
    for (const target of TARGETS) {
      const server = await serverFor(target, datasets[0]!);
      await measureRun(await ensureBrowser(), target, server, {
        url: urlFor(target, server),
        readyTimeoutMs: options.readyTimeoutMs,
        interactions: options.interactions,
        withHeap: false,
        withInteractions: false,
        plan: null,
      }).catch((error: unknown) => errors.push(`warm-up ${target}: ${String(error)}`));
    }

    for (const dataset of loadDatasets) {
      const interact = dataset.name !== 'real' && options.interactionSizes.includes(dataset.size);
      const plan = interact ? await planFor(dataset.file) : null;
      const pair: LoadPairs = { dataset, app: [], floor: [], plan };
      pairs.push(pair);
      for (let index = 0; index < options.runs; index += 1) {
        for (const target of TARGETS) {
          const server = await serverFor(target, dataset);
          let result: RunResult;
          try {
            result = await measureRun(await ensureBrowser(), target, server, {
              url: urlFor(target, server),
              readyTimeoutMs: options.readyTimeoutMs,
              interactions: options.interactions,
              withHeap: true,
              withInteractions: interact,
              plan,
            });
          } catch (error) {
            const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
            result = {
              load: {
                ready: null,
                readyMark: null,
                dataAt: null,
                dataIn: null,
                dataSeen: null,
                hotspotsSent: null,
                loadMaxTask: 0,
                afterReadyMaxTask: 0,
                settleAfterReady: null,
                jsBytes: 0,
                cssBytes: 0,
                scripts: [],
                heap: null,
                errors: [`run failed: ${message ?? ''}`],
              },
              interactions: null,
              selectedId: null,
            };
          }
          pair[target].push(result);
          for (const error of result.load.errors)
            errors.push(`${sizeLabel(dataset)} ${target} run ${index + 1}: ${error}`);
          const ready = result.load.ready === null ? 'timeout' : `${Math.round(result.load.ready)} ms`;
          log(
            `${sizeLabel(dataset)} ${target} run ${index + 1}/${options.runs}: ready ${ready}${result.interactions ? ', interactions done' : ''}`,
          );
        }
      }
      if (plan) {
        const clicked = pair.app.map((run) => run.selectedId).find((id) => id !== null);
        if (clicked && clicked !== plan.select.id) {
          errors.push(
            `${sizeLabel(dataset)}: the app's list item #3 was ${clicked}, the floor selected ${plan.select.id}`,
          );
        }
      }
    }

    // Memory: heap growth over filter-and-select cycles, app and floor alternating.
    const cycleDataset = options.cycleSize
      ? datasets.find((d) => d.size === options.cycleSize && d.name !== 'real')
      : datasets[0];
    if (cycleDataset) {
      const plan = await planFor(cycleDataset.file);
      for (let index = 0; index < options.runs; index += 1) {
        for (const target of TARGETS) {
          const server = await serverFor(target, cycleDataset);
          const sample = await measureCycles(
            await ensureBrowser(),
            target,
            server,
            urlFor(target, server),
            plan,
            options.cycles,
            {
              readyTimeoutMs: options.readyTimeoutMs,
              ...options.interactions,
            },
          );
          cycleSamples[target].push(sample);
          for (const error of sample.errors) errors.push(`cycles ${target} run ${index + 1}: ${error}`);
          const growth =
            sample.heapAfter !== null && sample.heapBefore !== null
              ? (sample.heapAfter - sample.heapBefore) / 1e6
              : null;
          log(
            `memory ${target} run ${index + 1}/${options.runs}: ${options.cycles} cycles, growth ` +
              `${growth === null ? 'no data' : `${growth.toFixed(2)} MB`}, ${Math.round(sample.msPerCycle ?? 0)} ms per cycle`,
          );
        }
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }

  // Lighthouse, on the real data, app and floor alternating.
  if (options.lighthouse) {
    const lighthouseDir = path.join(BENCH_RESULTS_DIR, 'lighthouse');
    let unavailable: string | null = null;
    for (let index = 0; index < options.runs && !unavailable; index += 1) {
      for (const target of TARGETS) {
        const server = await serverFor(target, datasets[0]!);
        const sample = await runLighthouse(urlFor(target, server), lighthouseDir, `${target}-${index + 1}`);
        lighthouse[target].push(sample);
        if (sample.error) {
          errors.push(`lighthouse ${target} run ${index + 1}: ${sample.error}`);
          if (index === 0 && target === 'app') unavailable = sample.error;
        }
        log(
          `lighthouse ${target} run ${index + 1}/${options.runs}: ${sample.error ?? `perf ${sample.performance}, LCP ${Math.round(sample.lcp ?? 0)} ms, TBT ${Math.round(sample.tbt ?? 0)} ms`}`,
        );
        if (unavailable) break;
      }
    }
  }
  await Promise.all([...servers.values()].map((server) => server.close()));

  // ------------------------------------------------------------------------------------------ table
  const rows = buildRows({
    pairs,
    appBytes,
    floorBytes,
    cycleSamples,
    lighthouse,
    cycleDataset: options.cycleSize || null,
  });
  const misses = rows.filter((item) => item.result === 'MISS').length;
  const git = gitInfo();
  const meta = {
    date: new Date().toISOString(),
    commit: git.commit,
    uncommittedAppFiles: git.dirtyFiles,
    node: process.version,
    chromium: chromiumVersion(),
    lighthouse: options.lighthouse ? LIGHTHOUSE_VERSION : null,
    cpus: cpus().length,
    loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 },
    viewport: VIEWPORT,
    options,
    durationSeconds: Math.round((Date.now() - benchStarted) / 1000),
    misses,
  };
  const markdown = renderMarkdown(meta, rows, errors, pairs);
  await mkdir(BENCH_RESULTS_DIR, { recursive: true });
  await writeFile(
    path.join(BENCH_RESULTS_DIR, 'bench.json'),
    `${JSON.stringify(
      {
        meta,
        rows,
        errors,
        builds: { app: appBytes, floor: floorBytes },
        datasets: datasets.map(({ name, size, file }) => ({ name, size, file: path.relative(REPO, file) })),
        raw: {
          loads: pairs.map((pair) => ({
            dataset: pair.dataset.name,
            plan: pair.plan
              ? {
                  searchMatches: pair.plan.searchMatches,
                  select: pair.plan.select,
                  districtBBox: pair.plan.districtBBox,
                }
              : null,
            app: pair.app,
            floor: pair.floor,
          })),
          cycles: cycleSamples,
          lighthouse,
        },
      },
      null,
      2,
    )}\n`,
  );
  await writeFile(path.join(BENCH_RESULTS_DIR, 'bench.md'), markdown);
  console.log(`\n${markdown}`);
  log(`wrote bench-results/bench.json and bench-results/bench.md (${misses} budget misses)`);
}

// ---------------------------------------------------------------------------------------------- rows

function buildRows(input: {
  pairs: LoadPairs[];
  appBytes: BuildBytes;
  floorBytes: BuildBytes;
  cycleSamples: Record<Target, CycleSample[]>;
  lighthouse: Record<Target, LighthouseSample[]>;
  cycleDataset: number | null;
}): Row[] {
  const rows: Row[] = [];
  const { pairs, appBytes, floorBytes, cycleSamples, lighthouse } = input;

  // Map ready.
  for (const pair of pairs) {
    const label = sizeLabel(pair.dataset);
    const app = pair.app.map((run) => run.load.ready);
    const floor = pair.floor.map((run) => run.load.ready);
    const budget =
      pair.dataset.name === 'real' || pair.dataset.size === 10_000
        ? { text: '≤ 1.25× floor', on: 'ratio' as const, max: 1.25 }
        : pair.dataset.size === 100_000
          ? { text: '≤ 2× floor', on: 'ratio' as const, max: 2 }
          : null;
    rows.push(
      row({
        section: 'Map ready: navigation → first map idle with the hotspots drawn',
        figure: label,
        unit: 'ms',
        app: median(app),
        floor: median(floor),
        ratio: pairedRatio(app, floor),
        budget,
        runs: Math.min(app.length, floor.length),
      }),
    );
  }
  for (const pair of pairs) {
    const app = pair.app.map((run) => run.load.readyMark);
    rows.push(
      row({
        section: 'Load details',
        figure: `${sizeLabel(pair.dataset)}: the page's own \`map-ready\` mark (first idle)`,
        unit: 'ms',
        app: median(app),
        floor: median(pair.floor.map((run) => run.load.readyMark)),
        ratio: pairedRatio(
          app,
          pair.floor.map((run) => run.load.readyMark),
        ),
        budget: null,
        runs: app.length,
      }),
    );
    const dataAt = pair.app.map((run) => run.load.dataAt);
    const dataSeen = pair.app.map((run) => run.load.dataSeen);
    const hotspotsSent = pair.app.map((run) => run.load.hotspotsSent);
    rows.push(
      row({
        section: 'Load details',
        figure: `${sizeLabel(pair.dataset)}: app received the hotspot file (responseEnd)`,
        unit: 'ms',
        app: median(dataAt),
        floor: null,
        ratio: null,
        budget: null,
        runs: dataAt.length,
      }),
      row({
        section: 'Load details',
        figure: `${sizeLabel(pair.dataset)}: app shows the hotspots in its list (parsed, validated, rendered)`,
        unit: 'ms',
        app: median(dataSeen),
        floor: null,
        ratio: null,
        budget: null,
        runs: dataSeen.length,
      }),
      row({
        section: 'Load details',
        figure: `${sizeLabel(pair.dataset)}: app sent the hotspots to MapLibre's worker`,
        unit: 'ms',
        app: median(hotspotsSent),
        floor: null,
        ratio: null,
        budget: null,
        runs: hotspotsSent.length,
      }),
    );
    const appTask = pair.app.map((run) => run.load.loadMaxTask);
    const floorTask = pair.floor.map((run) => run.load.loadMaxTask);
    rows.push(
      row({
        section: 'Load details',
        figure: `${sizeLabel(pair.dataset)}: longest main-thread task before ready`,
        unit: 'ms',
        app: median(appTask),
        floor: median(floorTask),
        ratio: pairedRatio(appTask, floorTask),
        budget: null,
        runs: appTask.length,
      }),
    );
    const appHeap = pair.app.map((run) => run.load.heap);
    const floorHeap = pair.floor.map((run) => run.load.heap);
    rows.push(
      row({
        section: 'Load details',
        figure: `${sizeLabel(pair.dataset)}: JS heap after GC, map ready`,
        unit: 'bytes',
        app: median(appHeap),
        floor: median(floorHeap),
        ratio: ratioOf(median(appHeap), median(floorHeap)),
        budget: null,
        runs: appHeap.length,
      }),
    );
  }

  // Interactions.
  for (const pair of pairs.filter((item) => item.plan)) {
    const label = sizeLabel(pair.dataset);
    const taskBudget = pair.dataset.size >= 100_000 ? 100 : 50;
    for (const name of INTERACTIONS) {
      const pick = (runs: RunResult[], key: keyof InteractionSample) =>
        runs.map((run) => {
          const sample = run.interactions?.[name];
          if (!sample) return null;
          const value = sample[key];
          return typeof value === 'number' ? value : null;
        });
      const appTask = pick(pair.app, 'maxTask');
      const floorTask = pick(pair.floor, 'maxTask');
      rows.push(
        row({
          section: `Interactions at ${label}`,
          figure: `${INTERACTION_LABELS[name]}: longest task`,
          unit: 'ms',
          app: median(appTask),
          floor: median(floorTask),
          ratio: pairedRatio(appTask, floorTask),
          budget: { text: `≤ ${taskBudget} ms`, on: 'app', max: taskBudget },
          runs: appTask.length,
          ...(name === 'search' ? { note: `${pair.plan?.searchMatches ?? 0} matches` } : {}),
        }),
      );
      const appUndo = pick(pair.app, 'undoMaxTask');
      const floorUndo = pick(pair.floor, 'undoMaxTask');
      rows.push(
        row({
          section: `Interactions at ${label}`,
          figure: `${INTERACTION_LABELS[name]}, undone (${UNDO_LABELS[name]}): longest task`,
          unit: 'ms',
          app: median(appUndo),
          floor: median(floorUndo),
          ratio: pairedRatio(appUndo, floorUndo),
          budget: { text: `≤ ${taskBudget} ms`, on: 'app', max: taskBudget },
          runs: appUndo.length,
        }),
      );
      const appIdle = pick(pair.app, 'toIdle');
      const floorIdle = pick(pair.floor, 'toIdle');
      const continuous = pair.app.filter((run) => run.interactions?.[name]?.continuous).length;
      const idleNote = [
        name === 'search' ? 'from the last key; includes the app’s 250 ms search-to-map delay' : null,
        continuous > 0
          ? `app re-rendered without end in ${continuous} of ${pair.app.length} runs: its first idle`
          : null,
      ].filter(Boolean);
      rows.push(
        row({
          section: `Interactions at ${label}`,
          figure: `${INTERACTION_LABELS[name]}: time to map idle`,
          unit: 'ms',
          app: median(appIdle),
          floor: median(floorIdle),
          ratio: pairedRatio(appIdle, floorIdle),
          budget: null,
          runs: appIdle.length,
          ...(idleNote.length > 0 ? { note: idleNote.join('; ') } : {}),
        }),
      );
      const appRate = pick(pair.app, 'idleRateAfter');
      const floorRate = pick(pair.floor, 'idleRateAfter');
      if ((median(appRate) ?? 0) > 0.25 || (median(floorRate) ?? 0) > 0.25) {
        rows.push(
          row({
            section: `Interactions at ${label}`,
            figure: `${INTERACTION_LABELS[name]}: map renders afterwards, left alone for 1 s (idle events/s; 0 at rest)`,
            unit: 'rate',
            app: median(appRate),
            floor: median(floorRate),
            ratio: ratioOf(median(appRate), median(floorRate)),
            budget: null,
            runs: appRate.length,
          }),
        );
      }
    }
  }

  // Bytes.
  const realPair = pairs.find((pair) => pair.dataset.name === 'real');
  rows.push(
    row({
      section: 'Bytes (gzip, 1 kB = 1000 B)',
      figure: 'entry JS (index.html scripts + modulepreloads, not the low-priority map hints)',
      unit: 'bytes',
      app: appBytes.entryJs,
      floor: floorBytes.entryJs,
      ratio: ratioOf(appBytes.entryJs, floorBytes.entryJs),
      budget: { text: '≤ 120 kB', on: 'app', max: 120_000 },
      runs: 1,
    }),
    row({
      section: 'Bytes (gzip, 1 kB = 1000 B)',
      figure: 'map code hinted by index.html (modulepreload, fetchpriority low)',
      unit: 'bytes',
      app: appBytes.hintedJs,
      floor: floorBytes.hintedJs,
      ratio: null,
      budget: null,
      runs: 1,
    }),
    row({
      section: 'Bytes (gzip, 1 kB = 1000 B)',
      figure: 'entry CSS',
      unit: 'bytes',
      app: appBytes.entryCss,
      floor: floorBytes.entryCss,
      ratio: ratioOf(appBytes.entryCss, floorBytes.entryCss),
      budget: null,
      runs: 1,
    }),
  );
  if (realPair) {
    const appJs = median(realPair.app.map((run) => run.load.jsBytes || null));
    const floorJs = median(realPair.floor.map((run) => run.load.jsBytes || null));
    const appCss = median(realPair.app.map((run) => run.load.cssBytes || null));
    const floorCss = median(realPair.floor.map((run) => run.load.cssBytes || null));
    rows.push(
      row({
        section: 'Bytes (gzip, 1 kB = 1000 B)',
        figure: 'all JS transferred by map ready (incl. worker)',
        unit: 'bytes',
        app: appJs,
        floor: floorJs,
        ratio: ratioOf(appJs, floorJs),
        budget: { text: '≤ 1.2× floor', on: 'ratio', max: 1.2 },
        runs: realPair.app.length,
      }),
      row({
        section: 'Bytes (gzip, 1 kB = 1000 B)',
        figure: 'all CSS transferred by map ready',
        unit: 'bytes',
        app: appCss,
        floor: floorCss,
        ratio: ratioOf(appCss, floorCss),
        budget: null,
        runs: realPair.app.length,
      }),
    );
  }
  rows.push(
    row({
      section: 'Bytes (gzip, 1 kB = 1000 B)',
      figure: 'all JS in the build (every chunk)',
      unit: 'bytes',
      app: appBytes.allJs,
      floor: floorBytes.allJs,
      ratio: ratioOf(appBytes.allJs, floorBytes.allJs),
      budget: null,
      runs: 1,
    }),
  );

  // Lighthouse.
  if (lighthouse.app.length > 0 || lighthouse.floor.length > 0) {
    const lh = (target: Target, key: keyof Omit<LighthouseSample, 'failedAudits' | 'error'>) =>
      lighthouse[target].map((sample) => sample[key]);
    const section = `Lighthouse ${LIGHTHOUSE_VERSION}, mobile preset, real data`;
    const scoreRow = (figure: string, key: 'performance' | 'accessibility' | 'bestPractices', min?: number) => {
      const app = median(lh('app', key));
      const floor = median(lh('floor', key));
      rows.push(
        row({
          section,
          figure,
          unit: 'score',
          app,
          floor,
          ratio: ratioOf(app, floor),
          budget: min === undefined ? null : { text: `= ${min}`, on: 'app', min },
          runs: lighthouse.app.length,
        }),
      );
    };
    scoreRow('performance', 'performance');
    scoreRow('accessibility', 'accessibility', 100);
    scoreRow('best practices', 'bestPractices', 100);
    for (const [figure, key, budget] of [
      ['LCP', 'lcp', { text: '≤ 0.5× floor', on: 'ratio', max: 0.5 }],
      ['TBT', 'tbt', { text: '≤ 1.25× floor', on: 'ratio', max: 1.25 }],
      ['FCP', 'fcp', null],
    ] as const) {
      const app = lh('app', key);
      const floor = lh('floor', key);
      rows.push(
        row({
          section,
          figure,
          unit: 'ms',
          app: median(app),
          floor: median(floor),
          ratio: pairedRatio(app, floor),
          budget: budget ? { ...budget } : null,
          runs: app.length,
        }),
      );
    }
  } else {
    rows.push(
      row({
        section: 'Lighthouse',
        figure: 'not run (--quick or --no-lighthouse)',
        unit: 'score',
        app: null,
        floor: null,
        ratio: null,
        budget: null,
        runs: 0,
      }),
    );
  }

  // Memory.
  const hundredK = pairs.find((pair) => pair.dataset.size === 100_000 && pair.dataset.name !== 'real');
  if (hundredK) {
    const app = median(hundredK.app.map((run) => run.load.heap));
    const floor = median(hundredK.floor.map((run) => run.load.heap));
    rows.push(
      row({
        section: 'Memory (JS heap after GC, main thread)',
        figure: 'after loading 100,000 hotspots',
        unit: 'bytes',
        app,
        floor,
        ratio: ratioOf(app, floor),
        budget: null,
        runs: hundredK.app.length,
      }),
    );
  }
  if (cycleSamples.app.length > 0) {
    const cycles = cycleSamples.app[0]?.cycles ?? 0;
    const where = input.cycleDataset ? `${input.cycleDataset.toLocaleString('en-US')} synthetic` : 'real data';
    const section = `Memory: ${cycles} filter-and-select cycles (${where})`;
    const values = (target: Target, pick: (sample: CycleSample) => number | null) => cycleSamples[target].map(pick);
    const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? a - b : null);
    const memoryRow = (
      figure: string,
      unit: 'bytes' | 'ms',
      pick: (sample: CycleSample) => number | null,
      budget: Row['budget'] = null,
    ) => {
      const app = median(values('app', pick));
      const floor = median(values('floor', pick));
      rows.push(
        row({ section, figure, unit, app, floor, ratio: ratioOf(app, floor), budget, runs: cycleSamples.app.length }),
      );
    };
    memoryRow('JS heap after GC before the cycles', 'bytes', (sample) => sample.heapBefore);
    memoryRow('heap growth after all cycles', 'bytes', (sample) => diff(sample.heapAfter, sample.heapBefore), {
      text: '≤ 2 MB (app)',
      on: 'app',
      max: 2_000_000,
    });
    memoryRow(`heap growth over the second half (steady leak)`, 'bytes', (sample) =>
      diff(sample.heapAfter, sample.heapMid),
    );
    memoryRow('time per cycle', 'ms', (sample) => sample.msPerCycle);
  }
  return rows;
}

function renderMarkdown(
  meta: {
    date: string;
    commit: string;
    uncommittedAppFiles: number;
    node: string;
    chromium: string;
    cpus: number;
    loadAverage: { start: number; end: number };
    durationSeconds: number;
    misses: number;
    options: typeof options;
  },
  rows: Row[],
  errors: string[],
  pairs: LoadPairs[],
): string {
  const plans = pairs
    .filter((pair) => pair.plan)
    .map(
      (pair) =>
        `${sizeLabel(pair.dataset)}: search finds ${pair.plan?.searchMatches}, list item #3 is “${pair.plan?.select.name}”`,
    );
  const lines = [
    `# Benchmark: app vs floor${meta.options.quick ? ' (quick mode: a smoke check, not for budgets)' : ''}`,
    '',
    `${meta.date} · commit ${meta.commit}${meta.uncommittedAppFiles ? ` + ${meta.uncommittedAppFiles} uncommitted app files` : ''} · ` +
      `${meta.chromium} · Node ${meta.node} · ${meta.cpus} cores, load average ${meta.loadAverage.start.toFixed(1)} → ${meta.loadAverage.end.toFixed(1)} · ` +
      `${meta.durationSeconds} s`,
    '',
    `Medians over ${meta.options.runs} runs per side, app and floor alternating (A B A B), each in a fresh browser context; ` +
      'ratio = app / floor (median of the per-pair ratios for timings). ' +
      `Viewport ${VIEWPORT.width}×${VIEWPORT.height}, reduced motion, app at \`?basemap=offline\`. ` +
      `**${meta.misses} budget misses.**`,
    '',
    markdownTable(rows),
    '',
    '- *Map ready*: floor, its first `map-idle` (its sources are URLs, so that idle includes the data); app, the first ' +
      '`map-idle` after its hotspots reached the page (results count or list filled) and were then sent to MapLibre’s worker ' +
      '(its `loadData` message for the source `hotspots`). The app’s own `map-ready` mark is its first idle, which can come ' +
      'before its data.',
    '- *Longest task*: the longest `longtask` entry from the first input event until the page settled (0 = none ≥ 50 ms). ' +
      '*Time to map idle*: from the last input event (floor: the equivalent map call) to the last `map-idle` before 400 ms ' +
      'without idle events, long tasks or work sent to a worker. A map that never gets quiet is flagged and its first idle counts; ' +
      'idle events in the second after settling are reported when there are any (a map at rest fires none).',
    '- The floor does the same map change for each interaction: a re-created clustered source with the same filter expression ' +
      '(search: the ids the app’s own search finds), fitBounds to the district, feature-state + jump for the selection.',
    '- Memory cycles: app through the UI (check category, open list item 1–5, close, uncheck), floor the same map calls; heap of ' +
      'the main isolate after `HeapProfiler.collectGarbage`. Service workers are blocked in the Playwright runs (not in Lighthouse).',
    ...(plans.length > 0 ? [`- ${plans.join('; ')}.`] : []),
    '',
  ];
  if (errors.length > 0) {
    lines.push('## Problems during the run', '', ...errors.slice(0, 40).map((error) => `- ${error}`));
    if (errors.length > 40) lines.push(`- … and ${errors.length - 40} more (bench.json)`);
    lines.push('');
  }
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
