import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_BASEMAP_STYLE_URL,
  DEFAULT_CONFIG,
  loadRuntimeConfig,
  parseRuntimeConfig,
} from '@/config/runtimeConfig';
import { fakeFetch } from '../fixtures/unit/fakeFetch';
import { readRepoFile } from '../fixtures/unit/realData';

describe('parseRuntimeConfig', () => {
  it('accepts a full, valid config without a warning', () => {
    const warn = vi.fn();
    const config = parseRuntimeConfig(
      { basemap: { styleUrl: 'https://tiles.example.org/style.json', timeoutMs: 2500 } },
      warn,
    );
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      basemap: { ...DEFAULT_CONFIG.basemap, styleUrl: 'https://tiles.example.org/style.json', timeoutMs: 2500 },
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('accepts the shipped public/config.json', () => {
    const warn = vi.fn();
    const config = parseRuntimeConfig(JSON.parse(readRepoFile('public/config.json')), warn);
    expect(config.basemap.styleUrl).toBe(DEFAULT_BASEMAP_STYLE_URL);
    expect(config.basemap.timeoutMs).toBeGreaterThanOrEqual(500);
    expect(warn).not.toHaveBeenCalled();
  });

  it('fills a partial config from the defaults', () => {
    const warn = vi.fn();
    expect(parseRuntimeConfig({}, warn)).toEqual(DEFAULT_CONFIG);
    expect(parseRuntimeConfig({ basemap: {} }, warn)).toEqual(DEFAULT_CONFIG);
    expect(parseRuntimeConfig({ basemap: { timeoutMs: 1500 } }, warn)).toEqual({
      ...DEFAULT_CONFIG,
      basemap: { ...DEFAULT_CONFIG.basemap, styleUrl: DEFAULT_BASEMAP_STYLE_URL, timeoutMs: 1500 },
    });
    expect(parseRuntimeConfig({ basemap: { styleUrl: 'https://a.example/s.json' } }, warn)).toEqual({
      ...DEFAULT_CONFIG,
      basemap: {
        ...DEFAULT_CONFIG.basemap,
        styleUrl: 'https://a.example/s.json',
        timeoutMs: DEFAULT_CONFIG.basemap.timeoutMs,
      },
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('takes styleUrl null as "embedded style only"', () => {
    const warn = vi.fn();
    expect(parseRuntimeConfig({ basemap: { styleUrl: null } }, warn).basemap.styleUrl).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['an http style URL', { basemap: { styleUrl: 'http://tiles.example.org/style.json' } }],
    ['a javascript: URL', { basemap: { styleUrl: 'javascript:alert(1)' } }],
    ['a relative URL', { basemap: { styleUrl: '/style.json' } }],
    ['a timeout below 500 ms', { basemap: { timeoutMs: 100 } }],
    ['a timeout above 60 s', { basemap: { timeoutMs: 120_000 } }],
    ['a fractional timeout', { basemap: { timeoutMs: 1500.5 } }],
    ['a timeout as a string', { basemap: { timeoutMs: '5000' } }],
    ['basemap as a string', { basemap: 'online' }],
    ['a string', 'hello'],
    ['null', null],
    ['a number', 42],
  ])('gives the defaults and a warning for %s', (_label, raw) => {
    const warn = vi.fn();
    expect(parseRuntimeConfig(raw, warn)).toEqual(DEFAULT_CONFIG);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/config\.json/);
  });
});

describe('loadRuntimeConfig', () => {
  it('loads /config.json (BASE_URL) with the HTTP cache bypassed', async () => {
    const fetch = fakeFetch();
    const config = await loadRuntimeConfig(fetch);
    expect(fetch).toHaveBeenCalledWith('/config.json', expect.objectContaining({ cache: 'no-cache' }));
    expect(config).toEqual(parseRuntimeConfig(JSON.parse(readRepoFile('public/config.json'))));
  });

  it('gives the defaults when the request fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await loadRuntimeConfig(fakeFetch({ '/config.json': 'reject' }))).toEqual(DEFAULT_CONFIG);
    expect(warn).toHaveBeenCalled();
  });

  it('gives the defaults on a 404', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await loadRuntimeConfig(fakeFetch({ '/config.json': { status: 404 } }))).toEqual(DEFAULT_CONFIG);
    expect(warn).toHaveBeenCalled();
  });

  it('gives the defaults when the file is not JSON', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await loadRuntimeConfig(fakeFetch({ '/config.json': { status: 200, body: '{basemap:' } }))).toEqual(
      DEFAULT_CONFIG,
    );
    expect(warn).toHaveBeenCalled();
  });

  it('gives the defaults when the JSON is invalid', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const body = JSON.stringify({ basemap: { styleUrl: 'http://insecure.example/style.json' } });
    expect(await loadRuntimeConfig(fakeFetch({ '/config.json': { status: 200, body } }))).toEqual(DEFAULT_CONFIG);
    expect(warn).toHaveBeenCalled();
  });
});

describe('parseRuntimeConfig: partners and kiosk', () => {
  it('keeps exact origins and rejects the whole list when one is not exact', () => {
    const warn = vi.fn();
    expect(
      parseRuntimeConfig({ partnerOrigins: ['https://www.tu-dortmund.de', 'http://localhost:5174'] }, warn)
        .partnerOrigins,
    ).toEqual(['https://www.tu-dortmund.de', 'http://localhost:5174']);
    expect(warn).not.toHaveBeenCalled();
    for (const bad of [
      '*',
      'https://example.org/',
      'http://example.org',
      'https://example.org/path',
      'javascript:alert(1)',
    ]) {
      const warnBad = vi.fn();
      expect(parseRuntimeConfig({ partnerOrigins: [bad] }, warnBad).partnerOrigins).toEqual([]);
      expect(warnBad).toHaveBeenCalledOnce();
    }
  });

  it('falls back per section: a bad kiosk section keeps a good basemap section', () => {
    const warn = vi.fn();
    const config = parseRuntimeConfig({ basemap: { timeoutMs: 900 }, kiosk: { idleSeconds: 'soon' } }, warn);
    expect(config.basemap.timeoutMs).toBe(900);
    expect(config.kiosk).toEqual(DEFAULT_CONFIG.kiosk);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('reads kiosk timings, tour and a home view inside Dortmund', () => {
    const config = parseRuntimeConfig(
      { kiosk: { idleSeconds: 30, countdownSeconds: 5, tour: false, home: { center: [7.46, 51.51], zoom: 12 } } },
      vi.fn(),
    );
    expect(config.kiosk).toEqual({
      idleSeconds: 30,
      countdownSeconds: 5,
      tour: false,
      home: { center: [7.46, 51.51], zoom: 12 },
    });
    const outside = vi.fn();
    expect(parseRuntimeConfig({ kiosk: { home: { center: [13.4, 52.5], zoom: 12 } } }, outside).kiosk.home).toBeNull();
    expect(outside).toHaveBeenCalledOnce();
  });
});
