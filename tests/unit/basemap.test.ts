import { describe, expect, it, vi } from 'vitest';
import type { StyleSpecification } from 'maplibre-gl';
import type { FetchLike } from '@/data/fetchJson';
import { BASEMAP_PREFIX, fetchBasemapStyle, isBasemapSource, prefixSources } from '@/map/basemap';

const URL_ = 'https://tiles.example.org/styles/positron';

function onlineStyle(): StyleSpecification {
  return {
    version: 8,
    glyphs: 'https://tiles.example.org/fonts/{fontstack}/{range}.pbf',
    sources: {
      openmaptiles: { type: 'vector', url: 'https://tiles.example.org/planet' },
      hillshade: { type: 'raster', tiles: ['https://tiles.example.org/hill/{z}/{x}/{y}.png'], tileSize: 256 },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#fff' } },
      { id: 'water', type: 'fill', source: 'openmaptiles', 'source-layer': 'water' },
      { id: 'roads', type: 'line', source: 'openmaptiles', 'source-layer': 'transportation' },
      { id: 'hills', type: 'raster', source: 'hillshade' },
    ],
  };
}

const reply = (body: string, status = 200): FetchLike => vi.fn<FetchLike>(async () => new Response(body, { status }));

describe('prefixSources', () => {
  const original = onlineStyle();
  const prefixed = prefixSources(original);

  it('renames every source', () => {
    expect(Object.keys(prefixed.sources).sort()).toEqual([
      `${BASEMAP_PREFIX}hillshade`,
      `${BASEMAP_PREFIX}openmaptiles`,
    ]);
    expect(prefixed.sources[`${BASEMAP_PREFIX}openmaptiles`]).toEqual(original.sources['openmaptiles']);
  });

  it('renames the layers’ references and leaves layers without a source alone', () => {
    expect(prefixed.layers.map((layer) => ('source' in layer ? layer.source : null))).toEqual([
      null,
      'basemap-openmaptiles',
      'basemap-openmaptiles',
      'basemap-hillshade',
    ]);
    expect(prefixed.layers[0]).toEqual(original.layers[0]);
    expect(prefixed.layers.map((layer) => layer.id)).toEqual(original.layers.map((layer) => layer.id));
  });

  it('keeps the rest of the style and does not change the input', () => {
    expect(prefixed.glyphs).toBe(original.glyphs);
    expect(original).toEqual(onlineStyle());
  });

  it('marks the renamed sources as basemap sources, and ours not', () => {
    for (const id of Object.keys(prefixed.sources)) expect(isBasemapSource(id)).toBe(true);
    expect(isBasemapSource('hotspots')).toBe(false);
    expect(isBasemapSource(undefined)).toBe(false);
  });
});

describe('fetchBasemapStyle', () => {
  it('returns the prefixed style on success, without sending credentials', async () => {
    const fetch = reply(JSON.stringify(onlineStyle()));
    const style = await fetchBasemapStyle(URL_, 1000, fetch);
    expect(style).toEqual(prefixSources(onlineStyle()));
    expect(fetch).toHaveBeenCalledWith(
      URL_,
      expect.objectContaining({ credentials: 'omit', signal: expect.any(AbortSignal) }),
    );
  });

  it('returns null on an HTTP error', async () => {
    expect(await fetchBasemapStyle(URL_, 1000, reply(JSON.stringify(onlineStyle()), 503))).toBeNull();
  });

  it('returns null on invalid JSON', async () => {
    expect(await fetchBasemapStyle(URL_, 1000, reply('<html>captive portal</html>'))).toBeNull();
  });

  it.each([
    ['version 7', { ...onlineStyle(), version: 7 }],
    ['no sources', { version: 8, layers: [] }],
    ['layers not an array', { version: 8, sources: {}, layers: {} }],
    ['null', null],
    ['an array', []],
  ])('returns null for a non-style (%s)', async (_label, body) => {
    expect(await fetchBasemapStyle(URL_, 1000, reply(JSON.stringify(body)))).toBeNull();
  });

  it('returns null when the request is rejected', async () => {
    const fetch = vi.fn<FetchLike>(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchBasemapStyle(URL_, 1000, fetch)).toBeNull();
  });

  it('returns null on timeout, aborting the request', async () => {
    let signal: AbortSignal | undefined;
    // Never answers, but rejects when aborted, as a real fetch does.
    const fetch = vi.fn<FetchLike>(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          signal = init?.signal ?? undefined;
          signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    const started = performance.now();
    expect(await fetchBasemapStyle(URL_, 50, fetch)).toBeNull();
    const elapsed = performance.now() - started;
    expect(signal?.aborted).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(40);
    expect(elapsed).toBeLessThan(1000);
  });

  it('returns null when the body stalls past the timeout', async () => {
    const fetch = vi.fn<FetchLike>(async (_input, init) => {
      const body = new ReadableStream({
        start(controller) {
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('Aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    });
    expect(await fetchBasemapStyle(URL_, 50, fetch)).toBeNull();
  });
});
