/// <reference types="node" />
// runtimeConfig.ts reads import.meta.env (a Vite type) in a function this module never calls.
/// <reference types="vite/client" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isExactOrigin, parseRuntimeConfig, type RuntimeConfig } from '../../src/config/runtimeConfig.ts';

/**
 * The production nginx server block, generated from deploy/nginx.conf.template and public/config.json.
 * Pure functions (render, policy) for the unit and end-to-end tests; file access only in the `repo*`
 * helpers. The CSP reads the config exactly as the app does (parseRuntimeConfig), so the defaults the
 * app falls back to (for example the dark basemap) are allowed too.
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEMPLATE_PATH = path.join(REPO_ROOT, 'deploy/nginx.conf.template');
export const OUTPUT_PATH = path.join(REPO_ROOT, 'deploy/nginx.conf');
export const CONFIG_PATH = path.join(REPO_ROOT, 'public/config.json');

/** What the checked-in deploy/nginx.conf is generated with. */
export const PRODUCTION = { listen: '80', root: '/var/www/innovation-next-door/dist' } as const;

export interface NginxOptions {
  /** nginx `listen` value: a port, or `address:port`. */
  listen?: string;
  /** Absolute path of the built site (dist/). */
  root?: string;
  /** Replaces config.json's partnerOrigins (the tests frame the app from a page of their own). */
  partnerOrigins?: readonly string[];
}

export interface SecurityHeader {
  name: string;
  value: string;
}

/** Origins the basemap is fetched from: the style URLs' hosts. OpenFreeMap serves the style, TileJSON,
 * tiles, glyphs and sprites all from tiles.openfreemap.org. */
export function basemapOrigins(config: RuntimeConfig): string[] {
  const urls = [config.basemap.styleUrl, config.basemap.darkStyleUrl].filter((url): url is string => !!url);
  return [...new Set(urls.map((url) => new URL(url).origin))].sort();
}

/**
 * The policy as [directive, sources] pairs, in the order they are sent.
 *
 * - Everything the app loads is its own (Vite emits no inline script or style; React sets styles
 *   through the CSSOM, which style-src does not govern), so no 'unsafe-inline' and no 'unsafe-eval'.
 * - connect-src: MapLibre fetches the basemap's style, TileJSON, tiles, glyphs and sprites with fetch()
 *   (sprites are decoded with createImageBitmap, not an <img>), so the basemap hosts are needed here
 *   only, not in img-src or font-src.
 * - worker-src 'self': MapLibre 6 starts its worker straight from the same-origin .mjs file that
 *   setWorkerUrl names (src/map/loadMapLib.ts); a blob: URL is used only for a cross-origin worker URL.
 * - frame-src 'self': the embed dialog's live preview is the app itself.
 * - frame-ancestors: the app's own origin (the same preview) and the partners allowed to embed it.
 */
export function cspDirectives(config: RuntimeConfig, partnerOrigins: readonly string[]): [string, string[]][] {
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'"]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...basemapOrigins(config)]],
    ['worker-src', ["'self'"]],
    ['frame-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'self'", ...partnerOrigins]],
  ];
}

export function contentSecurityPolicy(config: RuntimeConfig, partnerOrigins: readonly string[]): string {
  return cspDirectives(config, partnerOrigins)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

export function securityHeaders(csp: string): SecurityHeader[] {
  return [
    { name: 'Content-Security-Policy', value: csp },
    { name: 'X-Content-Type-Options', value: 'nosniff' },
    { name: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // "Near me" needs geolocation, "copy link/code" the clipboard; nothing else is used.
    {
      name: 'Permissions-Policy',
      value: 'geolocation=(self), clipboard-write=(self), camera=(), microphone=(), payment=(), usb=()',
    },
    { name: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    // No X-Frame-Options: it cannot list partner origins, and frame-ancestors governs framing.
  ];
}

/** Validates config.json for a deployment: a section the app would drop with a warning is an error here. */
export function deploymentConfig(raw: unknown): RuntimeConfig {
  const problems: string[] = [];
  const config = parseRuntimeConfig(raw, (message) => problems.push(message));
  if (problems.length > 0) throw new Error(`public/config.json is not valid:\n${problems.join('\n')}`);
  return config;
}

function checkPartnerOrigins(origins: readonly string[]): string[] {
  const invalid = origins.filter((origin) => !isExactOrigin(origin));
  if (invalid.length > 0) {
    throw new Error(`Not exact origins (https://host[:port], http only for loopback): ${invalid.join(', ')}`);
  }
  return [...new Set(origins)];
}

function nginxPath(value: string): string {
  if (!path.isAbsolute(value) || /["$\\\n]/.test(value)) throw new Error(`Not a usable root path: ${value}`);
  return /[\s;{}#']/.test(value) ? `"${value}"` : value;
}

function nginxListen(value: string): string {
  if (!/^(?:[\w.-]+:|\[[\da-f:]+\]:)?\d{1,5}$/i.test(value)) throw new Error(`Not a listen address: ${value}`);
  return value;
}

function cspComment(config: RuntimeConfig, partnerOrigins: readonly string[], indent: string): string {
  const lines = [
    'Content-Security-Policy, a directive a line (sent as one header):',
    ...cspDirectives(config, partnerOrigins).map(([name, sources]) => `  ${[name, ...sources].join(' ')}`),
    'connect-src lists the hosts of basemap.styleUrl and darkStyleUrl; frame-ancestors lists partnerOrigins.',
  ];
  return lines.map((line) => `${indent}# ${line}`).join('\n');
}

const BANNER = [
  '# GENERATED by scripts/deploy/generate-nginx.ts from deploy/nginx.conf.template and public/config.json.',
  '# Do not edit: change those and run `npm run deploy:nginx` (tests/unit/nginxConfig.test.ts checks it).',
].join('\n');

/** Fills the template. `raw` is config.json as parsed JSON. */
export function renderNginxConfig(template: string, raw: unknown, options: NginxOptions = {}): string {
  const config = deploymentConfig(raw);
  const partners = checkPartnerOrigins(options.partnerOrigins ?? config.partnerOrigins);
  const csp = contentSecurityPolicy(config, partners);
  const headers = securityHeaders(csp);
  const listen = nginxListen(options.listen ?? PRODUCTION.listen);
  const root = nginxPath(options.root ?? PRODUCTION.root);
  const out = template
    .split('\n')
    .filter((line) => !line.startsWith('##'))
    .map((line) => {
      const block = /^(\s*)\{\{(security_headers|csp_comment)\}\}\s*$/.exec(line);
      if (!block) return line;
      const indent = block[1] ?? '';
      if (block[2] === 'csp_comment') return cspComment(config, partners, indent);
      return headers.map(({ name, value }) => `${indent}add_header ${name} "${value}" always;`).join('\n');
    })
    .join('\n')
    .replaceAll('{{banner}}', BANNER)
    .replaceAll('{{listen}}', listen)
    .replaceAll('{{root}}', root);
  const left = /\{\{\w+\}\}/.exec(out);
  if (left) throw new Error(`Unknown placeholder ${left[0]} in the template.`);
  return out;
}

export function readRepoTemplate(): string {
  return readFileSync(TEMPLATE_PATH, 'utf8');
}

export function readRepoConfig(): unknown {
  return JSON.parse(readFileSync(CONFIG_PATH, 'utf8')) as unknown;
}

/** The repository's template and config.json, rendered. */
export function renderRepoNginxConfig(options: NginxOptions = {}): string {
  return renderNginxConfig(readRepoTemplate(), readRepoConfig(), options);
}

/** The policy the repository's config.json gives (with optional partner origins instead of the config's). */
export function repoContentSecurityPolicy(partnerOrigins?: readonly string[]): string {
  const config = deploymentConfig(readRepoConfig());
  return contentSecurityPolicy(config, checkPartnerOrigins(partnerOrigins ?? config.partnerOrigins));
}
