import * as v from 'valibot';
import { CATEGORIES, SECTORS, STATUSES } from '@/domain/hotspot';
import type { Filters } from '@/domain/filters';

/**
 * postMessage API, version 1 (docs/embed.md). Pure: no window, no store. Messages from the parent are
 * parsed with a strict schema; anything else (strings, null, other versions, unknown types, oversized
 * payloads) parses to null and is ignored.
 */
export const MESSAGE_SOURCE = 'innovation-map';
export const API_VERSION = 1;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slug = v.pipe(v.string(), v.maxLength(80), v.regex(SLUG));
const list = <T extends string>(values: readonly T[]) =>
  v.pipe(v.array(v.picklist(values)), v.maxLength(values.length));

/** The filter state as it travels in messages: the same names as the URL parameters. */
export const filtersPayloadSchema = v.strictObject({
  category: v.optional(list(CATEGORIES), []),
  sector: v.optional(list(SECTORS), []),
  status: v.optional(list(STATUSES), []),
  tag: v.optional(v.pipe(v.array(slug), v.maxLength(30)), []),
  district: v.optional(v.nullable(slug), null),
  neighbourhood: v.optional(v.nullable(slug), null),
  q: v.optional(v.pipe(v.string(), v.maxLength(200)), ''),
});
export type FiltersPayload = v.InferOutput<typeof filtersPayloadSchema>;

const envelope = <T extends string, P extends v.GenericSchema>(type: T, payload: P) =>
  v.strictObject({
    target: v.literal(MESSAGE_SOURCE),
    version: v.literal(API_VERSION),
    type: v.literal(type),
    payload,
  });

const incomingSchema = v.variant('type', [
  envelope('select', v.strictObject({ id: v.nullable(slug) })),
  envelope('setFilters', filtersPayloadSchema),
  envelope(
    'flyTo',
    v.strictObject({
      lng: v.pipe(v.number(), v.minValue(7.0), v.maxValue(7.95)),
      lat: v.pipe(v.number(), v.minValue(51.3), v.maxValue(51.72)),
      zoom: v.optional(v.pipe(v.number(), v.minValue(9), v.maxValue(19)), 14),
    }),
  ),
  envelope('reset', v.optional(v.strictObject({}), {})),
  // Asks the app to send "ready" again: for a partner script that connects after the map was ready.
  envelope('hello', v.optional(v.strictObject({}), {})),
]);
export type IncomingMessage = v.InferOutput<typeof incomingSchema>;

/** Strings over this size are not even looked at: nothing legitimate in API v1 comes close. */
const MAX_MESSAGE_CHARS = 20_000;

export function parseIncoming(data: unknown): IncomingMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  // Cheap pre-checks before a full validation, so floods of foreign messages cost little.
  const record = data as Record<string, unknown>;
  if (record['target'] !== MESSAGE_SOURCE || record['version'] !== API_VERSION) return null;
  try {
    if (JSON.stringify(data).length > MAX_MESSAGE_CHARS) return null;
  } catch {
    return null;
  }
  const result = v.safeParse(incomingSchema, data);
  return result.success ? result.output : null;
}

export type OutgoingType = 'ready' | 'select' | 'filters' | 'resize';

export interface OutgoingMessage<P = unknown> {
  source: typeof MESSAGE_SOURCE;
  version: typeof API_VERSION;
  type: OutgoingType;
  payload: P;
}

export function outgoing<P>(type: OutgoingType, payload: P): OutgoingMessage<P> {
  return { source: MESSAGE_SOURCE, version: API_VERSION, type, payload };
}

export function filtersToPayload(filters: Filters): FiltersPayload {
  return {
    category: [...filters.categories],
    sector: [...filters.sectors],
    status: [...filters.statuses],
    tag: [...filters.tags],
    district: filters.district,
    neighbourhood: filters.neighbourhood,
    q: filters.query,
  };
}

export function payloadToFilters(payload: FiltersPayload): Filters {
  const district = payload.district ?? null;
  return {
    categories: CATEGORIES.filter((value) => payload.category.includes(value)),
    sectors: SECTORS.filter((value) => payload.sector.includes(value)),
    statuses: STATUSES.filter((value) => payload.status.includes(value)),
    tags: [...new Set(payload.tag)].sort(),
    district,
    neighbourhood: district === null ? (payload.neighbourhood ?? null) : null,
    // As in a URL: control characters become spaces; the rest is plain text, only ever shown as text.
    query: payload.q.replace(/\p{Cc}/gu, ' ').trim(),
  };
}

/**
 * The parent's origin, as far as the page can know it: Chromium and Safari expose ancestorOrigins;
 * elsewhere the referrer (the generated iframe sends the origin, `strict-origin-when-cross-origin`).
 */
export function parentOrigin(location: { ancestorOrigins?: DOMStringList }, referrer: string): string | null {
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  try {
    return referrer ? new URL(referrer).origin : null;
  } catch {
    return null;
  }
}
