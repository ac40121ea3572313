/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { cp, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { DATA_CACHE } from './src/app/serviceWorkerCaches.ts';

const rootDir = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.join(rootDir, 'data');

/**
 * The data files stay outside `public/` so that they read as the product's source data, yet an operator
 * must be able to swap them on a built site without rebuilding. This plugin serves `data/` at `/data/`
 * in development and preview-less builds copy it verbatim to `dist/data/` (no hashing, no bundling).
 */
function runtimeDataFiles(): Plugin {
  let outDir = path.join(rootDir, 'dist');
  let copyDataFiles = false;
  return {
    name: 'runtime-data-files',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      // Vitest also closes a "bundle" (into a dummy outDir); only a real production build copies.
      copyDataFiles = config.command === 'build' && config.mode !== 'test';
    },
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '');
        // Only plain file names from data/: no sub-folders, no `..`.
        if (!/^[\w.-]+\.(geojson|json)$/.test(name)) {
          next();
          return;
        }
        readFile(path.join(dataDir, name))
          .then((body) => {
            res.setHeader('Content-Type', name.endsWith('.geojson') ? 'application/geo+json' : 'application/json');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(body);
          })
          .catch(() => next());
      });
    },
    // writeBundle, not closeBundle: the files must be in place before the service worker is generated.
    async writeBundle() {
      if (!copyDataFiles) return;
      const files = (await readdir(dataDir)).filter((name) => /\.(geojson|json)$/.test(name));
      await Promise.all(files.map((name) => cp(path.join(dataDir, name), path.join(outDir, 'data', name))));
    },
  };
}

/**
 * MapLibre's stylesheet draws its control icons (zoom, attribution and their high-contrast variants) as
 * data: URIs, which the production CSP refuses (img-src 'self', deploy/nginx.conf). This writes each
 * one to its own content-hashed file under assets/ and points the stylesheet there. It runs on the
 * compiled CSS before the bundle is hashed, so the stylesheet's own hashed name changes with it.
 */
function cssDataImagesToFiles(): Plugin {
  const DATA_IMAGE = /url\((["']?)data:image\/(svg\+xml|png|gif|jpeg|webp)((?:;[\w=.-]+)*),(.*?)\1\)/g;
  let base = '/';
  return {
    name: 'css-data-images-to-files',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transform(code, id) {
      if (!/\.css(\?|$)/.test(id) || !code.includes('data:image/')) return null;
      const rewritten = code.replace(
        DATA_IMAGE,
        (_match, _quote: string, type: string, params: string, body: string) => {
          const source = params.endsWith(';base64')
            ? Buffer.from(body, 'base64')
            : Buffer.from(decodeURIComponent(body));
          const extension = type === 'svg+xml' ? 'svg' : type === 'jpeg' ? 'jpg' : type;
          const hash = createHash('sha256').update(source).digest('base64url').slice(0, 10);
          const fileName = `assets/css-image-${hash}.${extension}`;
          this.emitFile({ type: 'asset', fileName, source });
          return `url("${base}${fileName}")`;
        },
      );
      return { code: rewritten, map: null };
    },
  };
}

/**
 * The service worker (Workbox, via vite-plugin-pwa): the app shell, the data files and config.json are
 * precached (data and config network-first), so a kiosk reloads offline; the online basemap's style, glyphs and tiles are cached as they
 * are used (bounded), so a kiosk that was online once keeps its street map through an outage. A new
 * version waits ("prompt") and is activated by the kiosk at its next idle reset (src/app/serviceWorker.ts).
 */
const serviceWorker = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Innovation Next Door – Dortmund',
    short_name: 'Innovation Dortmund',
    lang: 'de',
    start_url: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f3a5f',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    // Data and config are not precached with a fixed revision: an operator may replace them on a built
    // site. They are cached network-first instead (fresh online, last good copy offline), and the app
    // warms that cache as soon as the worker controls it (src/app/serviceWorker.ts).
    // Glyphs: the blocks every German label needs; the others load when a name needs them (and are
    // drawn from local fonts when that fails offline).
    globPatterns: ['**/*.{js,mjs,css,html,svg,webmanifest}', 'glyphs/*/{0-255,8192-8447}.pbf'],
    globIgnores: ['**/embed/**'],
    // The MapLibre chunk (~1.1 MB) must be precached too, or the map would not start offline.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/data\//, /^\/embed\//, /^\/config\.json$/],
    clientsClaim: true,
    runtimeCaching: [
      {
        urlPattern: ({ url, sameOrigin }) =>
          sameOrigin && (url.pathname.startsWith('/data/') || url.pathname === '/config.json'),
        handler: 'NetworkFirst',
        options: { cacheName: DATA_CACHE, networkTimeoutSeconds: 4, expiration: { maxEntries: 20 } },
      },
      {
        urlPattern: ({ url }) => url.hostname === 'tiles.openfreemap.org' && url.pathname.startsWith('/styles/'),
        handler: 'StaleWhileRevalidate',
        options: { cacheName: 'basemap-styles', expiration: { maxEntries: 10 } },
      },
      {
        urlPattern: ({ url }) => url.hostname === 'tiles.openfreemap.org',
        handler: 'CacheFirst',
        options: {
          cacheName: 'basemap-tiles',
          expiration: { maxEntries: 5000, maxAgeSeconds: 60 * 60 * 24 * 30, purgeOnQuotaError: true },
          cacheableResponse: { statuses: [0, 200] },
        },
      },
      {
        // An operator's own PMTiles basemap: the whole file is cached once (see warmPmtilesCache) and
        // byte ranges are then answered from the cache, online or off.
        urlPattern: ({ url }) => url.pathname.endsWith('.pmtiles'),
        handler: 'CacheFirst',
        options: {
          cacheName: 'basemap-pmtiles',
          cacheableResponse: { statuses: [200] },
          rangeRequests: true,
        },
      },
    ],
  },
});

export default defineConfig({
  plugins: [react(), runtimeDataFiles(), cssDataImagesToFiles(), serviceWorker],
  resolve: {
    alias: { '@': path.join(rootDir, 'src') },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
  },
});
