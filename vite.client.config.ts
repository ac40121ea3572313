import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

/**
 * The partner client (src/embed-client) as one small ES module, dist/embed/innovation-map-client.js,
 * next to the app's own build: `vite build --config vite.client.config.ts` after `vite build`.
 * It bundles nothing but itself (the client imports nothing) and must not empty dist/.
 */
const rootDir = path.dirname(fileURLToPath(import.meta.url));
const entry = path.join(rootDir, 'src/embed-client/index.ts');
const outDir = path.join(rootDir, 'dist/embed');
const FILE_NAME = 'innovation-map-client';

/**
 * Type declarations for partners who write TypeScript. The client is a single file written for
 * `isolatedDeclarations`, so TypeScript's one-file declaration transpiler is enough: no program, no
 * extra dependency.
 */
function clientDeclarations(): Plugin {
  return {
    name: 'innovation-map-client-declarations',
    apply: 'build',
    generateBundle(_options, bundle) {
      // The client imports nothing; should an import slip in, the build stops instead of bundling it.
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const others = chunk.moduleIds.filter((id) => path.resolve(id) !== entry);
        if (others.length > 0) this.error(`The partner client must not import anything, found: ${others.join(', ')}`);
      }
    },
    async closeBundle() {
      const source = await readFile(entry, 'utf8');
      const result = ts.transpileDeclaration(source, {
        fileName: entry,
        compilerOptions: { isolatedDeclarations: true, target: ts.ScriptTarget.ES2022, strict: true },
        reportDiagnostics: true,
      });
      const problems = result.diagnostics ?? [];
      if (problems.length > 0) {
        const text = problems.map((problem) => ts.flattenDiagnosticMessageText(problem.messageText, '\n')).join('\n');
        throw new Error(`Client declarations: ${text}`);
      }
      await writeFile(path.join(outDir, `${FILE_NAME}.d.ts`), result.outputText);
    },
  };
}

export default defineConfig({
  // public/ belongs to the app build; copying it again into dist/embed would duplicate it.
  publicDir: false,
  plugins: [clientDeclarations()],
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    copyPublicDir: false,
    lib: {
      entry,
      formats: ['es'],
      fileName: () => `${FILE_NAME}.js`,
    },
  },
});
