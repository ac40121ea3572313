import { isLanguage, type Language } from '@/i18n/language';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What the query string may say. Anything unknown or malformed is dropped, never thrown. */
export interface UrlState {
  hotspot: string | null;
  lang: Language | null;
  /** `?basemap=offline` forces the embedded style. */
  basemap: 'offline' | null;
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const hotspot = params.get('hotspot');
  const lang = params.get('lang');
  return {
    hotspot: hotspot !== null && hotspot.length <= 80 && ID.test(hotspot) ? hotspot : null,
    lang: isLanguage(lang) ? lang : null,
    basemap: params.get('basemap') === 'offline' ? 'offline' : null,
  };
}

/**
 * Writes the app's keys into an existing query string, keeping parameters the app does not own
 * (a partner's tracking-free extras, say) and dropping keys whose value is null.
 */
export function serialiseUrlState(state: UrlState, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  const set = (key: string, value: string | null) => (value === null ? params.delete(key) : params.set(key, value));
  set('hotspot', state.hotspot);
  set('lang', state.lang);
  set('basemap', state.basemap);
  const query = params.toString();
  return query ? `?${query}` : '';
}
