import { CATEGORIES, SECTORS, STATUSES } from '@/domain/hotspot';
import type { Filters } from '@/domain/filters';
import { isLanguage, type Language } from '@/i18n/language';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_QUERY_LENGTH = 200;
const MAX_LIST_VALUES = 30;

/** What the query string may say. Anything unknown or malformed is dropped, never thrown. */
export interface UrlState {
  hotspot: string | null;
  lang: Language | null;
  /** `?basemap=offline` forces the embedded style. */
  basemap: 'offline' | null;
  filters: Filters;
}

function isSlug(value: string): boolean {
  return value.length <= 80 && SLUG.test(value);
}

function slugParam(params: URLSearchParams, key: string): string | null {
  const value = params.get(key);
  return value !== null && isSlug(value) ? value : null;
}

/** A comma-separated list, keeping only allowed values, each once, in the allowed order. */
function listParam<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T[] {
  const given = new Set((params.get(key) ?? '').split(','));
  return allowed.filter((value) => given.has(value));
}

function tagParam(params: URLSearchParams): string[] {
  const tags = (params.get('tag') ?? '').split(',').filter(isSlug);
  return [...new Set(tags)].sort().slice(0, MAX_LIST_VALUES);
}

function queryParam(params: URLSearchParams): string {
  // Control characters are dropped; the rest is plain text that is only ever rendered as text.
  const raw = (params.get('q') ?? '').replace(/\p{Cc}/gu, ' ').trim();
  // Cut by characters (not UTF-16 units, so no emoji is split), then trim what the cut exposed.
  return Array.from(raw).slice(0, MAX_QUERY_LENGTH).join('').trim();
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  const district = slugParam(params, 'district');
  return {
    hotspot: slugParam(params, 'hotspot'),
    lang: isLanguage(lang) ? lang : null,
    basemap: params.get('basemap') === 'offline' ? 'offline' : null,
    filters: {
      categories: listParam(params, 'category', CATEGORIES),
      sectors: listParam(params, 'sector', SECTORS),
      statuses: listParam(params, 'status', STATUSES),
      tags: tagParam(params),
      district,
      // One place at a time: a district wins over a neighbourhood.
      neighbourhood: district === null ? slugParam(params, 'neighbourhood') : null,
      query: queryParam(params),
    },
  };
}

/** The keys this app owns in the query string, in the order it writes them. */
const OWN_KEYS = [
  'category',
  'sector',
  'status',
  'tag',
  'district',
  'neighbourhood',
  'q',
  'hotspot',
  'lang',
  'basemap',
];

/**
 * Writes the app's keys into an existing query string, keeping parameters the app does not own
 * (an embed's `mode`, say) and dropping keys that are empty.
 */
export function serialiseUrlState(state: UrlState, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  for (const key of OWN_KEYS) params.delete(key);
  const set = (key: string, value: string | null) => {
    if (value !== null && value !== '') params.set(key, value);
  };
  const { filters } = state;
  set('category', filters.categories.join(','));
  set('sector', filters.sectors.join(','));
  set('status', filters.statuses.join(','));
  set('tag', filters.tags.join(','));
  set('district', filters.district);
  set('neighbourhood', filters.neighbourhood);
  set('q', filters.query.trim());
  set('hotspot', state.hotspot);
  set('lang', state.lang);
  set('basemap', state.basemap);
  // Commas separate list values; leaving them unescaped keeps shared links readable (?category=a,b).
  const query = params.toString().replace(/%2C/gi, ',');
  return query ? `?${query}` : '';
}

/** Drops place and tag values the loaded data does not know (`?district=nowhere`). */
export function sanitiseFilters(
  filters: Filters,
  known: {
    districts: ReadonlySet<string> | null;
    neighbourhoods: ReadonlySet<string> | null;
    tags: ReadonlySet<string>;
  },
): Filters {
  return {
    ...filters,
    tags: filters.tags.filter((tag) => known.tags.has(tag)),
    district: filters.district !== null && known.districts?.has(filters.district) ? filters.district : null,
    neighbourhood:
      filters.neighbourhood !== null && known.neighbourhoods?.has(filters.neighbourhood) ? filters.neighbourhood : null,
  };
}
