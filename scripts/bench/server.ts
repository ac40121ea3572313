/**
 * A small static server for the benchmark, on 127.0.0.1 only. One instance serves one build (the app's
 * dist/ or the floor's build) with one data set: /data/hotspots.geojson comes from the chosen file and
 * the other /data/ files from data/, as the app's runtime-data-files plugin lays them out in dist/data.
 *
 * Text responses are gzipped (zlib level 9 for code, 6 for the large data files) and cached, so the
 * transfer sizes the browser sees are real. Every response is logged, so a run can tell which scripts
 * and styles were loaded and how many bytes went over the wire.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.map', '.webmanifest']);

export interface ServedFile {
  body: Buffer;
  gzipped: Buffer | null;
  type: string;
}

/** Compressed bodies are shared by every server in the process: the same file is gzipped once. */
const cache = new Map<string, Promise<ServedFile>>();

async function load(file: string): Promise<ServedFile> {
  const info = await stat(file);
  if (!info.isFile()) throw new Error('not a file');
  const key = `${file}:${info.mtimeMs}:${info.size}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = (async () => {
      const ext = path.extname(file);
      const body = await readFile(file);
      const level = body.length > 4_000_000 ? 6 : constants.Z_BEST_COMPRESSION;
      const gzipped = COMPRESSIBLE.has(ext) ? await gzipAsync(body, { level }) : null;
      return { body, gzipped, type: TYPES[ext] ?? 'application/octet-stream' };
    })();
    cache.set(key, entry);
    entry.catch(() => cache.delete(key));
  }
  return entry;
}

/** Gzip size at level 9 of a file, as this server sends it (for byte budgets without a browser). */
export async function gzipSize(file: string): Promise<number> {
  const served = await load(file);
  return served.gzipped?.length ?? served.body.length;
}

export interface LogEntry {
  path: string;
  status: number;
  /** Bytes of the response body on the wire (compressed when gzipped). */
  bytes: number;
  gzip: boolean;
  /** Date.now() when the response was sent. */
  at: number;
}

export interface BenchServer {
  url: string;
  log: LogEntry[];
  close: () => Promise<void>;
}

export interface ServerOptions {
  /** The build to serve (index.html and assets/). */
  root: string;
  /** The directory with the other runtime data files. */
  dataDir: string;
  /** The file served as /data/hotspots.geojson. */
  hotspotsFile: string;
}

function resolvePath(options: ServerOptions, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').includes('..')) return null;
  if (decoded === '/data/hotspots.geojson') return options.hotspotsFile;
  const dataMatch = /^\/data\/([\w.-]+\.(?:geojson|json))$/.exec(decoded);
  if (dataMatch?.[1]) return path.join(options.dataDir, dataMatch[1]);
  const relative = decoded === '/' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  return path.join(options.root, relative);
}

export async function startServer(options: ServerOptions): Promise<BenchServer> {
  const log: LogEntry[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const urlPath = (request.url ?? '/').split('?')[0] ?? '/';
    const file = resolvePath(options, urlPath);
    const finish = (status: number, body: Buffer | string, headers: Record<string, string>, gzipped: boolean) => {
      response.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
      log.push({ path: urlPath, status, bytes: Buffer.byteLength(body), gzip: gzipped, at: Date.now() });
    };
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
      finish(404, 'not found', { 'Content-Type': 'text/plain' }, false);
      return;
    }
    let served: ServedFile;
    try {
      served = await load(file);
    } catch {
      finish(404, 'not found', { 'Content-Type': 'text/plain' }, false);
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (served.gzipped && acceptsGzip) {
      finish(
        200,
        served.gzipped,
        { 'Content-Type': served.type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' },
        true,
      );
    } else {
      finish(200, served.body, { 'Content-Type': served.type }, false);
    }
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  // Keep-alive sockets would hold close() open; the browser reconnects cheaply on loopback.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Warm the cache for the large data file, so the first run does not pay for compressing it.
  await load(options.hotspotsFile);
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
