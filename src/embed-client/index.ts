/**
 * The partner's side of the Innovation Next Door postMessage API, version 1 (docs/embed.md).
 *
 *   import { InnovationMap } from 'https://<map origin>/embed/innovation-map-client.js';
 *   const map = InnovationMap.connect(document.querySelector('iframe')!);
 *   map.on('select', ({ id }) => console.log(id)).select('tzdo');
 *
 * Built on its own (vite.client.config.ts) into dist/embed/innovation-map-client.js, so it must not
 * import anything from the app: a partner loads this one small file and nothing else. The constants
 * and payload types mirror src/features/embed/protocol.ts; tests/unit/embedClient.test.ts keeps the two
 * in step.
 *
 * Trust: a message counts only when it comes from the iframe's own window AND from the map's exact
 * origin, and has the shape of a version-1 event. Commands are posted to that exact origin only (never
 * '*'), so they are dropped by the browser if the iframe has navigated somewhere else.
 */

export const MESSAGE_SOURCE = 'innovation-map';
export const API_VERSION = 1;

export type Category = 'science' | 'business' | 'culture' | 'civic' | 'urban';
export type Sector = 'municipal' | 'civic' | 'science' | 'business';
export type Status = 'existing' | 'planned';

/** The filter state, with the same names as the map's URL parameters. */
export interface MapFilters {
  category: Category[];
  sector: Sector[];
  status: Status[];
  /** Tag slugs. */
  tag: string[];
  /** A Stadtbezirk slug, or null. */
  district: string | null;
  /** A statistischer Bezirk slug, or null (a district and a neighbourhood exclude each other). */
  neighbourhood: string | null;
  /** The search text. */
  q: string;
}

export interface ReadyPayload {
  /** The place open when the map became ready (from the iframe's URL), or null. */
  selected: string | null;
  filters: MapFilters;
}

export interface SelectPayload {
  id: string | null;
}

export interface ResizePayload {
  /** The height of the map's content in CSS pixels. */
  height: number;
}

/** What the map tells the host page. */
export interface MapEvents {
  ready: ReadyPayload;
  select: SelectPayload;
  filters: MapFilters;
  resize: ResizePayload;
}

export type MapEventType = keyof MapEvents;
export type MapEventHandler<T extends MapEventType> = (payload: MapEvents[T]) => void;

export interface FlyToTarget {
  /** Longitude, within Dortmund (7.0 to 7.95). */
  lng: number;
  /** Latitude, within Dortmund (51.3 to 51.72). */
  lat: number;
  /** 9 to 19; the map uses 14 when left out. */
  zoom?: number;
}

export interface ConnectOptions {
  /**
   * The map's exact origin ("https://map.example"). Derived from the iframe's src when left out; give
   * it when the src is set later or goes through a redirect to another origin.
   */
  origin?: string;
  /** Set the iframe's CSS height from every "resize" event. */
  autoResize?: boolean;
}

/** The messages the host page posts (parent → map). */
export interface CommandMessage {
  target: typeof MESSAGE_SOURCE;
  version: typeof API_VERSION;
  type: 'select' | 'setFilters' | 'flyTo' | 'reset';
  payload: unknown;
}

type Check = (payload: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';
const isStringArray = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isFilters: Check = (value) =>
  isRecord(value) &&
  isStringArray(value['category']) &&
  isStringArray(value['sector']) &&
  isStringArray(value['status']) &&
  isStringArray(value['tag']) &&
  isStringOrNull(value['district']) &&
  isStringOrNull(value['neighbourhood']) &&
  typeof value['q'] === 'string';

/** Minimal shape checks per event: enough that a handler can rely on the documented types. */
const EVENT_CHECKS: Record<MapEventType, Check> = {
  ready: (payload) => isRecord(payload) && isStringOrNull(payload['selected']) && isFilters(payload['filters']),
  select: (payload) => isRecord(payload) && isStringOrNull(payload['id']),
  filters: isFilters,
  resize: (payload) =>
    isRecord(payload) &&
    typeof payload['height'] === 'number' &&
    Number.isFinite(payload['height']) &&
    payload['height'] >= 0,
};

/** The type and payload of a valid version-1 event from the map, or null. Pure; exported for tests. */
export function parseEvent(data: unknown): { type: MapEventType; payload: unknown } | null {
  if (!isRecord(data) || data['source'] !== MESSAGE_SOURCE || data['version'] !== API_VERSION) return null;
  const type = data['type'];
  // Own keys only: "constructor" or "__proto__" must not find a check on the prototype.
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_CHECKS, type)) return null;
  const eventType = type as MapEventType;
  return EVENT_CHECKS[eventType](data['payload']) ? { type: eventType, payload: data['payload'] } : null;
}

/** An exact origin as MessageEvent.origin reports it: scheme://host[:port], nothing else. */
function exactOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

/** The origin of the iframe's src; throws when there is none to talk to. */
export function originOf(iframe: HTMLIFrameElement, given?: string): string {
  if (given !== undefined) {
    const origin = exactOrigin(given);
    if (!origin)
      throw new TypeError(`InnovationMap: "${given}" is not an exact http(s) origin like "https://map.example".`);
    return origin;
  }
  try {
    // iframe.src is already resolved against the document's base URL.
    const origin = exactOrigin(new URL(iframe.src).origin);
    if (origin) return origin;
  } catch {
    // Falls through to the error below.
  }
  throw new TypeError('InnovationMap: the iframe has no http(s) src; set it first or pass { origin }.');
}

export class InnovationMapClient {
  /** The map's origin: the only one whose messages count and the only one commands go to. */
  readonly origin: string;
  /** Resolves with the first "ready"; rejects if the client is destroyed before that. */
  readonly ready: Promise<ReadyPayload>;

  private readonly iframe: HTMLIFrameElement;
  private readonly autoResize: boolean;
  private readonly handlers = new Map<MapEventType, Set<MapEventHandler<MapEventType>>>();
  /** Commands given before "ready": the map ignores them until its data is loaded. */
  private queue: CommandMessage[] | null = [];
  private destroyed = false;
  private settleReady: ((payload: ReadyPayload | null) => void) | null = null;
  private readonly onMessage: (event: MessageEvent) => void;

  constructor(iframe: HTMLIFrameElement, options: ConnectOptions = {}) {
    this.iframe = iframe;
    this.origin = originOf(iframe, options.origin);
    this.autoResize = options.autoResize === true;
    this.ready = new Promise<ReadyPayload>((resolve, reject) => {
      this.settleReady = (payload) =>
        payload ? resolve(payload) : reject(new Error('InnovationMap: destroyed before the map was ready.'));
    });
    // Nobody has to await `ready`; a destroy before it must not show up as an unhandled rejection.
    this.ready.catch(() => undefined);
    this.onMessage = (event) => this.receive(event);
    window.addEventListener('message', this.onMessage);
  }

  /** Calls `handler` with the payload of every `type` event. Chainable. */
  on<T extends MapEventType>(type: T, handler: MapEventHandler<T>): this {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler as MapEventHandler<MapEventType>);
    return this;
  }

  /** Removes one handler, or all handlers of `type` when none is given. Chainable. */
  off<T extends MapEventType>(type: T, handler?: MapEventHandler<T>): this {
    if (handler) this.handlers.get(type)?.delete(handler as MapEventHandler<MapEventType>);
    else this.handlers.delete(type);
    return this;
  }

  /** Opens a place's details by its id (slug), or closes them with null. */
  select(id: string | null): this {
    return this.send('select', { id });
  }

  /**
   * Sets the filters. Facets left out are cleared (the map receives a whole filter state); facets the
   * embed locks with `&lock=` keep their value whatever is sent.
   */
  setFilters(filters: Partial<MapFilters>): this {
    return this.send('setFilters', filters);
  }

  flyTo(target: FlyToTarget): this {
    const { lng, lat, zoom } = target;
    return this.send('flyTo', zoom === undefined ? { lng, lat } : { lng, lat, zoom });
  }

  /** Clears filters (except locked ones) and the selection, and moves the map back home. */
  reset(): this {
    return this.send('reset', {});
  }

  /** Stops listening and forgets all handlers and queued commands. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('message', this.onMessage);
    this.handlers.clear();
    this.queue = null;
    this.settleReady?.(null);
    this.settleReady = null;
  }

  private send(type: CommandMessage['type'], payload: unknown): this {
    if (this.destroyed) return this;
    const message: CommandMessage = { target: MESSAGE_SOURCE, version: API_VERSION, type, payload };
    if (this.queue) this.queue.push(message);
    else this.post(message);
    return this;
  }

  private post(message: CommandMessage): void {
    // Exact target origin: if the iframe now shows another site, the browser drops the message.
    this.iframe.contentWindow?.postMessage(message, this.origin);
  }

  /**
   * Sizes the iframe to the map's content. With `box-sizing: border-box` the CSS height includes the
   * iframe's border and padding; leaving them out would shrink the map by a few pixels on every
   * resize, which it reports again, and so on.
   */
  private fitHeight(height: number): void {
    const style = getComputedStyle(this.iframe);
    const frame =
      style.boxSizing === 'border-box'
        ? ['border-top-width', 'border-bottom-width', 'padding-top', 'padding-bottom'].reduce(
            (sum, property) => sum + (parseFloat(style.getPropertyValue(property)) || 0),
            0,
          )
        : 0;
    this.iframe.style.height = `${Math.ceil(height + frame)}px`;
  }

  private receive(event: MessageEvent): void {
    // Both checks: the origin alone would accept any frame of the map's site, the source alone any
    // page that the iframe has navigated to.
    if (event.source === null || event.source !== this.iframe.contentWindow || event.origin !== this.origin) return;
    const parsed = parseEvent(event.data);
    if (!parsed) return;
    if (parsed.type === 'ready') {
      this.settleReady?.(parsed.payload as ReadyPayload);
      this.settleReady = null;
      const queued = this.queue ?? [];
      this.queue = null;
      for (const message of queued) this.post(message);
    }
    if (parsed.type === 'resize' && this.autoResize) this.fitHeight((parsed.payload as ResizePayload).height);
    for (const handler of [...(this.handlers.get(parsed.type) ?? [])]) {
      try {
        handler(parsed.payload as MapEvents[MapEventType]);
      } catch (error) {
        // One failing handler must not stop the others; the error still surfaces in the console.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/** Connects to an iframe that shows the map with `?mode=embed`. Connect before the iframe loads, or soon after. */
export function connect(iframe: HTMLIFrameElement, options?: ConnectOptions): InnovationMapClient {
  return new InnovationMapClient(iframe, options);
}

export const InnovationMap: { readonly version: typeof API_VERSION; connect: typeof connect } = {
  version: API_VERSION,
  connect,
};
