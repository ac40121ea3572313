import * as v from 'valibot';
import type { FetchLike } from '@/data/fetchJson';

/** OpenFreeMap's "positron": a calm, light street map that keeps the thematic layers readable. */
export const DEFAULT_BASEMAP_STYLE_URL = 'https://tiles.openfreemap.org/styles/positron';

export interface RuntimeConfig {
  basemap: {
    /** An https style URL, or null for the embedded style only. */
    styleUrl: string | null;
    /** How long the online basemap may take before the app falls back to the embedded style. */
    timeoutMs: number;
  };
}

export const DEFAULT_CONFIG: RuntimeConfig = {
  basemap: { styleUrl: DEFAULT_BASEMAP_STYLE_URL, timeoutMs: 5000 },
};

const httpsUrl = v.pipe(
  v.string(),
  v.url(),
  v.check((value) => value.startsWith('https://'), 'https only'),
);

const configSchema = v.object({
  basemap: v.optional(
    v.object({
      styleUrl: v.optional(v.nullable(httpsUrl)),
      timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(500), v.maxValue(60_000))),
    }),
  ),
});

/** Validates a parsed config.json. Invalid input gives the defaults and a warning, never an exception. */
export function parseRuntimeConfig(raw: unknown, warn: (message: string) => void = console.warn): RuntimeConfig {
  const result = v.safeParse(configSchema, raw);
  if (!result.success) {
    warn(`config.json is invalid (${v.summarize(result.issues)}); using the defaults.`);
    return DEFAULT_CONFIG;
  }
  const basemap = result.output.basemap;
  return {
    basemap: {
      styleUrl: basemap?.styleUrl === undefined ? DEFAULT_CONFIG.basemap.styleUrl : basemap.styleUrl,
      timeoutMs: basemap?.timeoutMs ?? DEFAULT_CONFIG.basemap.timeoutMs,
    },
  };
}

export async function loadRuntimeConfig(
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
  url = `${import.meta.env.BASE_URL}config.json`,
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
