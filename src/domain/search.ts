import { foldText } from '@/lib/foldText';
import type { Hotspot } from './hotspot';
import { TAG_LABELS } from './tags';

export interface SearchContext {
  districtName: (slug: string | null) => string | null;
  neighbourhoodName: (slug: string | null) => string | null;
  /**
   * The labels of the place's category, sector and status in both languages, as its details show them
   * ("Zivilgesellschaft", "Planned (vision)"): a resident who types a category's name finds its places.
   */
  facetLabels: (hotspot: Hotspot) => string;
}

/**
 * One folded text per hotspot with everything a resident might type: name, both summaries, tags
 * (slug and both labels), address, district, neighbourhood, and the labels of category, sector and status.
 * Built once per data set.
 */
export function buildSearchKeys(hotspots: readonly Hotspot[], context: SearchContext): ReadonlyMap<string, string> {
  return searchKeyBuilder(hotspots, context).all();
}

export interface SearchKeyBuilder {
  /** Builds up to `count` more keys; true once every key is built. */
  step: (count: number) => boolean;
  /** One place's key, built now if the slices have not got to it yet. */
  keyOf: (hotspot: Hotspot) => string;
  /** Builds whatever is left, and returns every key. */
  all: () => ReadonlyMap<string, string>;
}

/**
 * The search keys, built a slice at a time. At 100,000 places they take over a second to build: the app
 * builds them in idle time after loading instead of before its first paint. A search that comes earlier
 * builds the keys it reaches itself (keyOf), within its own slices.
 */
export function searchKeyBuilder(hotspots: readonly Hotspot[], context: SearchContext): SearchKeyBuilder {
  const keys = new Map<string, string>();
  let next = 0;
  const keyOf = (hotspot: Hotspot) => {
    let key = keys.get(hotspot.id);
    if (key === undefined) {
      key = foldText(searchText(hotspot, context));
      keys.set(hotspot.id, key);
    }
    return key;
  };
  const step = (count: number) => {
    const end = Math.min(hotspots.length, next + count);
    for (; next < end; next += 1) keyOf(hotspots[next]!);
    return next >= hotspots.length;
  };
  return {
    step,
    keyOf,
    all: () => {
      step(hotspots.length);
      return keys;
    },
  };
}

/**
 * Between the fields of a search key. The name comes first, so the part before the first separator is the
 * name: the ranking reads it (matchRank). No query term can contain it (terms are letters and digits).
 */
const FIELD_SEPARATOR = ' \u0000 ';

function searchText(hotspot: Hotspot, context: SearchContext): string {
  return [
    hotspot.name,
    hotspot.summary.de,
    hotspot.summary.en,
    hotspot.address,
    context.districtName(hotspot.district) ?? '',
    context.neighbourhoodName(hotspot.neighbourhood) ?? '',
    ...hotspot.tags.flatMap((tag) => [tag, TAG_LABELS[tag]?.de ?? '', TAG_LABELS[tag]?.en ?? '']),
    context.facetLabels(hotspot),
  ].join(FIELD_SEPARATOR);
}

/** The folded words of a query; empty when there is nothing to search for. */
export function queryTerms(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}

/** A predicate that is true when every term of the query occurs in the hotspot's search key. */
export function queryMatcher(query: string, keys: ReadonlyMap<string, string>): (hotspot: Hotspot) => boolean {
  const terms = queryTerms(query);
  if (terms.length === 0) return () => true;
  return (hotspot) => {
    const key = keys.get(hotspot.id);
    return key !== undefined && hasEveryTerm(key, terms);
  };
}

function hasEveryTerm(key: string, terms: readonly string[]): boolean {
  return terms.every((term) => key.includes(term));
}

/**
 * How well a place matches a query, best first in the list. A resident who types "TU Dortmund" wants the
 * university, not the 36 places whose texts merely contain "tu" ("Kultur", "Struktur") and "Dortmund". The
 * ranks only reorder what the search found (every term somewhere in the key); within a rank the list keeps
 * its name order.
 */
export const MatchRank = {
  /** Not found: some term occurs nowhere in the place's texts. */
  none: 0,
  /**
   * Every term occurs somewhere (summary, address, area, tags), not every one in the name, and some only
   * inside a word ("uni" in "municipal").
   */
  elsewhere: 1,
  /**
   * Every term begins a word somewhere in the place's texts, not every one in the name ("uni" in the
   * summary's "Universität"): what the resident typed is more likely the start of what they mean.
   */
  wordsElsewhere: 2,
  /** Every term occurs in the name, some inside a word ("zentrum" in "TechnologieZentrum"). */
  inName: 3,
  /** Every term begins a word of the name ("dortmund" in "TU Dortmund"). */
  nameWords: 4,
  /** As nameWords, and the name begins with the first term ("phoenix" in "Phoenix-See"). */
  nameStart: 5,
} as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

/** The rank of a folded key for the terms of a query (queryTerms); MatchRank.none when a term is missing. */
export function matchRank(key: string, terms: readonly string[]): MatchRank {
  const separator = key.indexOf(FIELD_SEPARATOR);
  const nameEnd = separator === -1 ? key.length : separator;
  let allInName = true;
  for (let index = 0; index < terms.length; index += 1) {
    const at = key.indexOf(terms[index]!);
    if (at === -1) return MatchRank.none;
    // The first occurrence: a term not in the name occurs first after it.
    firstAt[index] = at;
    if (at >= nameEnd) allInName = false;
  }
  if (!allInName) {
    const words = terms.every((term, index) => beginsAWord(key, term, firstAt[index]));
    return words ? MatchRank.wordsElsewhere : MatchRank.elsewhere;
  }
  const name = key.slice(0, nameEnd);
  if (!terms.every((term) => beginsAWord(name, term))) return MatchRank.inName;
  return name.startsWith(terms[0]!) ? MatchRank.nameStart : MatchRank.nameWords;
}

/**
 * Where each term first occurs in the key matchRank is ranking, so that the word check starts there and does
 * not search the key again (at 100,000 places that second search cost ~20 ms per query). Reused, not
 * allocated per key; matchRank is synchronous, so no two calls share it at once.
 */
const firstAt: number[] = [];

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * True when `term` occurs in `text` at the start of a word (after a space, a hyphen, a bracket …). `from`:
 * where it first occurs, when the caller knows.
 */
function beginsAWord(text: string, term: string, from = text.indexOf(term)): boolean {
  for (let at = from; at !== -1; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !LETTER_OR_DIGIT.test(text[at - 1]!)) return true;
  }
  return false;
}

/** True when every hotspot that matches `next` also matches `previous`: each old term lies inside a new one. */
function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((before) => next.some((after) => after.includes(before)));
}

/** One search, run a slice at a time (Search.begin). */
export interface SearchJob {
  /** Searches on for about budgetMs (at least one batch of keys); true once the answer is complete. */
  step: (budgetMs: number) => boolean;
  /**
   * One MatchRank per key (0 = not found), or null when the query has no terms. Complete once step
   * returned true.
   */
  readonly found: Uint8Array | null;
}

export interface Search {
  /** The whole search at once. */
  (query: string): Uint8Array | null;
  /** The same search in slices: at 100,000 places one search scans about 60 MB of text (~100 ms). */
  begin: (query: string) => SearchJob;
}

/**
 * The keys to search, one per place in a fixed order: an array, or keys made on first use (at() may
 * build one, ~15 µs at 100,000 places, which is why the batches below are short).
 */
export interface SearchKeys {
  readonly length: number;
  at: (index: number) => string | undefined;
}

/** Keys searched between two looks at the clock. */
export const KEYS_PER_BATCH = 500;

/**
 * A search over folded keys (one per place, in a fixed order) that remembers its last complete answer.
 * Typing usually narrows the query ("pho" → "phoe" → "phoenix"); then only the places the last query
 * found can match, and only those are searched again. Answers are one MatchRank per key (0 = not found),
 * or null when the query has no terms (no search). Keys are asked for only when a query with terms needs them.
 * Bytes, not a set of ids: at 100,000 places, building and asking a set of ids cost more than the search
 * itself.
 */
export function createSearch(keys: SearchKeys): Search {
  let last: { terms: readonly string[]; found: Uint8Array } | null = null;

  const begin = (query: string): SearchJob => {
    const terms = queryTerms(query);
    if (terms.length === 0) return { step: () => true, found: null };
    const previous = last && narrows(last.terms, terms) ? last.found : null;
    const found = new Uint8Array(keys.length);
    let index = 0;
    const step = (budgetMs: number) => {
      const until = performance.now() + budgetMs;
      while (index < keys.length) {
        const end = Math.min(keys.length, index + KEYS_PER_BATCH);
        for (; index < end; index += 1) {
          if (previous && previous[index] === MatchRank.none) continue;
          const key = keys.at(index);
          if (key !== undefined) found[index] = matchRank(key, terms);
        }
        if (index < keys.length && performance.now() >= until) return false;
      }
      // Only a complete answer may be narrowed from.
      last = { terms, found };
      return true;
    };
    return { step, found };
  };

  const search = (query: string) => {
    const job = begin(query);
    job.step(Infinity);
    return job.found;
  };
  return Object.assign(search, { begin });
}
