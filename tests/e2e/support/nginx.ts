import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, renderRepoNginxConfig } from '../../../scripts/deploy/nginxConfig.ts';

/**
 * A real nginx (Debian's package) serving dist/ with the generated server block, as production does.
 * It runs as a plain process of the current user, not as the system service: its config, pid file, logs
 * and temp paths all live in a fresh temp folder, it listens on a free loopback port, and `stop()`
 * ends it and removes the folder.
 */

const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];
/** Debian's nginx.conf includes this in http {}; the generated server block relies on it as production does. */
const MIME_TYPES = '/etc/nginx/mime.types';
export const DIST = path.join(REPO_ROOT, 'dist');

export interface NginxServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url: (pathAndQuery: string) => string;
  /** The generated server block it runs with. */
  siteConfig: string;
  errorLog: () => Promise<string>;
  stop: () => Promise<void>;
}

function findNginx(): string {
  const fromEnv = process.env['NGINX_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`NGINX_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const found = NGINX_CANDIDATES.find((candidate) => existsSync(candidate));
  if (found && existsSync(MIME_TYPES)) return found;
  throw new Error(
    'nginx not found: the CSP tests run the real server. Install it with `apt-get install -y nginx` ' +
      '(Debian package nginx; it need not run as a service), or point NGINX_PATH at an nginx binary.',
  );
}

/** A free port on 127.0.0.1 (asked from the OS, then released for nginx). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function mainConfig(dir: string, siteFile: string): string {
  // As root, nginx would run its workers as `nobody`, who may not read the work tree.
  const asRoot = process.getuid?.() === 0;
  return [
    ...(asRoot ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 128; }',
    'http {',
    `    include ${MIME_TYPES};`,
    '    default_type application/octet-stream;',
    '    sendfile on;',
    `    access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `    ${name}_temp_path ${dir}/${name}_temp;`),
    `    include ${siteFile};`,
    '}',
    '',
  ].join('\n');
}

async function waitUntilServing(origin: string, child: ChildProcess, logs: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}) at start:\n${await logs()}`);
    }
    try {
      const response = await fetch(`${origin}/config.json`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGTERM');
  throw new Error(`nginx did not answer on ${origin} within 10 s:\n${await logs()}`);
}

/** Starts nginx on dist/. `partnerOrigins` replaces config.json's list in the generated policy. */
export async function startNginx(options: { partnerOrigins?: readonly string[] } = {}): Promise<NginxServer> {
  const nginx = findNginx();
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` before the end-to-end tests.');
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'ind-nginx-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const siteConfig = renderRepoNginxConfig({
    listen: `127.0.0.1:${port}`,
    root: DIST,
    ...(options.partnerOrigins ? { partnerOrigins: options.partnerOrigins } : {}),
  });
  const siteFile = path.join(dir, 'site.conf');
  await writeFile(siteFile, siteConfig);
  await writeFile(path.join(dir, 'nginx.conf'), mainConfig(dir, siteFile));

  let output = '';
  const child = spawn(
    nginx,
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errorLog = async () => readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
  const logs = async () => `${output}${await errorLog()}`;

  try {
    await waitUntilServing(origin, child, logs);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    origin,
    url: (pathAndQuery) => `${origin}${pathAndQuery}`,
    siteConfig,
    errorLog,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGQUIT: graceful shutdown of the master and its worker.
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface FramingPage {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** A page on this origin whose only content is an iframe of `appUrl`. */
  pageFor: (appUrl: string) => string;
  close: () => Promise<void>;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A stranger's (or a partner's) web page on another loopback origin that frames the app. */
export async function startFramingPage(): Promise<FramingPage> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host.invalid');
    const app = url.searchParams.get('app');
    if (url.pathname !== '/' || !app || !/^http:\/\/127\.0\.0\.1:\d+\//.test(app)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner page</title></head>` +
        `<body><h1>Partner page</h1><iframe src="${escapeHtml(app)}" title="Innovation map" width="900" height="600"></iframe></body></html>`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    pageFor: (appUrl) => `${origin}/?app=${encodeURIComponent(appUrl)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
