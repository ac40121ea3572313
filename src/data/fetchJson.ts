import { DataFileError } from './problems';
import type { DataFileName } from './files';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Fetches one data file and parses it as JSON. Every way this can go wrong ends in a DataFileError
 * that says which file and why, so the UI can show a precise alert with a retry.
 */
export async function fetchJson(
  file: DataFileName,
  url: string,
  fetchImpl: FetchLike,
  signal?: AbortSignal,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-cache', ...(signal ? { signal } : {}) });
  } catch {
    throw new DataFileError({ file, code: 'network' });
  }
  if (!response.ok) throw new DataFileError({ file, code: 'http', status: response.status });
  let body: string;
  try {
    body = await response.text();
  } catch {
    throw new DataFileError({ file, code: 'network' });
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new DataFileError({ file, code: 'not-json' });
  }
}
