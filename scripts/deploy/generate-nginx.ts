/**
 * Writes deploy/nginx.conf from deploy/nginx.conf.template and public/config.json.
 *
 *   npm run deploy:nginx                                   # the checked-in production file
 *   npm run deploy:nginx -- --check                        # exit 1 if deploy/nginx.conf is out of date
 *   npm run deploy:nginx -- --out /tmp/site.conf --listen 127.0.0.1:8080 --root "$PWD/dist" \
 *     --partner-origin https://partner.example --partner-origin https://other.example
 *
 * --partner-origin replaces config.json's partnerOrigins (repeat it for several; for trials and tests).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OUTPUT_PATH, renderRepoNginxConfig, type NginxOptions } from './nginxConfig.ts';

function main(): number {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      listen: { type: 'string' },
      root: { type: 'string' },
      'partner-origin': { type: 'string', multiple: true },
      check: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const options: NginxOptions = {};
  if (values.listen !== undefined) options.listen = values.listen;
  if (values.root !== undefined) options.root = path.resolve(values.root);
  if (values['partner-origin'] !== undefined) options.partnerOrigins = values['partner-origin'];
  const out = path.resolve(values.out ?? OUTPUT_PATH);
  const text = renderRepoNginxConfig(options);

  if (values.check) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      // A missing file is out of date too.
    }
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), out)} is out of date: run \`npm run deploy:nginx\`.`);
      return 1;
    }
    console.log(`${path.relative(process.cwd(), out)} is up to date.`);
    return 0;
  }
  writeFileSync(out, text);
  console.log(`Wrote ${path.relative(process.cwd(), out)}.`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
