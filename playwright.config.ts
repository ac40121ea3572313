import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/lib/chromium.ts';

/**
 * End-to-end tests against the production build (`npm run build` first), served by `vite preview`.
 *
 * Playwright's own browser download does not work here, so the tests drive the system Chromium.
 * findChromium() throws with install instructions when there is none: the run stops right here
 * instead of failing every test with a launch error.
 */
const executablePath = findChromium();
const PORT = 4173;
const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  // WebGL runs in software (SwiftShader) on a 2-core machine: two maps at once is the most it takes.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    // German is the app's default language; pin the browser's so the default is what residents see.
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    // Camera moves (flyTo) are instant under reduced motion, which keeps map clicks deterministic.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    // page.route() does not see requests a service worker answers; specs that test the worker itself
    // (offline kiosk) opt in with test.use({ serviceWorkers: 'allow' }).
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'chromium', grepInvert: /@alone/ },
    // Tests that hold the app to an absolute time limit from an issue (a lost WebGL context back within
    // 5 s) run last, one at a time. Next to another test's map, two SwiftShader renderers share two cores
    // and a fresh map took 3-5x as long as on its own, which measures the neighbour, not the app; a kiosk
    // or a phone runs one map.
    { name: 'alone', grep: /@alone/, dependencies: ['chromium'], workers: 1 },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
