import * as v from 'valibot';
import { fetchOrEarly } from '@/data/earlyRequests';
import { configUrl } from '@/data/files';
import type { FetchLike } from '@/data/fetchJson';

/** OpenFreeMap's "positron": a calm, light street map that keeps the thematic layers readable. */
export const DEFAULT_BASEMAP_STYLE_URL = 'https://tiles.openfreemap.org/styles/positron';
export const DEFAULT_DARK_BASEMAP_STYLE_URL = 'https://tiles.openfreemap.org/styles/dark';

export interface KioskConfig {
  /** Seconds without input before the "still there?" countdown starts. */
  idleSeconds: number;
  countdownSeconds: number;
  /** Whether the attract tour plays while idle. */
  tour: boolean;
  /** Where the camera returns on reset; null means the whole city. */
  home: { center: [number, number]; zoom: number } | null;
}

export interface RuntimeConfig {
  basemap: {
    /** An https style URL, or null for the embedded style only. */
    styleUrl: string | null;
    /** The street map for the dark theme, or null to use the embedded dark style. */
    darkStyleUrl: string | null;
    /** How long the online basemap may take before the app falls back to the embedded style. */
    timeoutMs: number;
  };
  /** Exact origins (scheme://host[:port]) allowed to embed the map and to exchange messages with it. */
  partnerOrigins: string[];
  kiosk: KioskConfig;
}

export const DEFAULT_CONFIG: RuntimeConfig = {
  basemap: { styleUrl: DEFAULT_BASEMAP_STYLE_URL, darkStyleUrl: DEFAULT_DARK_BASEMAP_STYLE_URL, timeoutMs: 5000 },
  partnerOrigins: [],
  kiosk: { idleSeconds: 90, countdownSeconds: 10, tour: true, home: null },
};

const httpsUrl = v.pipe(
  v.string(),
  v.url(),
  v.check((value) => value.startsWith('https://'), 'https only'),
);

/**
 * An origin exactly as browsers report it in MessageEvent.origin: https, or http only for loopback
 * hosts (local testing). No path, no trailing slash, no wildcard.
 */
export function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return url.origin === value && (url.protocol === 'https:' || (url.protocol === 'http:' && loopback));
  } catch {
    return false;
  }
}

const basemapSchema = v.object({
  styleUrl: v.optional(v.nullable(httpsUrl)),
  darkStyleUrl: v.optional(v.nullable(httpsUrl)),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(500), v.maxValue(60_000))),
});

const partnerOriginsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.check(isExactOrigin, 'an exact https origin'))),
  v.maxLength(100),
);

const kioskSchema = v.object({
  idleSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(3600))),
  countdownSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120))),
  tour: v.optional(v.boolean()),
  home: v.optional(
    v.nullable(
      v.object({
        center: v.tuple([
          v.pipe(v.number(), v.minValue(7.2), v.maxValue(7.7)),
          v.pipe(v.number(), v.minValue(51.35), v.maxValue(51.65)),
        ]),
        zoom: v.pipe(v.number(), v.minValue(9), v.maxValue(18)),
      }),
    ),
  ),
});

type Warn = (message: string) => void;

/** Validates one section; an invalid section falls back to its defaults (with a warning), the rest is kept. */
function section<T>(name: string, schema: v.GenericSchema<unknown, T>, raw: unknown, warn: Warn): T | undefined {
  if (raw === undefined) return undefined;
  const result = v.safeParse(schema, raw);
  if (result.success) return result.output;
  warn(`config.json: "${name}" is invalid (${v.summarize(result.issues)}); using its defaults.`);
  return undefined;
}

/** Validates a parsed config.json. Invalid input gives the defaults and a warning, never an exception. */
export function parseRuntimeConfig(raw: unknown, warn: Warn = console.warn): RuntimeConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    warn('config.json is not a JSON object; using the defaults.');
    return DEFAULT_CONFIG;
  }
  const record = raw as Record<string, unknown>;
  const basemap = section('basemap', basemapSchema, record['basemap'], warn);
  const partnerOrigins = section('partnerOrigins', partnerOriginsSchema, record['partnerOrigins'], warn);
  const kiosk = section('kiosk', kioskSchema, record['kiosk'], warn);
  const defaults = DEFAULT_CONFIG;
  return {
    basemap: {
      styleUrl: basemap?.styleUrl === undefined ? defaults.basemap.styleUrl : basemap.styleUrl,
      darkStyleUrl: basemap?.darkStyleUrl === undefined ? defaults.basemap.darkStyleUrl : basemap.darkStyleUrl,
      timeoutMs: basemap?.timeoutMs ?? defaults.basemap.timeoutMs,
    },
    partnerOrigins: [...new Set(partnerOrigins ?? defaults.partnerOrigins)],
    kiosk: {
      idleSeconds: kiosk?.idleSeconds ?? defaults.kiosk.idleSeconds,
      countdownSeconds: kiosk?.countdownSeconds ?? defaults.kiosk.countdownSeconds,
      tour: kiosk?.tour ?? defaults.kiosk.tour,
      home: kiosk?.home === undefined ? defaults.kiosk.home : kiosk.home,
    },
  };
}

export async function loadRuntimeConfig(
  fetchImpl: FetchLike = fetchOrEarly,
  url = configUrl(),
): Promise<RuntimeConfig> {
  try {
    const response = await fetchImpl(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return parseRuntimeConfig(await response.json());
  } catch (error) {
    console.warn(`config.json could not be loaded (${String(error)}); using the defaults.`);
    return DEFAULT_CONFIG;
  }
}
