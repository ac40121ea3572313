import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/App';
import { startLoading } from '@/app/startLoading';
import { useAppStore } from '@/state/store';
import { fakeFetch } from '../fixtures/unit/fakeFetch';
import { resetStore } from '../fixtures/unit/realStore';

// MapLibre needs real WebGL; the shell around the map is what is tested here. The stand-in map reports
// a failed context the way MapView does when MapLibre's constructor throws GPUInitializationError.
const gpu = vi.hoisted(() => ({ contextWorks: true }));
vi.mock('@/map/MapView', async () => {
  const { useEffect } = await import('react');
  return {
    default: function MapStub({ onUnsupported }: { onUnsupported?: () => void }) {
      useEffect(() => {
        if (!gpu.contextWorks) onUnsupported?.();
      }, [onUnsupported]);
      return <div data-testid="map-stub" />;
    },
  };
});

/**
 * jsdom has no WebGL. `available` false: the browser knows WebGL 2 but cannot create a context (a
 * blocked GPU), so the map itself has to report it.
 */
function stubWebGL(available: boolean) {
  vi.stubGlobal('WebGL2RenderingContext', class {});
  gpu.contextWorks = available;
}

// jsdom does not implement modal dialogs: a minimal showModal/close that toggle `open` and fire `close`.
const dialogProto = HTMLDialogElement.prototype;
const originalShowModal = Object.getOwnPropertyDescriptor(dialogProto, 'showModal');
const originalClose = Object.getOwnPropertyDescriptor(dialogProto, 'close');
beforeAll(() => {
  if (typeof dialogProto.showModal !== 'function') {
    dialogProto.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
  if (typeof dialogProto.close !== 'function') {
    dialogProto.close = function close(this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  }
});
afterAll(() => {
  if (originalShowModal) Object.defineProperty(dialogProto, 'showModal', originalShowModal);
  else Reflect.deleteProperty(dialogProto, 'showModal');
  if (originalClose) Object.defineProperty(dialogProto, 'close', originalClose);
  else Reflect.deleteProperty(dialogProto, 'close');
});

// The whole app validates four real files on start; give slow CI machines room.
configure({ asyncUtilTimeout: 5000 });

// jsdom 29 has both; the details panel needs CSS.escape to return focus to the list on close.
if (typeof globalThis.CSS?.escape !== 'function') {
  const escape = (value: string) => value.replace(/[^\w-]/g, (char) => `\\${char}`);
  Object.assign(globalThis, { CSS: { ...globalThis.CSS, escape } });
}

let fetch: ReturnType<typeof fakeFetch>;

beforeEach(() => {
  resetStore();
  window.history.replaceState(null, '', '/');
  fetch = fakeFetch();
  vi.stubGlobal('fetch', fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function placesList() {
  const section = await screen.findByRole('region', { name: 'Orte' });
  const list = within(section).getByRole('list');
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(51));
  return list;
}

describe('App with WebGL', { timeout: 20_000 }, () => {
  beforeEach(() => {
    stubWebGL(true);
  });

  it('loads the data and config, renders the map and lists all 51 places', async () => {
    render(<App />);
    await placesList();
    expect(await screen.findByTestId('map-stub')).toBeInTheDocument();
    const urls = fetch.mock.calls.map(([url]) => url);
    expect(urls).toEqual(expect.arrayContaining(['/config.json', '/data/hotspots.geojson', '/data/districts.geojson']));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/WebGL/)).not.toBeInTheDocument();
  });

  it('takes up the loads start.tsx began before the first render, without fetching again', async () => {
    const startup = startLoading();
    const fetchedBeforeRender = fetch.mock.calls.length;
    expect(fetchedBeforeRender, 'the data and config requests start before React renders').toBeGreaterThan(0);
    render(<App startup={startup} />);
    await placesList();
    expect(await screen.findByTestId('map-stub')).toBeInTheDocument();
    // The hotspot file once: App used the started load instead of starting its own.
    const hotspotRequests = fetch.mock.calls.filter(([url]) => url === '/data/hotspots.geojson');
    expect(hotspotRequests).toHaveLength(1);
    expect(fetch.mock.calls.filter(([url]) => url === '/config.json')).toHaveLength(1);
  });

  it('opens the details of a clicked place and pushes ?hotspot= to the URL', async () => {
    const pushState = vi.spyOn(window.history, 'pushState');
    render(<App />);
    const list = await placesList();
    await userEvent.click(within(list).getByRole('button', { name: /TechnologieZentrumDortmund/ }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'TechnologieZentrumDortmund (TZDO)' }),
    ).toBeInTheDocument();
    // The URL is written in a task after the click's (useUrlSync).
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('hotspot')).toBe('tzdo'));
    expect(pushState).toHaveBeenCalled();
    expect(String(pushState.mock.calls.at(-1)?.[2])).toContain('hotspot=tzdo');
  });

  it('closing the details removes ?hotspot= again', async () => {
    render(<App />);
    const list = await placesList();
    await userEvent.click(within(list).getByRole('button', { name: /Phoenix-See/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Details schließen' }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).has('hotspot')).toBe(false));
    expect(screen.queryByRole('heading', { level: 2, name: 'Phoenix-See' })).not.toBeInTheDocument();
  });

  it('opens a place named in the URL once the data is there', async () => {
    window.history.replaceState(null, '', '/?hotspot=phoenix-see');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Phoenix-See' })).toBeInTheDocument();
    expect(useAppStore.getState().selectedId).toBe('phoenix-see');
  });

  it('drops an unknown place from the URL and keeps foreign parameters', async () => {
    window.history.replaceState(null, '', '/?hotspot=does-not-exist&mode=embed');
    render(<App />);
    await placesList();
    await waitFor(() => expect(new URLSearchParams(window.location.search).has('hotspot')).toBe(false));
    expect(new URLSearchParams(window.location.search).get('mode')).toBe('embed');
    expect(useAppStore.getState().selectedId).toBeNull();
  });

  it('Back after opening a place closes it again', async () => {
    render(<App />);
    const list = await placesList();
    await userEvent.click(within(list).getByRole('button', { name: /Dortmunder U/ }));
    expect(useAppStore.getState().selectedId).toBe('dortmunder-u');
    act(() => window.history.back());
    await waitFor(() => expect(useAppStore.getState().selectedId).toBeNull());
  });

  it('switches the interface to English', async () => {
    render(<App />);
    await placesList();
    await userEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('region', { name: 'Places' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('lang')).toBe('en'));
  });

  it('shows a data alert with a retry when the hotspots fail, and recovers on retry', async () => {
    fetch = fakeFetch({ '/data/hotspots.geojson': { status: 500 } });
    vi.stubGlobal('fetch', fetch);
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('hotspots.geojson konnte nicht geladen werden (HTTP 500).');
    vi.stubGlobal('fetch', fakeFetch());
    await userEvent.click(within(alert).getByRole('button', { name: 'Erneut laden' }));
    await placesList();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('the about dialog shows the counts from the data', async () => {
    render(<App />);
    await placesList();
    await userEvent.click(screen.getByRole('button', { name: /Über die Karte/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Über diese Karte' });
    expect(dialog).toHaveTextContent('51 Orte in 12 Stadtbezirken und 62 statistischen Bezirken.');
    expect(dialog).toHaveTextContent('© GeoBasis-DE / BKG');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Schließen' }));
    await waitFor(() => expect(useAppStore.getState().aboutOpen).toBe(false));
  });
});

describe('App without WebGL', { timeout: 20_000 }, () => {
  beforeEach(() => {
    stubWebGL(false);
  });

  it('shows the WebGL notice instead of the map, and the list still works', async () => {
    render(<App />);
    const list = await placesList();
    expect(await screen.findByText(/WebGL ist nicht verfügbar/)).toBeInTheDocument();
    expect(screen.queryByTestId('map-stub')).not.toBeInTheDocument();
    expect(useAppStore.getState().mapStatus).toBe('unsupported');
    await userEvent.click(within(list).getByRole('button', { name: /Zeche Zollern/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Zeche Zollern' })).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('hotspot')).toBe('zeche-zollern');
  });

  it('does not even try the map in a browser without WebGL 2', async () => {
    vi.stubGlobal('WebGL2RenderingContext', undefined);
    gpu.contextWorks = true;
    render(<App />);
    await placesList();
    expect(screen.getByText(/WebGL ist nicht verfügbar/)).toBeInTheDocument();
    expect(screen.queryByTestId('map-stub')).not.toBeInTheDocument();
    expect(useAppStore.getState().mapStatus).toBe('unsupported');
  });
});
