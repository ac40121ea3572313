/**
 * Bytes from the build output, gzipped at level 9 as the bench server sends them: the entry (what
 * index.html loads before the first paint: module scripts, stylesheets and modulepreloads) and every
 * JS and CSS file in the build. What a page really loaded by the time its map was ready comes from the
 * server's log (runs.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSize } from './server.ts';

export interface BuildBytes {
  entryJs: number;
  entryCss: number;
  entryFiles: string[];
  allJs: number;
  allCss: number;
}

function attribute(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1] ?? null;
}

/** The files index.html makes the browser fetch before it can paint: scripts, stylesheets, preloads. */
export function entryFiles(html: string): string[] {
  const files: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src && attribute(tag, 'type') === 'module') files.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel');
    const href = attribute(tag, 'href');
    if (href && (rel === 'stylesheet' || rel === 'modulepreload')) files.push(href);
  }
  return [...new Set(files)];
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export async function buildBytes(root: string): Promise<BuildBytes> {
  const html = await readFile(path.join(root, 'index.html'), 'utf8');
  const entry = entryFiles(html).filter((file) => !/^[a-z]+:/i.test(file));
  let entryJs = 0;
  let entryCss = 0;
  for (const file of entry) {
    const size = await gzipSize(path.join(root, file.replace(/^\//, '')));
    if (/\.css$/.test(file)) entryCss += size;
    else entryJs += size;
  }
  let allJs = 0;
  let allCss = 0;
  for (const file of await listFiles(path.join(root, 'assets'))) {
    if (/\.m?js$/.test(file)) allJs += await gzipSize(file);
    else if (/\.css$/.test(file)) allCss += await gzipSize(file);
  }
  return { entryJs, entryCss, entryFiles: entry, allJs, allCss };
}
