/**
 * A small static server for the soak run: serves a build (dist/) on 127.0.0.1 only, with the right
 * content types for the app, its MapLibre worker (.mjs) and its data files. No compression and no
 * caching: the soak measures the page's memory, not the network.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.pmtiles': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  /** Requests answered, by status: a quick check that nothing went missing. */
  counts: Map<number, number>;
  close: () => Promise<void>;
}

/** Maps a URL path into `root`, or null for anything that would leave it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').includes('..')) return null;
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = path.join(root, relative);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}

export async function startStaticServer(root: string, port: number): Promise<StaticServer> {
  const counts = new Map<number, number>();
  const server = createServer((request, response) => {
    const send = (status: number, body: Buffer | string, type: string) => {
      counts.set(status, (counts.get(status) ?? 0) + 1);
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const file = resolveInside(root, (request.url ?? '/').split('?')[0] ?? '/');
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
      send(404, 'not found', 'text/plain');
      return;
    }
    stat(file)
      .then((info) => {
        if (!info.isFile()) throw new Error('not a file');
        return readFile(file);
      })
      .then(
        (body) => send(200, body, TYPES[path.extname(file)] ?? 'application/octet-stream'),
        () => send(404, 'not found', 'text/plain'),
      );
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
