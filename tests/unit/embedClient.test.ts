import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  API_VERSION,
  InnovationMap,
  MESSAGE_SOURCE,
  connect,
  parseEvent,
  type InnovationMapClient,
  type MapFilters,
} from '@/embed-client/index';
import * as protocol from '@/features/embed/protocol';

const MAP_ORIGIN = 'https://map.example';
const EMPTY_FILTERS: MapFilters = {
  category: [],
  sector: [],
  status: [],
  tag: [],
  district: null,
  neighbourhood: null,
  q: '',
};

/** What the map posts to its parent, built with the app's own helper. */
const fromMap = (type: protocol.OutgoingType, payload: unknown) => protocol.outgoing(type, payload);
const READY = fromMap('ready', { selected: null, filters: EMPTY_FILTERS });

let iframe: HTMLIFrameElement;
let postMessage: ReturnType<typeof vi.fn>;
const clients: InnovationMapClient[] = [];

function frameWindow(): Window {
  if (!iframe.contentWindow) throw new Error('jsdom gave the iframe no window');
  return iframe.contentWindow;
}

/** A message event as the browser would deliver it to the host page. */
function deliver(data: unknown, { origin = MAP_ORIGIN, source = frameWindow() as Window | null } = {}): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

function open(options?: Parameters<typeof connect>[1]): InnovationMapClient {
  const client = connect(iframe, options);
  clients.push(client);
  return client;
}

/** The messages the client posted into the iframe, with the target origin of each. */
function posted(): { message: unknown; targetOrigin: unknown }[] {
  return postMessage.mock.calls.map(([message, targetOrigin]) => ({ message, targetOrigin }));
}

beforeEach(() => {
  iframe = document.createElement('iframe');
  iframe.src = `${MAP_ORIGIN}/?mode=embed&lang=de`;
  document.body.append(iframe);
  postMessage = vi.fn();
  // The spy stands in for the map: jsdom does not load the cross-origin page.
  frameWindow().postMessage = postMessage as unknown as Window['postMessage'];
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  iframe.remove();
});

describe('the client and the app speak the same protocol', () => {
  it('shares the envelope constants', () => {
    expect(MESSAGE_SOURCE).toBe(protocol.MESSAGE_SOURCE);
    expect(API_VERSION).toBe(protocol.API_VERSION);
    expect(InnovationMap.version).toBe(protocol.API_VERSION);
  });

  it('types the filters exactly as the app does', () => {
    expectTypeOf<MapFilters>().toEqualTypeOf<protocol.FiltersPayload>();
  });

  it('sends commands that the app’s parser accepts, unchanged', async () => {
    const client = open();
    deliver(READY);
    await client.ready;
    client
      .select('tzdo')
      .select(null)
      .setFilters({ category: ['science'], q: 'Labor' })
      .flyTo({ lng: 7.5135, lat: 51.4898, zoom: 15 })
      .flyTo({ lng: 7.45, lat: 51.51 })
      .reset();
    const messages = posted().map(({ message }) => message);
    expect(messages).toHaveLength(6);
    for (const message of messages) expect(protocol.parseIncoming(message), JSON.stringify(message)).not.toBeNull();
    expect(messages[0]).toEqual({ target: 'innovation-map', version: 1, type: 'select', payload: { id: 'tzdo' } });
    expect(messages[2]).toEqual({
      target: 'innovation-map',
      version: 1,
      type: 'setFilters',
      payload: { category: ['science'], q: 'Labor' },
    });
    expect(messages[4]).toEqual({
      target: 'innovation-map',
      version: 1,
      type: 'flyTo',
      payload: { lng: 7.45, lat: 51.51 },
    });
    expect(messages[5]).toEqual({ target: 'innovation-map', version: 1, type: 'reset', payload: {} });
  });

  it('understands every event the app sends', () => {
    expect(parseEvent(READY)).toEqual({ type: 'ready', payload: READY.payload });
    expect(parseEvent(fromMap('select', { id: 'tzdo' }))?.type).toBe('select');
    expect(parseEvent(fromMap('select', { id: null }))?.type).toBe('select');
    expect(
      parseEvent(
        fromMap(
          'filters',
          protocol.filtersToPayload({ ...protocol.payloadToFilters(EMPTY_FILTERS), categories: ['science'] }),
        ),
      ),
    ).toEqual({ type: 'filters', payload: { ...EMPTY_FILTERS, category: ['science'] } });
    expect(parseEvent(fromMap('resize', { height: 480 }))).toEqual({ type: 'resize', payload: { height: 480 } });
  });
});

describe('parseEvent: minimal shape checks', () => {
  it('rejects anything but a version-1 map event', () => {
    const bad: unknown[] = [
      'ready',
      JSON.stringify(READY),
      null,
      undefined,
      42,
      [READY],
      {},
      { ...READY, source: 'another-map' },
      { ...READY, target: 'innovation-map', source: undefined },
      { ...READY, version: 2 },
      { ...READY, version: '1' },
      { ...READY, type: 'unknown' },
      { ...READY, type: 'constructor' },
      { ...READY, type: '__proto__' },
      { ...READY, type: 'hasOwnProperty' },
      { target: 'innovation-map', version: 1, type: 'select', payload: { id: 'tzdo' } },
    ];
    for (const data of bad) expect(parseEvent(data), JSON.stringify(data)).toBeNull();
  });

  it('rejects payloads of the wrong shape', () => {
    const bad: unknown[] = [
      fromMap('ready', undefined),
      fromMap('ready', { selected: null }),
      fromMap('ready', { selected: 7, filters: EMPTY_FILTERS }),
      fromMap('select', {}),
      fromMap('select', { id: 7 }),
      fromMap('select', 'tzdo'),
      fromMap('filters', { ...EMPTY_FILTERS, category: 'science' }),
      fromMap('filters', { ...EMPTY_FILTERS, tag: [1] }),
      fromMap('filters', { ...EMPTY_FILTERS, district: 5 }),
      fromMap('filters', { ...EMPTY_FILTERS, q: null }),
      fromMap('filters', []),
      fromMap('resize', { height: '480' }),
      fromMap('resize', { height: Number.NaN }),
      fromMap('resize', { height: Number.POSITIVE_INFINITY }),
      fromMap('resize', { height: -1 }),
      fromMap('resize', null),
    ];
    for (const data of bad) expect(parseEvent(data), JSON.stringify(data)).toBeNull();
  });
});

describe('connect: the map’s origin', () => {
  it('is derived from the iframe’s src', () => {
    expect(open().origin).toBe(MAP_ORIGIN);
    iframe.src = 'http://localhost:4173/?mode=embed';
    expect(open().origin).toBe('http://localhost:4173');
  });

  it('can be given, exactly', () => {
    expect(open({ origin: 'https://other.example:8443' }).origin).toBe('https://other.example:8443');
  });

  it('refuses anything that is not an exact http(s) origin', () => {
    for (const origin of [
      '*',
      '',
      'null',
      'https://map.example/',
      'https://map.example/path',
      'map.example',
      'javascript:alert(1)',
      'ftp://map.example',
      'https://MAP.example',
    ]) {
      expect(() => open({ origin }), origin).toThrow(TypeError);
    }
  });

  it('refuses an iframe without an http(s) src', () => {
    const blank = document.createElement('iframe');
    expect(() => connect(blank)).toThrow(/no http\(s\) src/);
    blank.src = 'about:blank';
    expect(() => connect(blank)).toThrow(TypeError);
    blank.src = 'data:text/html,<p>hi</p>';
    expect(() => connect(blank)).toThrow(TypeError);
  });

  it('is the same through InnovationMap.connect', () => {
    const client = InnovationMap.connect(iframe);
    clients.push(client);
    expect(client.origin).toBe(MAP_ORIGIN);
  });
});

describe('receiving', () => {
  it('calls handlers for messages from the iframe’s window and the map’s origin', async () => {
    const onSelect = vi.fn();
    const onFilters = vi.fn();
    const onResize = vi.fn();
    const client = open().on('select', onSelect).on('filters', onFilters).on('resize', onResize);

    deliver(READY);
    await expect(client.ready).resolves.toEqual(READY.payload);
    deliver(fromMap('select', { id: 'tzdo' }));
    deliver(fromMap('filters', { ...EMPTY_FILTERS, q: 'Labor' }));
    deliver(fromMap('resize', { height: 612 }));

    expect(onSelect).toHaveBeenCalledExactlyOnceWith({ id: 'tzdo' });
    expect(onFilters).toHaveBeenCalledExactlyOnceWith({ ...EMPTY_FILTERS, q: 'Labor' });
    expect(onResize).toHaveBeenCalledExactlyOnceWith({ height: 612 });
  });

  it('ignores the right data from the wrong origin', () => {
    const onSelect = vi.fn();
    open().on('select', onSelect);
    for (const origin of [
      'https://evil.example',
      'http://map.example',
      'https://map.example:444',
      'https://sub.map.example',
      'null',
      '',
    ]) {
      deliver(fromMap('select', { id: 'tzdo' }), { origin });
    }
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('ignores the right origin from the wrong window', () => {
    const onSelect = vi.fn();
    open().on('select', onSelect);
    const other = document.createElement('iframe');
    other.src = `${MAP_ORIGIN}/?mode=embed`;
    document.body.append(other);
    deliver(fromMap('select', { id: 'tzdo' }), { source: other.contentWindow });
    deliver(fromMap('select', { id: 'tzdo' }), { source: window });
    deliver(fromMap('select', { id: 'tzdo' }), { source: null });
    other.remove();
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('ignores malformed data from the right window and origin', () => {
    const handler = vi.fn();
    const client = open().on('ready', handler).on('select', handler).on('filters', handler).on('resize', handler);
    for (const data of [
      'ready',
      null,
      [],
      { ...READY, version: 2 },
      fromMap('resize', { height: -5 }),
      fromMap('select', { id: 1 }),
    ]) {
      deliver(data);
    }
    expect(handler).not.toHaveBeenCalled();
    // And "ready" has not been taken from any of it: commands still wait.
    client.select('tzdo');
    expect(postMessage).not.toHaveBeenCalled();
  });

  it('removes one handler with off(type, handler), all of a type with off(type)', () => {
    const first = vi.fn();
    const second = vi.fn();
    const client = open().on('select', first).on('select', second);
    expect(client.off('select', first)).toBe(client);
    deliver(fromMap('select', { id: 'a' }));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    client.off('select');
    deliver(fromMap('select', { id: 'b' }));
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('keeps calling the other handlers when one throws, and still reports the error', () => {
    const reported: unknown[] = [];
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) => {
      try {
        callback();
      } catch (error) {
        reported.push(error);
      }
    });
    const after = vi.fn();
    open()
      .on('select', () => {
        throw new Error('partner bug');
      })
      .on('select', after);
    deliver(fromMap('select', { id: 'tzdo' }));
    expect(after).toHaveBeenCalledTimes(1);
    expect(reported).toEqual([new Error('partner bug')]);
  });
});

describe('sending', () => {
  it('queues commands until "ready", then posts them in order, to the exact origin only', async () => {
    const client = open();
    client
      .select('tzdo')
      .setFilters({ category: ['science'] })
      .flyTo({ lng: 7.5, lat: 51.5, zoom: 13 });
    expect(postMessage).not.toHaveBeenCalled();

    deliver(READY);
    await client.ready;
    expect(posted().map(({ message }) => (message as { type: string }).type)).toEqual([
      'select',
      'setFilters',
      'flyTo',
    ]);
    client.reset();
    expect(posted()).toHaveLength(4);
    for (const { targetOrigin } of posted()) expect(targetOrigin).toBe(MAP_ORIGIN);
  });

  it('posts to a given origin, not to the src’s', async () => {
    const client = open({ origin: 'https://cdn.map.example' });
    deliver(READY, { origin: 'https://cdn.map.example' });
    await client.ready;
    client.select(null);
    expect(posted()).toEqual([
      {
        message: { target: 'innovation-map', version: 1, type: 'select', payload: { id: null } },
        targetOrigin: 'https://cdn.map.example',
      },
    ]);
  });

  it('does not flush again on a second "ready" (the iframe reloaded)', async () => {
    const client = open().select('tzdo');
    deliver(READY);
    await client.ready;
    deliver(READY);
    expect(postMessage).toHaveBeenCalledTimes(1);
  });
});

describe('autoResize', () => {
  it('is off unless asked for', () => {
    iframe.style.height = '400px';
    open();
    deliver(fromMap('resize', { height: 900 }));
    expect(iframe.style.height).toBe('400px');
  });

  it('sets the iframe’s height from "resize"', () => {
    open({ autoResize: true });
    deliver(fromMap('resize', { height: 900.4 }));
    expect(iframe.style.height).toBe('901px');
  });

  it('adds border and padding when the iframe is sized border-box', () => {
    iframe.style.boxSizing = 'border-box';
    iframe.style.border = '2px solid black';
    iframe.style.padding = '3px';
    open({ autoResize: true });
    deliver(fromMap('resize', { height: 900 }));
    expect(iframe.style.height).toBe('910px');
  });
});

describe('destroy', () => {
  it('stops listening, drops queued commands and rejects a pending ready', async () => {
    const onSelect = vi.fn();
    const client = open().on('select', onSelect).select('tzdo');
    client.destroy();
    await expect(client.ready).rejects.toThrow(/destroyed/);
    deliver(READY);
    deliver(fromMap('select', { id: 'tzdo' }));
    client.select('drz').reset();
    expect(onSelect).not.toHaveBeenCalled();
    expect(postMessage).not.toHaveBeenCalled();
    expect(() => client.destroy()).not.toThrow();
  });

  it('removes its window listener', () => {
    const remove = vi.spyOn(window, 'removeEventListener');
    const client = open();
    client.destroy();
    expect(remove).toHaveBeenCalledWith('message', expect.any(Function));
  });

  it('keeps a resolved ready resolved', async () => {
    const client = open();
    deliver(READY);
    await client.ready;
    client.destroy();
    await expect(client.ready).resolves.toEqual(READY.payload);
  });
});
