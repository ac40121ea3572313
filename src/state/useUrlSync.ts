import { useEffect, useRef } from 'react';
import { languageFromBrowser, type Language } from '@/i18n/language';
import { yieldToMain } from '@/lib/yieldToMain';
import { useAppStore, type AppState } from './store';
import { useHotspotIndex } from './selectors';
import { parseUrlState, sanitiseFilters, serialiseUrlState, type UrlState } from './urlState';

/** The language to start in: `?lang=` first, then the browser's preference, then German. */
export function initialLanguage(search: string, preferred: readonly string[]): Language {
  return parseUrlState(search).lang ?? languageFromBrowser(preferred);
}

function currentUrlState(): UrlState {
  return parseUrlState(window.location.search);
}

/** The places and tags the loaded data knows; anything else in a URL or message is dropped. */
export function knownValues(state: AppState) {
  const { districts, neighbourhoods, hotspots } = state.data;
  return {
    districts: districts ? new Set(districts.map((area) => area.slug)) : null,
    neighbourhoods: neighbourhoods ? new Set(neighbourhoods.map((area) => area.slug)) : null,
    tags: new Set((hotspots ?? []).flatMap((hotspot) => hotspot.tags)),
  };
}

/** Applies a URL to the store, dropping what the data does not know. */
function applyUrl(url: UrlState, index: ReadonlyMap<string, unknown>) {
  const store = useAppStore.getState();
  const filters = sanitiseFilters(url.filters, knownValues(store));
  const hotspot = url.hotspot && index.has(url.hotspot) ? url.hotspot : null;
  store.setFilters(filters);
  if (store.selectedId !== hotspot) store.select(hotspot);
  if (url.lang && store.language !== url.lang) store.setLanguage(url.lang);
}

/**
 * Whether the language belongs in the URL: when the link came with one, or the user switched. Otherwise
 * a shared link leaves the recipient's own browser language in charge.
 */
let languagePinned = false;

/**
 * Writes caused by an input wait for a task of their own. A history call is cheap on average but took
 * 10-25 ms now and then in Chromium (the first after a quiet spell), on top of the input's task, which
 * also renders the list and panel. Each write keeps its own state and mode, in order, so every change is
 * still its own history entry.
 */
let queuedWrites: Array<{ mode: 'push' | 'replace'; search: string }> = [];
let flushing: Promise<void> | null = null;

/** The query string the app last wrote or queued: the next write compares against it. */
function latestSearch(): string {
  return queuedWrites.at(-1)?.search ?? window.location.search;
}

/** The query string the store's state asks for, or null when the URL already says it. */
function wantedSearch(): string | null {
  const store = useAppStore.getState();
  const wanted: UrlState = {
    ...currentUrlState(),
    hotspot: store.selectedId,
    lang: languagePinned ? store.language : null,
    filters: store.filters,
  };
  const search = serialiseUrlState(wanted, latestSearch());
  return search === latestSearch() ? null : search;
}

function commitUrl(mode: 'push' | 'replace', search: string) {
  // The hash is read now: MapLibre keeps the camera there and may have moved it since the write was queued.
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(window.history.state, '', url);
}

function queueUrlWrite(mode: 'push' | 'replace') {
  const search = wantedSearch();
  if (search === null) return;
  queuedWrites.push({ mode, search });
  flushing ??= yieldToMain().then(() => {
    const writes = queuedWrites;
    queuedWrites = [];
    flushing = null;
    for (const write of writes) commitUrl(write.mode, write.search);
  });
}

/** Resolves once the queued URL writes are in the history (at once when none are queued). */
export function urlWritesDone(): Promise<void> {
  return flushing ?? Promise.resolve();
}

/**
 * Keeps the query string and the store in step. The URL is read when the data arrives (so unknown
 * ids and places can be dropped) and on back/forward. Selections, filter and language changes push a
 * history entry; typing in the search box only replaces the current one, so Back skips keystrokes.
 * The camera lives in the `#map=` hash, which MapLibre maintains itself.
 */
export function useUrlSync(): void {
  const index = useHotspotIndex();
  const hasHotspots = useAppStore((state) => state.data.hotspots !== null);
  const selectedId = useAppStore((state) => state.selectedId);
  const language = useAppStore((state) => state.language);
  const filters = useAppStore((state) => state.filters);
  const ready = useRef(false);
  const lastWritten = useRef<{ selectedId: string | null; language: Language; filters: AppState['filters'] } | null>(
    null,
  );

  useEffect(() => {
    if (!hasHotspots || ready.current) return;
    // The first read fixes the embed's locked facets (from the partner's URL) before anything else.
    useAppStore.setState({ filters: sanitiseFilters(currentUrlState().filters, knownValues(useAppStore.getState())) });
    useAppStore.getState().fixLockedFilters();
    applyUrl(currentUrlState(), index);
    languagePinned = currentUrlState().lang !== null;
    const search = wantedSearch();
    if (search !== null) commitUrl('replace', search);
    const state = useAppStore.getState();
    lastWritten.current = { selectedId: state.selectedId, language: state.language, filters: state.filters };
    ready.current = true;
  }, [hasHotspots, index]);

  useEffect(() => {
    const last = lastWritten.current;
    if (!ready.current || !last) return;
    if (last.selectedId === selectedId && last.language === language && last.filters === filters) return;
    const onlyQueryChanged =
      last.selectedId === selectedId &&
      last.language === language &&
      JSON.stringify({ ...last.filters, query: '' }) === JSON.stringify({ ...filters, query: '' });
    // A kiosk has no Back button and runs for weeks: it never grows the history.
    const kiosk = useAppStore.getState().launch.mode === 'kiosk';
    if (last.language !== language) languagePinned = true;
    queueUrlWrite(onlyQueryChanged || kiosk ? 'replace' : 'push');
    lastWritten.current = { selectedId, language, filters };
  }, [selectedId, language, filters]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    const onPopState = () => {
      // The user went to another entry: what was queued for the one they left no longer applies.
      queuedWrites = [];
      applyUrl(currentUrlState(), index);
      const state = useAppStore.getState();
      lastWritten.current = { selectedId: state.selectedId, language: state.language, filters: state.filters };
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [index]);
}
