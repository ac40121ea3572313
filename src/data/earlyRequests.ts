import type { FetchLike } from './fetchJson';
import { DATA_FILES, configUrl, dataFileUrl } from './files';

/**
 * The data files and the config, requested by the entry (main.ts) as soon as the static page is painted,
 * together with the app's code: this module imports nothing heavy. While the app's code loads and React
 * and the app are set up (~70 ms on a fast machine, several times that on a phone) the requests are
 * already on their way.
 */
const early = new Map<string, Promise<Response>>();

/** Sends the requests (with the same options the loaders use), to be taken up by `fetchOrEarly`. */
export function requestEarly(): void {
  for (const url of [...Object.values(DATA_FILES).map(dataFileUrl), configUrl()]) {
    const response = fetch(url, { cache: 'no-cache' });
    // Handled where it is taken up; a request nobody takes up must not be an unhandled rejection.
    response.catch(() => undefined);
    early.set(url, response);
  }
}

/**
 * `fetch`, except that the first request for a URL requested early gets that response. Once only: a
 * retry fetches anew. A request that can be aborted always fetches anew (the early one cannot be).
 */
export const fetchOrEarly: FetchLike = (input, init) => {
  const response = early.get(input);
  if (response && !init?.signal) {
    early.delete(input);
    return response;
  }
  return fetch(input, init);
};
