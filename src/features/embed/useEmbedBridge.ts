import { useEffect, useRef } from 'react';
import { useAppStore } from '@/state/store';
import { sanitiseFilters } from '@/state/urlState';
import { knownValues } from '@/state/useUrlSync';
import {
  filtersToPayload,
  outgoing,
  parentOrigin,
  parseIncoming,
  payloadToFilters,
  type OutgoingType,
} from './protocol';

/**
 * The embed's side of the postMessage API. It talks only to a parent whose origin is on the partner
 * list (exact match), posts only to that origin (never '*'), and acts only on messages from it that
 * pass the schema. Nothing from a message is executed or rendered as HTML: ids and filters go through
 * the same store actions (and locks) as clicks do.
 */
export function useEmbedBridge(partnerOrigins: readonly string[] | null): void {
  const mode = useAppStore((state) => state.launch.mode);
  const hasHotspots = useAppStore((state) => state.data.hotspots !== null);
  const target = useRef<string | null>(null);

  const active = mode === 'embed' && partnerOrigins !== null && window.parent !== window;

  useEffect(() => {
    if (!active) return undefined;
    const origin = parentOrigin(window.location, document.referrer);
    target.current = origin && partnerOrigins.includes(origin) ? origin : null;
    if (!target.current) return undefined;
    const allowed = target.current;

    const post = (type: OutgoingType, payload: unknown) => window.parent.postMessage(outgoing(type, payload), allowed);
    const postReady = () => {
      const state = useAppStore.getState();
      if (state.data.hotspots === null) return;
      post('ready', { selected: state.selectedId, filters: filtersToPayload(state.filters) });
    };

    const onMessage = (event: MessageEvent) => {
      if (event.origin !== allowed || event.source !== window.parent) return;
      const message = parseIncoming(event.data);
      if (!message) return;
      const store = useAppStore.getState();
      switch (message.type) {
        case 'select': {
          const id = message.payload.id;
          store.select(id !== null && store.data.hotspots?.some((hotspot) => hotspot.id === id) ? id : null);
          break;
        }
        case 'setFilters':
          // The same cleaning as a URL gets: places and tags the data does not know are dropped.
          store.setFilters(sanitiseFilters(payloadToFilters(message.payload), knownValues(store)));
          break;
        case 'hello':
          postReady();
          break;
        case 'flyTo':
          store.requestCamera([message.payload.lng, message.payload.lat], message.payload.zoom);
          break;
        case 'reset':
          store.resetFilters();
          store.select(null);
          store.requestCamera(null, null);
          break;
      }
    };
    window.addEventListener('message', onMessage);

    // State changes go to the parent as events (filters only when their content changed).
    let lastFilters = JSON.stringify(filtersToPayload(useAppStore.getState().filters));
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.selectedId !== previous.selectedId) post('select', { id: state.selectedId });
      if (state.filters !== previous.filters) {
        const payload = filtersToPayload(state.filters);
        const serialised = JSON.stringify(payload);
        if (serialised !== lastFilters) {
          lastFilters = serialised;
          post('filters', payload);
        }
      }
    });

    // The content height, so the host can size the iframe. Measured on the app's own root element:
    // html and body fill the iframe, so they never shrink or grow with the content.
    const content = document.getElementById('root')?.firstElementChild ?? document.body;
    let lastHeight = -1;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // scrollHeight too: in an iframe lower than the map's minimum the content overflows its box.
        const height = Math.ceil(Math.max(content.getBoundingClientRect().height, content.scrollHeight));
        if (height !== lastHeight) {
          lastHeight = height;
          post('resize', { height });
        }
      });
    });
    observer.observe(content);

    return () => {
      window.removeEventListener('message', onMessage);
      unsubscribe();
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [active, partnerOrigins]);

  // "ready" once the data is there, so a host's first select can find its place.
  useEffect(() => {
    if (!active || !hasHotspots || !target.current) return;
    const state = useAppStore.getState();
    window.parent.postMessage(
      outgoing('ready', { selected: state.selectedId, filters: filtersToPayload(state.filters) }),
      target.current,
    );
  }, [active, hasHotspots]);
}
