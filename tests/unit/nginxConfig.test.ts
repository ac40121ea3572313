/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@/config/runtimeConfig';
import {
  OUTPUT_PATH,
  contentSecurityPolicy,
  readRepoConfig,
  readRepoTemplate,
  renderNginxConfig,
  renderRepoNginxConfig,
} from '../../scripts/deploy/nginxConfig';

/** Directive name → its sources, from a policy string. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

/** The value of every `add_header Content-Security-Policy "…"` line in a rendered config. */
function policiesIn(config: string): string[] {
  return [...config.matchAll(/add_header Content-Security-Policy "([^"]+)" always;/g)].map((match) => match[1] ?? '');
}

describe('deploy/nginx.conf', () => {
  const checkedIn = readFileSync(OUTPUT_PATH, 'utf8');

  it('is what the generator makes from the template and public/config.json (run `npm run deploy:nginx`)', () => {
    expect(checkedIn).toBe(renderRepoNginxConfig());
  });

  it('sends one strict policy in every location', () => {
    const policies = policiesIn(checkedIn);
    // /assets/, its .mjs, /config.json, /data/, /glyphs/, /embed/, /manifest.webmanifest and /.
    expect(policies).toHaveLength(8);
    expect(new Set(policies).size).toBe(1);
    const policy = policies[0] ?? '';
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
    const directives = parsePolicy(policy);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('allows the configured basemap hosts to connect, and nothing else beyond itself', () => {
    const directives = parsePolicy(policiesIn(checkedIn)[0] ?? '');
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://tiles.openfreemap.org']);
  });

  it('takes frame-ancestors from the partner list, after the app itself', () => {
    const config = readRepoConfig() as { partnerOrigins?: string[] };
    const directives = parsePolicy(policiesIn(checkedIn)[0] ?? '');
    expect(directives.get('frame-ancestors')).toEqual(["'self'", ...(config.partnerOrigins ?? [])]);
  });

  it('sends the other security headers and no X-Frame-Options', () => {
    expect(checkedIn).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(checkedIn).toContain('add_header Referrer-Policy "strict-origin-when-cross-origin" always;');
    expect(checkedIn).toMatch(
      /add_header Permissions-Policy "geolocation=\(self\), clipboard-write=\(self\)[^"]*" always;/,
    );
    expect(checkedIn).toContain('add_header Cross-Origin-Opener-Policy "same-origin" always;');
    expect(checkedIn).not.toMatch(/X-Frame-Options/i);
    expect(checkedIn).toMatch(/Strict-Transport-Security/);
  });

  it('caches hashed assets for a year and revalidates the shell, config and data', () => {
    const block = (location: string) => {
      const start = checkedIn.indexOf(`location ${location} {`);
      expect(start, location).toBeGreaterThan(-1);
      return checkedIn.slice(start, checkedIn.indexOf('\n    }', start));
    };
    expect(block('/assets/')).toContain('Cache-Control "public, max-age=31536000, immutable"');
    expect(block('/assets/')).toContain('try_files $uri =404;');
    expect(block('= /config.json')).toContain('Cache-Control "no-cache"');
    expect(block('/data/')).toContain('Cache-Control "no-cache"');
    expect(block('/data/')).toContain('application/geo+json geojson;');
    // A glyph block the app does not ship is a 404 (MapLibre then draws locally), never the app shell.
    expect(block('/glyphs/')).toContain('try_files $uri =404;');
    expect(block('/glyphs/')).toContain('application/x-protobuf pbf;');
    expect(block('/glyphs/')).toContain('Cache-Control "no-cache"');
    expect(block('/')).toContain('try_files $uri $uri/ /index.html;');
    expect(block('/')).toContain('Cache-Control "no-cache"');
    expect(checkedIn).toMatch(/types \{ application\/javascript mjs; \}/);
    expect(block('= /manifest.webmanifest')).toContain('application/manifest+json webmanifest;');
    expect(checkedIn).toMatch(/gzip_types [^;]*application\/javascript[^;]*application\/geo\+json/);
  });

  it('leaves no placeholder behind', () => {
    expect(checkedIn).not.toMatch(/\{\{|\}\}/);
    expect(checkedIn).toMatch(/^\s+listen 80;$/m);
    expect(checkedIn).toMatch(/^\s+root \/var\/www\/innovation-next-door\/dist;$/m);
  });
});

describe('the generator', () => {
  const template = readRepoTemplate();

  it('fills the port and root placeholders (the end-to-end tests run it on a loopback port)', () => {
    const text = renderNginxConfig(template, {}, { listen: '127.0.0.1:8123', root: '/tmp/site dist' });
    expect(text).toMatch(/^\s+listen 127\.0\.0\.1:8123;$/m);
    expect(text).toMatch(/^\s+root "\/tmp\/site dist";$/m);
  });

  it('puts a partner list given as an argument into frame-ancestors, in place of the config’s', () => {
    const text = renderNginxConfig(
      template,
      { partnerOrigins: ['https://config.example'] },
      {
        partnerOrigins: ['https://partner.example', 'http://127.0.0.1:9000'],
      },
    );
    const directives = parsePolicy(policiesIn(text)[0] ?? '');
    expect(directives.get('frame-ancestors')).toEqual(["'self'", 'https://partner.example', 'http://127.0.0.1:9000']);
  });

  it('reads partner origins and basemap hosts from the config, with the app’s defaults', () => {
    const text = renderNginxConfig(template, {
      basemap: { styleUrl: 'https://tiles.example.org/style.json', darkStyleUrl: null },
      partnerOrigins: ['https://www.dortmund.de'],
    });
    const directives = parsePolicy(policiesIn(text)[0] ?? '');
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://tiles.example.org']);
    expect(directives.get('frame-ancestors')).toEqual(["'self'", 'https://www.dortmund.de']);
    // Without a basemap section the app uses OpenFreeMap (light and dark): the policy must allow it.
    expect(parsePolicy(contentSecurityPolicy(DEFAULT_CONFIG, [])).get('connect-src')).toEqual([
      "'self'",
      'https://tiles.openfreemap.org',
    ]);
  });

  it('refuses what would make a wrong or unsafe policy', () => {
    expect(() => renderNginxConfig(template, { partnerOrigins: ['https://partner.example/page'] })).toThrow(
      /config\.json/,
    );
    expect(() => renderNginxConfig(template, {}, { partnerOrigins: ['*'] })).toThrow(/exact origins/);
    expect(() => renderNginxConfig(template, {}, { partnerOrigins: ['http://partner.example'] })).toThrow(
      /exact origins/,
    );
    expect(() => renderNginxConfig(template, { basemap: { styleUrl: 'http://tiles.example.org/s' } })).toThrow();
    expect(() => renderNginxConfig(template, {}, { root: 'relative/dist' })).toThrow(/root/);
    expect(() => renderNginxConfig(template, {}, { listen: '80; include /etc/passwd' })).toThrow(/listen/);
    expect(() => renderNginxConfig(`${template}\n{{unknown}}`, {})).toThrow(/placeholder/);
  });
});
