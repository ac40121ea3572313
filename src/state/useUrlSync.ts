import { languageFromBrowser, type Language } from '@/i18n/language';
import { useEffect, useRef } from 'react';
import { useAppStore } from './store';
import { useHotspotIndex } from './selectors';
import { parseUrlState, serialiseUrlState, type UrlState } from './urlState';

/** The language to start in: `?lang=` first, then the browser's preference, then German. */
export function initialLanguage(search: string, preferred: readonly string[]): Language {
  return parseUrlState(search).lang ?? languageFromBrowser(preferred);
}

function currentUrlState(): UrlState {
  return parseUrlState(window.location.search);
}

/**
 * Keeps the query string and the store in step. The URL is read once at start (and on back/forward);
 * meaningful changes (a selection, the language) push a history entry, so Back undoes them. The
 * camera lives in the `#map=` hash, which MapLibre maintains itself.
 */
export function useUrlSync(): void {
  const index = useHotspotIndex();
  const hasHotspots = useAppStore((state) => state.data.hotspots !== null);
  const selectedId = useAppStore((state) => state.selectedId);
  const language = useAppStore((state) => state.language);
  // The selection from the URL is applied once the data is there to check the id against.
  useEffect(() => {
    if (!hasHotspots) return;
    const requested = currentUrlState().hotspot;
    if (requested && index.has(requested)) {
      useAppStore.getState().select(requested);
    } else if (requested) {
      // An unknown id is dropped quietly, without a history entry.
      const cleaned = serialiseUrlState({ ...currentUrlState(), hotspot: null }, window.location.search);
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${cleaned}${window.location.hash}`);
    }
    // Only when a data set arrives, not on every selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasHotspots]);

  // Store → URL. The first write only normalises the address (replace); later ones are user steps (push).
  const wroteOnce = useRef(false);
  useEffect(() => {
    if (!hasHotspots) return;
    // Read the store afresh: the start-up effect above may have selected in this same commit.
    const store = useAppStore.getState();
    const wanted: UrlState = { ...currentUrlState(), hotspot: store.selectedId, lang: store.language };
    const search = serialiseUrlState(wanted, window.location.search);
    if (search !== window.location.search) {
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      if (wroteOnce.current) window.history.pushState(null, '', url);
      else window.history.replaceState(window.history.state, '', url);
    }
    wroteOnce.current = true;
  }, [hasHotspots, selectedId, language]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // URL → store on back and forward.
  useEffect(() => {
    const onPopState = () => {
      const state = currentUrlState();
      const store = useAppStore.getState();
      const id = state.hotspot && index.has(state.hotspot) ? state.hotspot : null;
      if (store.selectedId !== id) store.select(id);
      if (state.lang && store.language !== state.lang) store.setLanguage(state.lang);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [index]);
}
