import type { StyleSpecification } from 'maplibre-gl';
import type { FetchLike } from '@/data/fetchJson';

/** Source ids of the online basemap are prefixed so that their errors can be told from ours. */
export const BASEMAP_PREFIX = 'basemap-';

function isStyle(value: unknown): value is StyleSpecification {
  const style = value as Partial<StyleSpecification> | null;
  return (
    typeof style === 'object' &&
    style !== null &&
    style.version === 8 &&
    typeof style.sources === 'object' &&
    style.sources !== null &&
    Array.isArray(style.layers)
  );
}

/**
 * Fetches an online style within the time limit. Resolves to null (never rejects) when the style is
 * unreachable, slow, or not a MapLibre style: the caller then stays on the embedded style.
 */
export async function fetchBasemapStyle(
  url: string,
  timeoutMs: number,
  fetchImpl: FetchLike,
): Promise<StyleSpecification | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { signal: controller.signal, credentials: 'omit' });
    if (!response.ok) return null;
    const style: unknown = await response.json();
    return isStyle(style) ? prefixSources(style) : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Renames the basemap's sources (and the layers' references to them) with BASEMAP_PREFIX. */
export function prefixSources(style: StyleSpecification): StyleSpecification {
  const sources = Object.fromEntries(
    Object.entries(style.sources).map(([id, source]) => [`${BASEMAP_PREFIX}${id}`, source]),
  );
  const layers = style.layers.map((layer) =>
    'source' in layer && typeof layer.source === 'string'
      ? { ...layer, source: `${BASEMAP_PREFIX}${layer.source}` }
      : layer,
  );
  return { ...style, sources, layers } as StyleSpecification;
}

export function isBasemapSource(sourceId: unknown): boolean {
  return typeof sourceId === 'string' && sourceId.startsWith(BASEMAP_PREFIX);
}
