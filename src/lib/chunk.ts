import { useEffect, useState } from 'react';

/**
 * Code loaded on demand, for components that render a placeholder until it is here.
 *
 * Why not React.lazy and Suspense: React 19 holds back the content that replaces a Suspense fallback
 * until 300 ms after the last fallback appeared (it batches reveals). The map's code usually arrived
 * well within that time, so the map started up to 300 ms later than it could (measured: the WebGL
 * context was created ~300 ms after the chunks had arrived, with the main thread idle in between).
 * Here the placeholder is ordinary rendering, and the component appears in the render after its code.
 */
export interface Chunk<T> {
  /** The loaded module, once it is here. */
  readonly current: T | null;
  /** Starts loading (once; again after a failure) and resolves with the module. */
  load: () => Promise<T>;
}

export function chunk<T>(importer: () => Promise<T>): Chunk<T> {
  let current: T | null = null;
  let pending: Promise<T> | null = null;
  return {
    get current() {
      return current;
    },
    load: () =>
      (pending ??= importer().then(
        (module) => {
          current = module;
          return module;
        },
        (error: unknown) => {
          // Not cached: a later attempt (a map restart, the next long list) fetches again.
          pending = null;
          throw error;
        },
      )),
  };
}

export type ChunkState<T> = { module: T; failed: false } | { module: null; failed: boolean };

/** The chunk's module once loaded (starting the load if needed); `failed` when loading it failed. */
export function useChunk<T>(source: Chunk<T>): ChunkState<T> {
  const [, setLoaded] = useState<T | null>(source.current);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    // Also when the code is here already: it may have arrived between this render and the effect, and
    // then only this state update shows it (with the module rendered already, React skips the update).
    let live = true;
    source.load().then(
      (module) => live && setLoaded(() => module),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [source]);
  const module = source.current;
  return module ? { module, failed: false } : { module: null, failed };
}
