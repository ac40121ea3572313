/**
 * Screenshots of the built app at the sizes residents use: desktop, phone and kiosk.
 * Expects a server (npm run preview) on BASE_URL, default http://localhost:4173.
 *
 *   npx tsx scripts/screenshots.ts [outDir] [query]
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './lib/chromium.ts';

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
const query = process.argv[3] ?? '';
const baseUrl = process.env['BASE_URL'] ?? 'http://localhost:4173';
const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
  { name: 'kiosk', width: 1080, height: 1920 },
];

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${baseUrl}/${query}`);
    await page.locator('[data-testid="map"][aria-busy="false"]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const file = path.join(outDir, `${size.name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
}
