import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the module per test: it keeps the early requests in module state. */
async function freshModule() {
  vi.resetModules();
  return import('@/data/earlyRequests');
}

function stubFetch() {
  let count = 0;
  const fetch = vi.fn((input: string, init?: RequestInit) => {
    count += 1;
    void init;
    return Promise.resolve(new Response(`${input} #${count}`));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('early requests', () => {
  it('requests the four data files and the config, bypassing the HTTP cache as the loaders do', async () => {
    const fetch = stubFetch();
    const { requestEarly } = await freshModule();
    requestEarly();
    expect(fetch.mock.calls.map(([url]) => url).sort()).toEqual([
      '/config.json',
      '/data/city-boundary.geojson',
      '/data/districts.geojson',
      '/data/hotspots.geojson',
      '/data/neighbourhoods.geojson',
    ]);
    for (const [, init] of fetch.mock.calls) expect(init).toMatchObject({ cache: 'no-cache' });
  });

  it('hands an early response to the first request for its URL only; a retry fetches anew', async () => {
    const fetch = stubFetch();
    const { requestEarly, fetchOrEarly } = await freshModule();
    requestEarly();
    const first = await fetchOrEarly('/data/hotspots.geojson', { cache: 'no-cache' });
    expect(await first.text()).toMatch(/^\/data\/hotspots\.geojson #\d$/);
    expect(fetch).toHaveBeenCalledTimes(5);
    const retry = await fetchOrEarly('/data/hotspots.geojson', { cache: 'no-cache' });
    expect(await retry.text()).toBe('/data/hotspots.geojson #6');
    expect(fetch).toHaveBeenCalledTimes(6);
  });

  it('fetches anew for an abortable request, and for URLs never requested early', async () => {
    const fetch = stubFetch();
    const { requestEarly, fetchOrEarly } = await freshModule();
    requestEarly();
    const controller = new AbortController();
    await fetchOrEarly('/data/districts.geojson', { signal: controller.signal });
    await fetchOrEarly('/data/tours.json');
    expect(fetch).toHaveBeenCalledTimes(7);
    expect(fetch.mock.calls.slice(5).map(([url]) => url)).toEqual(['/data/districts.geojson', '/data/tours.json']);
  });

  it('without early requests it is plain fetch', async () => {
    const fetch = stubFetch();
    const { fetchOrEarly } = await freshModule();
    await fetchOrEarly('/config.json', { cache: 'no-cache' });
    expect(fetch).toHaveBeenCalledWith('/config.json', { cache: 'no-cache' });
  });

  it('a failed early request is no unhandled rejection, and its taker sees the failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    const { requestEarly, fetchOrEarly } = await freshModule();
    requestEarly();
    await expect(fetchOrEarly('/config.json')).rejects.toThrow('offline');
  });
});
