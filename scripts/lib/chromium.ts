import { existsSync } from 'node:fs';

/** Flags that make Debian's Chromium render WebGL in software and stay off the (closed) network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The Chromium to drive: CHROME_PATH when set, else the usual Debian paths. Playwright's own browser
 * download does not work here, so a missing browser is a setup error with instructions, not a skip.
 */
export function findChromium(): string {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new Error(
    'No Chromium found. Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) ' +
      'or point CHROME_PATH at a Chrome/Chromium binary.',
  );
}
