import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A partner's web server, as small as it gets: serves the built demo page and the built partner client
 * (dist/embed/) from 127.0.0.1 on a free port. The map itself runs on http://localhost:4173, so the
 * two are different origins, and different sites, just as a partner page and the map are.
 *
 * It sends a strict Content-Security-Policy, like the map's own origin: inline scripts or styles in the
 * demo would be refused, and the test sees the refusal in the console.
 */

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EMBED_DIST = path.join(rootDir, 'dist/embed');

const FILES: Record<string, string> = {
  'demo.html': 'text/html; charset=utf-8',
  'demo.js': 'text/javascript; charset=utf-8',
  'demo.css': 'text/css; charset=utf-8',
  'innovation-map-client.js': 'text/javascript; charset=utf-8',
  'innovation-map-client.js.map': 'application/json',
};

export interface HostServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The demo page, embedding the map at `app` (a full URL). */
  demoUrl: (app: string) => string;
  close: () => Promise<void>;
}

export function hostPolicy(appOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `frame-src ${appOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export async function startHostServer(appOrigin: string): Promise<HostServer> {
  const missing = ['demo.html', 'innovation-map-client.js'].filter((name) => !existsSync(path.join(EMBED_DIST, name)));
  if (missing.length > 0) {
    throw new Error(
      `dist/embed/ lacks ${missing.join(', ')}: run \`npm run build\` (it builds the partner client too).`,
    );
  }
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://host.invalid').pathname;
    const name = pathname.startsWith('/embed/') ? pathname.slice('/embed/'.length) : '';
    const type = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
    if (request.method !== 'GET' || !type) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    readFile(path.join(EMBED_DIST, name))
      .then((body) => {
        response.writeHead(200, {
          'Content-Type': type,
          'Cache-Control': 'no-store',
          'Content-Security-Policy': hostPolicy(appOrigin),
          'X-Content-Type-Options': 'nosniff',
        });
        response.end(body);
      })
      .catch(() => response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    demoUrl: (app) => `${origin}/embed/demo.html?app=${encodeURIComponent(app)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
