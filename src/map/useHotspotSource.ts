import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { MapRef } from 'react-map-gl/maplibre';
import type { Hotspot } from '@/domain/hotspot';
import { whileIdle } from '@/lib/idle';
import {
  initialBroadContents,
  planSourcesUpdate,
  prepareDiffs,
  sliceDiff,
  type HotspotCollection,
  type HotspotSourceRole,
  type SourceContents,
} from './hotspotSourceDiff';
import { SOURCE_IDS } from './layers';
import { useMapHotspots } from './useMapHotspots';

/** What the narrow source is created with (the same object every time, so react-map-gl never resets it). */
export const EMPTY_HOTSPOTS: HotspotCollection = { type: 'FeatureCollection', features: [] };

/**
 * The narrow source gets its places in slices of this many, each in a task of its own (see sliceDiff).
 * It is drawn only once it holds them all, so nobody sees the slices arrive. MapLibre copies a diff to its
 * worker with its own serialiser, ~5-14 µs per place (the first slice after load is the slowest): a slice
 * of 5,000 took 70 ms of a 92 ms task (a district at 100,000 places); at 2,000 a slice's own task stays under
 * 50 ms (six bench-style runs each: longest task on a district 54-72 ms instead of 60-124 ms, on a
 * category 0-51 instead of 64-86).
 */
const NARROW_SLICE = 2_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const SOURCE_ID: Record<HotspotSourceRole, string> = {
  broad: SOURCE_IDS.hotspots,
  narrow: SOURCE_IDS.hotspotsNarrow,
};

export interface HotspotSource {
  /** The data the broad source is created with (per data set); null until there is a data set. */
  data: HotspotCollection | null;
  /** Whether each source's layers are drawn: one of them, both while the map changes over. */
  drawn: Record<HotspotSourceRole, boolean>;
  /** For the map's `sourcedata` events: a source added again (a style change) is brought up to date. */
  onSourceData: (event: { sourceId?: string }) => void;
}

interface Shown {
  role: HotspotSourceRole;
  /** The source drawn before, still drawn until the map has drawn `role`'s tiles (no blink between). */
  leaving: HotspotSourceRole | null;
}

interface Synced {
  sources: Record<HotspotSourceRole, GeoJSONSource>;
  data: HotspotCollection;
  target: readonly Hotspot[];
  contents: Record<HotspotSourceRole, SourceContents | null>;
}

/**
 * Keeps the places that pass the filters on the map, in one of two clustered sources (see
 * planSourcesUpdate): a filter result is sent as a diff to the source that draws it, and a source that
 * already holds it (a filter taken back) is just drawn again. The sources' `data` props change only with
 * a new data set, so react-map-gl calls setData only then. A source that react-map-gl (re-)adds holds
 * that data again: it is recognised by its new identity and brought up to date.
 */
export function useHotspotSource(mapRef: RefObject<MapRef | null>, geojson: HotspotCollection | null): HotspotSource {
  const target = useMapHotspots();
  const [initial, setInitial] = useState<
    (ReturnType<typeof initialBroadContents> & { target: readonly Hotspot[] }) | null
  >(null);
  const [shown, setShown] = useState<Shown>({ role: 'broad', leaving: null });
  // A new data set: computed during render (not in an effect), so the source is created with it at once.
  if (geojson && initial?.geojson !== geojson) {
    const next = { ...initialBroadContents(geojson, target), target };
    setInitial(next);
    setShown({ role: next.role, leaving: null });
  }

  const synced = useRef<Synced | null>(null);
  // Each source's diffs, sent one after the other (a diff is planned against the one before it). A new
  // epoch drops what is still queued: it was planned for a source or a data set that is gone.
  const outbox = useRef<Record<HotspotSourceRole, { queue: Promise<unknown>; epoch: number }>>({
    broad: { queue: Promise.resolve(), epoch: 0 },
    narrow: { queue: Promise.resolve(), epoch: 0 },
  });
  const dropQueued = (role: HotspotSourceRole) => {
    outbox.current[role] = { queue: Promise.resolve(), epoch: outbox.current[role].epoch + 1 };
  };
  // Counts sync() calls that decided where the places go: only the latest one may change the source drawn.
  const decision = useRef(0);

  // Cancels the idle-time preparation for the broad source last filled (see primeForDiffs).
  const priming = useRef(() => {});

  const sync = useCallback(() => {
    const map = mapRef.current;
    const broad = map?.getSource<GeoJSONSource>(SOURCE_ID.broad);
    const narrow = map?.getSource<GeoJSONSource>(SOURCE_ID.narrow);
    if (!map || !broad || !narrow || !initial || initial.geojson !== geojson) return;
    const last = synced.current;
    const sameData = last?.data === initial.data;
    // The broad source holds `initial.data` when it was (re-)added or got a new data set (react-map-gl's
    // setData). The narrow source is created empty and gets no setData: across a new data set it keeps
    // the old one's places, and its contents (of the old data set) make its next diff empty it first.
    const freshBroad = !sameData || last.sources.broad !== broad;
    const newNarrow = last?.sources.narrow !== narrow;
    // sourcedata fires for every tile: answer those in O(1).
    if (!freshBroad && !newNarrow && last.target === target) return;

    const contents = {
      broad: freshBroad ? initial : last.contents.broad,
      narrow: newNarrow || !last ? null : last.contents.narrow,
    };
    if (freshBroad) dropQueued('broad');
    if (newNarrow || !sameData) dropQueued('narrow');
    // A broad source created from `initial` for this very target already holds it: no pass over the ids
    // (at 100,000 places, tens of ms in the load).
    const {
      role,
      diff,
      contents: updated,
    } = freshBroad && initial.target === target && initial.role === 'broad'
      ? { role: initial.role, diff: null, contents: initial }
      : planSourcesUpdate(contents, initial.geojson, target);
    synced.current = {
      sources: { broad, narrow },
      data: initial.data,
      target,
      contents: { ...contents, [role]: updated },
    };
    decision.current += 1;
    const thisDecision = decision.current;
    const draw = () => {
      if (decision.current !== thisDecision) return;
      setShown((current) => (current.role === role ? current : { role, leaving: current.role }));
    };
    // Sent from the next task, not this one (which planned the diff): two shorter tasks. The broad source
    // gets its diff whole, so a source that is drawn never shows half a change.
    if (diff) {
      const source = role === 'broad' ? broad : narrow;
      const slices = role === 'narrow' ? sliceDiff(diff, NARROW_SLICE) : [diff];
      const box = outbox.current[role];
      const { epoch } = box;
      for (const slice of slices) {
        box.queue = box.queue
          .then(nextTask)
          .then(() => (outbox.current[role].epoch === epoch ? source.updateData(slice) : undefined))
          // A failed update is reported by MapLibre (the map's error event); the next ones still go out.
          .catch(() => undefined);
      }
    }
    // The source changes over only once it holds the result, so it never shows what it held before.
    void outbox.current[role].queue.then(draw);

    if (freshBroad) {
      priming.current();
      priming.current = primeForDiffs(map.getMap(), broad, initial.geojson);
    }
  }, [mapRef, geojson, initial, target]);

  // A task of its own, after the one that rendered the filter change: the list paints first, and the
  // copy to MapLibre's worker does not lengthen that task (at 100,000 places each is tens of ms).
  useEffect(() => {
    const task = setTimeout(sync, 0);
    return () => clearTimeout(task);
  }, [sync]);
  useEffect(() => () => priming.current(), []);

  // The source drawn before stays until the map has drawn the new one's tiles: hidden layers have no
  // tiles, and dropping both at once would blank the places for a moment.
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!shown.leaving || !map) return undefined;
    const done = () => setShown((current) => (current.leaving ? { role: current.role, leaving: null } : current));
    map.once('idle', done);
    return () => {
      map.off('idle', done);
    };
  }, [mapRef, shown]);

  const onSourceData = useCallback(
    (event: { sourceId?: string }) => {
      if (event.sourceId === SOURCE_ID.broad || event.sourceId === SOURCE_ID.narrow) sync();
    },
    [sync],
  );
  const drawn = {
    broad: shown.role === 'broad' || shown.leaving === 'broad',
    narrow: shown.role === 'narrow' || shown.leaving === 'narrow',
  };
  return { data: initial?.geojson === geojson ? initial.data : null, drawn, onSourceData };
}

/**
 * The first diff a GeoJSON source gets makes MapLibre index all its features by id, on the main thread
 * (30–80 ms at 100,000 places), and makes planSourcesUpdate index them too. Both are done in idle time
 * once the map has drawn the filled source (not before: the empty diff that is enough for MapLibre also
 * re-tiles the source, which would hold up the first complete map), so the first filter change does not
 * pay for them. Returns a function that cancels what has not run yet.
 */
function primeForDiffs(map: MapLibreMap, source: GeoJSONSource, geojson: HotspotCollection): () => void {
  let stopIdleWork = () => {};
  const start = () => {
    stopIdleWork = whileIdle(() => {
      prepareDiffs(geojson);
      void source.updateData({});
      return true;
    });
  };
  map.once('idle', start);
  return () => {
    map.off('idle', start);
    stopIdleWork();
  };
}
