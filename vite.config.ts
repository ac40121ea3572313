/// <reference types="vitest/config" />
import { cp, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const rootDir = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.join(rootDir, 'data');

/**
 * The data files stay outside `public/` so that they read as the product's source data, yet an operator
 * must be able to swap them on a built site without rebuilding. This plugin serves `data/` at `/data/`
 * in development and preview-less builds copy it verbatim to `dist/data/` (no hashing, no bundling).
 */
function runtimeDataFiles(): Plugin {
  let outDir = path.join(rootDir, 'dist');
  let copyOnClose = false;
  return {
    name: 'runtime-data-files',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      // Vitest also closes a "bundle" (into a dummy outDir); only a real production build copies.
      copyOnClose = config.command === 'build' && config.mode !== 'test';
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
    async closeBundle() {
      if (!copyOnClose) return;
      const files = (await readdir(dataDir)).filter((name) => /\.(geojson|json)$/.test(name));
      await Promise.all(files.map((name) => cp(path.join(dataDir, name), path.join(outDir, 'data', name))));
    },
  };
}

export default defineConfig({
  plugins: [react(), runtimeDataFiles()],
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
