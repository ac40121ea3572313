/**
 * Bytes from the build output, gzipped at level 9 as the bench server sends them: the entry (what
 * index.html loads before the first paint: module scripts, stylesheets and modulepreloads), the code it
 * merely hints at (low-priority modulepreloads) and every
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
  /** JS that index.html preloads at low priority (see hintedFiles). */
  hintedJs: number;
  hintedFiles: string[];
  allJs: number;
  allCss: number;
}

function attribute(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1] ?? null;
}

/**
 * The files index.html makes the browser fetch before it can paint: scripts, stylesheets, preloads.
 * Not the preloads marked fetchpriority="low": those are hints for code loaded later (the app's map),
 * fetched early but behind everything else, and nothing on the page waits for them.
 */
export function entryFiles(html: string): string[] {
  return [
    ...new Set(
      htmlFiles(html)
        .filter((file) => !file.lowPriority)
        .map((file) => file.href),
    ),
  ];
}

/** The low-priority preloads of index.html (see entryFiles). */
export function hintedFiles(html: string): string[] {
  return [
    ...new Set(
      htmlFiles(html)
        .filter((file) => file.lowPriority)
        .map((file) => file.href),
    ),
  ];
}

function htmlFiles(html: string): { href: string; lowPriority: boolean }[] {
  const files: { href: string; lowPriority: boolean }[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src && attribute(tag, 'type') === 'module') files.push({ href: src, lowPriority: false });
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel');
    const href = attribute(tag, 'href');
    if (href && (rel === 'stylesheet' || rel === 'modulepreload')) {
      files.push({ href, lowPriority: rel === 'modulepreload' && attribute(tag, 'fetchpriority') === 'low' });
    }
  }
  return files;
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
  const hinted = hintedFiles(html).filter((file) => !/^[a-z]+:/i.test(file));
  let hintedJs = 0;
  for (const file of hinted) hintedJs += await gzipSize(path.join(root, file.replace(/^\//, '')));
  let allJs = 0;
  let allCss = 0;
  for (const file of await listFiles(path.join(root, 'assets'))) {
    if (/\.m?js$/.test(file)) allJs += await gzipSize(file);
    else if (/\.css$/.test(file)) allCss += await gzipSize(file);
  }
  return { entryJs, entryCss, entryFiles: entry, hintedJs, hintedFiles: hinted, allJs, allCss };
}
