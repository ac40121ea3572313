/**
 * Lighthouse 12.2.3 (pinned: 13 needs Node 22) on its default mobile form factor, run through npx with
 * CHROME_PATH set to the Chromium the rest of the bench uses. A Lighthouse that cannot be fetched or
 * fails is reported, never fatal.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { findChromium } from '../lib/chromium.ts';

export const LIGHTHOUSE_VERSION = '12.2.3';
const CHROME_FLAGS =
  '--headless=new --no-sandbox --enable-unsafe-swiftshader --use-angle=swiftshader --disable-background-networking';

export interface LighthouseSample {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  lcp: number | null;
  tbt: number | null;
  fcp: number | null;
  /** Audits that lost points in accessibility or best practices (for the report's notes). */
  failedAudits: string[];
  error: string | null;
}

interface LighthouseJson {
  categories?: Record<string, { score: number | null; auditRefs?: Array<{ id: string; weight: number }> }>;
  audits?: Record<string, { numericValue?: number; score: number | null; title?: string }>;
}

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', args, {
      env: { ...process.env, CHROME_PATH: findChromium() },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const timer = setTimeout(() => {
      stderr += `\ntimed out after ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stderr: String(error) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const score = (report: LighthouseJson, id: string) => {
  const value = report.categories?.[id]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : null;
};
const numeric = (report: LighthouseJson, id: string) => report.audits?.[id]?.numericValue ?? null;

export async function runLighthouse(url: string, outDir: string, name: string): Promise<LighthouseSample> {
  await mkdir(outDir, { recursive: true });
  const output = path.join(outDir, `${name}.json`);
  await rm(output, { force: true });
  const { code, stderr } = await run(
    [
      '-y',
      `lighthouse@${LIGHTHOUSE_VERSION}`,
      url,
      '--only-categories=performance,accessibility,best-practices',
      '--output=json',
      `--output-path=${output}`,
      '--quiet',
      `--chrome-flags=${CHROME_FLAGS}`,
    ],
    240_000,
  );
  let report: LighthouseJson;
  try {
    report = JSON.parse(await readFile(output, 'utf8')) as LighthouseJson;
  } catch {
    const reason = stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${String(code)}`;
    return {
      performance: null,
      accessibility: null,
      bestPractices: null,
      lcp: null,
      tbt: null,
      fcp: null,
      failedAudits: [],
      error: `lighthouse failed: ${reason}`,
    };
  }
  const failedAudits: string[] = [];
  for (const category of ['accessibility', 'best-practices']) {
    for (const ref of report.categories?.[category]?.auditRefs ?? []) {
      const audit = report.audits?.[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        failedAudits.push(`${category}: ${ref.id}`);
    }
  }
  return {
    performance: score(report, 'performance'),
    accessibility: score(report, 'accessibility'),
    bestPractices: score(report, 'best-practices'),
    lcp: numeric(report, 'largest-contentful-paint'),
    tbt: numeric(report, 'total-blocking-time'),
    fcp: numeric(report, 'first-contentful-paint'),
    failedAudits,
    error: null,
  };
}
