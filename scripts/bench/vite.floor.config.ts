import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds the benchmark floor (bench/floor) with the app's React plugin and build target, into
 * bench-results/floor-dist, so it never ships in dist/. The data files are not copied: the bench
 * server answers /data/ for both builds.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: path.join(repoRoot, 'bench/floor'),
  base: '/',
  publicDir: false,
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: path.join(repoRoot, 'bench-results/floor-dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});
