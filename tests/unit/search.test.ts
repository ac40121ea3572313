import { describe, expect, it } from 'vitest';
import { validateHotspots } from '@/data/hotspots';
import type { Hotspot } from '@/domain/hotspot';
import {
  buildSearchKeys,
  createSearch,
  KEYS_PER_BATCH,
  MatchRank,
  matchRank,
  queryMatcher,
  queryTerms,
  searchKeyBuilder,
} from '@/domain/search';
import { makeHotspot } from '../fixtures/unit/hotspot';
import { readRawHotspots, realContext, searchContextFor } from '../fixtures/unit/realData';

const context = realContext();
const REAL = validateHotspots(readRawHotspots(), context).hotspots;
const names = searchContextFor(context.districts, context.neighbourhoods);
const KEYS = buildSearchKeys(REAL, names);

/** The ids of the real places a query finds, sorted. */
function find(query: string, hotspots: readonly Hotspot[] = REAL, keys = KEYS): string[] {
  return hotspots
    .filter(queryMatcher(query, keys))
    .map((hotspot) => hotspot.id)
    .sort();
}

const byId = (id: string) => {
  const hotspot = REAL.find((candidate) => candidate.id === id);
  if (!hotspot) throw new Error(`no hotspot ${id}`);
  return hotspot;
};

/** How many places a search's answer finds (any rank above none). */
const countFound = (found: Uint8Array | null) => (found ?? []).filter((rank) => rank !== MatchRank.none).length;

const HOERDE_DISTRICT = REAL.filter((hotspot) => hotspot.district === 'hoerde').map((hotspot) => hotspot.id);

describe('queryTerms', () => {
  it('folds and splits on anything that is not a letter or digit', () => {
    expect(queryTerms('Hörde  PHOENIX-See')).toEqual(['horde', 'phonix', 'see']);
    expect(queryTerms('Emil-Figge-Straße 42, 44227')).toEqual(['emil', 'figge', 'strasse', '42', '44227']);
  });

  it('is empty for an empty, blank or punctuation-only query', () => {
    expect(queryTerms('')).toEqual([]);
    expect(queryTerms('   \t\n')).toEqual([]);
    expect(queryTerms(' - , ; ')).toEqual([]);
  });

  it('treats markup as words', () => {
    expect(queryTerms('<script>alert(1)</script>')).toEqual(['script', 'alert', '1', 'script']);
  });
});

describe('buildSearchKeys', () => {
  it('has one key per hotspot, folded', () => {
    expect(KEYS.size).toBe(REAL.length);
    for (const key of KEYS.values()) expect(key).toBe(key.toLowerCase());
    expect(KEYS.get('phoenix-see')).toContain('phonix');
    expect(KEYS.get('phoenix-see')).not.toContain('ö');
  });

  it('includes name, both summaries, tags with both labels, address, district and neighbourhood', () => {
    const place = makeHotspot({
      id: 'p',
      name: 'Zeche Zollern',
      summary: { de: 'Ein Museum', en: 'A colliery' },
      address: 'Grubenweg 5',
      tags: ['robotics'],
      district: 'd',
      neighbourhood: 'n',
    });
    const key = buildSearchKeys([place], {
      districtName: (slug) => (slug === 'd' ? 'Bövinghausen-Bezirk' : null),
      neighbourhoodName: (slug) => (slug === 'n' ? 'Kley-Viertel' : null),
      facetLabels: () => '',
    }).get('p')!;
    for (const word of [
      'zeche',
      'zollern',
      'museum',
      'colliery',
      'grubenweg',
      'bovinghausen',
      'kley',
      'robotik',
      'robotics',
    ]) {
      expect(key, word).toContain(word);
    }
  });

  it('includes the labels of category, sector and status in both languages, as the details show them', () => {
    const place = makeHotspot({ id: 'p', category: 'civic', sector: 'science', status: 'planned' });
    const key = buildSearchKeys([place], names).get('p')!;
    for (const label of ['zivilgesellschaft', 'civil society', 'wissenschaft', 'science', 'geplant', 'planned'])
      expect(key, label).toContain(label);
    // On the real data: a category's label finds every place of that category.
    const science = REAL.filter((hotspot) => hotspot.category === 'science').map((hotspot) => hotspot.id);
    expect(find('Wissenschaft')).toEqual(expect.arrayContaining(science));
    const urban = REAL.filter((hotspot) => hotspot.category === 'urban').map((hotspot) => hotspot.id);
    expect(find('Stadtentwicklung')).toEqual([...urban].sort());
  });

  it('copes with a place that has no district or neighbourhood', () => {
    const place = makeHotspot({ id: 'x', district: null, neighbourhood: null, tags: [] });
    expect(() => buildSearchKeys([place], names)).not.toThrow();
    expect(find('testort', [place], buildSearchKeys([place], names))).toEqual(['x']);
  });
});

describe('searchKeyBuilder: the keys a slice at a time', () => {
  it('builds as many keys as asked per step, says when it is done, and ends with the same keys', () => {
    const builder = searchKeyBuilder(REAL, names);
    expect(builder.step(20)).toBe(false);
    expect(builder.step(20)).toBe(false);
    expect(builder.step(20)).toBe(REAL.length <= 60);
    expect(builder.step(REAL.length)).toBe(true);
    expect(new Map(builder.all())).toEqual(new Map(KEYS));
  });

  it('builds one key on demand, the same as the slices would, and the slices still end with every key', () => {
    const builder = searchKeyBuilder(REAL, names);
    const last = REAL.at(-1)!;
    expect(builder.keyOf(last)).toBe(KEYS.get(last.id));
    expect(builder.step(REAL.length - 1)).toBe(false);
    expect(builder.step(1)).toBe(true);
    expect(new Map(builder.all())).toEqual(new Map(KEYS));
  });

  it('a search over keys built on demand looks at one batch per step, building only those', () => {
    const built: string[] = [];
    const many = Array.from({ length: 3 * KEYS_PER_BATCH }, (_, index) => REAL[index % REAL.length]!);
    const builder = searchKeyBuilder(many, names);
    const job = createSearch({
      length: many.length,
      at: (index) => {
        built.push(many[index]!.id);
        return builder.keyOf(many[index]!);
      },
    }).begin('phoenix');
    expect(job.step(0)).toBe(false);
    expect(built).toHaveLength(KEYS_PER_BATCH);
  });

  it('finishes at once when all keys are wanted before the slices are done', () => {
    const builder = searchKeyBuilder(REAL, names);
    builder.step(5);
    expect(builder.all().size).toBe(REAL.length);
    expect(builder.all().get('phoenix-see')).toBe(KEYS.get('phoenix-see'));
    expect(builder.step(10)).toBe(true);
  });
});

describe('queryMatcher on the real data', () => {
  it('"hoerde", "horde", "Hörde" and "HÖRDE" find the same places, among them every place in Hörde', () => {
    const found = find('Hörde');
    expect(HOERDE_DISTRICT.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(HOERDE_DISTRICT));
    expect(find('hoerde')).toEqual(found);
    expect(find('horde')).toEqual(found);
    expect(find('HÖRDE')).toEqual(found);
    expect(find('HOERDE')).toEqual(found);
    // It is a search, not "everything": most of the city is not Hörde.
    expect(found.length).toBeLessThan(REAL.length / 2);
  });

  it('"phonix", "Phönix" and "phoenix" find the Phoenix-See', () => {
    const found = find('phonix');
    expect(found).toContain('phoenix-see');
    expect(find('Phönix')).toEqual(found);
    expect(find('phoenix')).toEqual(found);
    expect(find('PHOENIX')).toEqual(found);
  });

  it('ANDs the words of a query, in any order', () => {
    const phoenix = find('phoenix');
    const see = find('see');
    const both = find('phoenix see');
    expect(both).toContain('phoenix-see');
    expect(both).toEqual(phoenix.filter((id) => see.includes(id)));
    expect(find('see phoenix')).toEqual(both);
    expect(find('phoenix xylophonquartett')).toEqual([]);
  });

  it('finds a place by a word that is only in its English summary', () => {
    const hotspot = REAL.find((candidate) => candidate.id === 'phoenix-see')!;
    const german = ` ${hotspot.summary.de.toLowerCase()} `;
    const word = hotspot.summary.en
      .split(/[^\p{L}]+/u)
      .find(
        (candidate) =>
          candidate.length > 5 &&
          !german.includes(candidate.toLowerCase()) &&
          !hotspot.name.toLowerCase().includes(candidate.toLowerCase()),
      );
    expect(word, 'a word that only the English summary has').toBeDefined();
    expect(find(word!)).toContain('phoenix-see');
  });

  it('finds places by a tag label in German and in English, and by the tag slug', () => {
    const robotics = REAL.filter((hotspot) => hotspot.tags.includes('robotics'))
      .map((hotspot) => hotspot.id)
      .sort();
    expect(robotics.length).toBeGreaterThan(0);
    expect(find('Robotik')).toEqual(expect.arrayContaining(robotics));
    expect(find('robotics')).toEqual(expect.arrayContaining(robotics));
    const heritage = REAL.filter((hotspot) => hotspot.tags.includes('industrial-heritage')).map(
      (hotspot) => hotspot.id,
    );
    expect(find('Industriekultur')).toEqual(expect.arrayContaining(heritage));
    expect(find('industrial heritage')).toEqual(expect.arrayContaining(heritage));
  });

  it('finds places by district name and by neighbourhood name', () => {
    const luetgendortmund = REAL.filter((hotspot) => hotspot.district === 'luetgendortmund').map(
      (hotspot) => hotspot.id,
    );
    expect(luetgendortmund.length).toBeGreaterThan(0);
    expect(find('Lütgendortmund')).toEqual(expect.arrayContaining(luetgendortmund));
    expect(find('Luetgendortmund')).toEqual(find('Lütgendortmund'));

    const hacheney = REAL.filter((hotspot) => hotspot.neighbourhood === 'hacheney').map((hotspot) => hotspot.id);
    expect(hacheney.length).toBeGreaterThan(0);
    expect(find('Hacheney')).toEqual(expect.arrayContaining(hacheney));
  });

  it('finds a place by its address', () => {
    const hotspot = byId('tzdo');
    const street = hotspot.address.split(/[\s,]+/)[0]!;
    expect(find(street)).toContain('tzdo');
  });

  it('matches every place for an empty or blank query', () => {
    const all = REAL.map((hotspot) => hotspot.id).sort();
    expect(find('')).toEqual(all);
    expect(find('   ')).toEqual(all);
  });

  it('treats a query with markup as plain text: no error, and nothing found', () => {
    expect(() => find('<script>alert(1)</script>')).not.toThrow();
    expect(find('<script>')).toEqual([]);
    expect(find('<img src=x onerror=alert(1)>')).toEqual([]);
  });

  it('does not treat regular-expression characters specially', () => {
    expect(() => find('.*(')).not.toThrow();
    expect(find('phoenix.*')).toEqual(find('phoenix'));
  });

  it('finds nothing for a place whose key is missing', () => {
    const stranger = makeHotspot({ id: 'not-indexed', name: 'Phoenix' });
    expect(queryMatcher('phoenix', KEYS)(stranger)).toBe(false);
  });
});

describe('matchRank: the better matches first', () => {
  const keyOf = (name: string, summary = 'Ein Ort in Dortmund') =>
    buildSearchKeys([makeHotspot({ id: 'p', name, summary: { de: summary, en: summary } })], {
      districtName: () => 'Hombruch',
      neighbourhoodName: () => null,
      facetLabels: () => '',
    }).get('p')!;
  const rank = (query: string, key: string) => matchRank(key, queryTerms(query));

  it('ranks by where the terms occur: name start, name words, inside the name, word starts elsewhere, elsewhere, nowhere', () => {
    const key = keyOf('TU Dortmund', 'Eine Universität mit Kultur');
    expect(rank('TU Dortmund', key)).toBe(MatchRank.nameStart);
    expect(rank('tu', key)).toBe(MatchRank.nameStart);
    expect(rank('dortmund', key)).toBe(MatchRank.nameWords);
    expect(rank('dortmund tu', key)).toBe(MatchRank.nameWords);
    expect(rank('ortmund', key)).toBe(MatchRank.inName);
    expect(rank('kultur', key)).toBe(MatchRank.wordsElsewhere);
    expect(rank('uni', key)).toBe(MatchRank.wordsElsewhere);
    expect(rank('tu kultur', key)).toBe(MatchRank.wordsElsewhere);
    expect(rank('hombruch', key)).toBe(MatchRank.wordsElsewhere);
    expect(rank('ultur', key)).toBe(MatchRank.elsewhere);
    // Every term must begin a word: "kultur" does, "niversi" does not.
    expect(rank('kultur niversi', key)).toBe(MatchRank.elsewhere);
    // A term's first occurrence inside a word does not hide a later one that begins a word.
    expect(rank('tur', keyOf('Atelier', 'Kultur am Turm'))).toBe(MatchRank.wordsElsewhere);
    expect(rank('tur see', keyOf('Kultur', 'Turm am See'))).toBe(MatchRank.wordsElsewhere);
    expect(rank('tur see', keyOf('Kultur', 'Natur am See'))).toBe(MatchRank.elsewhere);
    expect(rank('tu berlin', key)).toBe(MatchRank.none);
  });

  it('puts the places whose texts have a word starting with "uni" ahead of those with "uni" inside a word', () => {
    const found = REAL.filter(queryMatcher('uni', KEYS));
    const rankOf = (id: string) => rank('uni', KEYS.get(id)!);
    expect(rankOf('union-gewerbehof')).toBe(MatchRank.nameStart);
    // "Technische Universität" in its summary; "municipal" or "telecommunications" only contain the letters.
    expect(rankOf('tu-dortmund')).toBe(MatchRank.wordsElsewhere);
    const inside = found.filter((hotspot) => rankOf(hotspot.id) === MatchRank.elsewhere);
    expect(inside.length).toBeGreaterThan(0);
    for (const hotspot of inside) expect(KEYS.get(hotspot.id)).not.toMatch(/(^|[^\p{L}\p{N}])uni/u);
  });

  it('counts a word start after a hyphen or a bracket, folded like the key', () => {
    expect(rank('see', keyOf('Phoenix-See'))).toBe(MatchRank.nameWords);
    expect(rank('tzdo', keyOf('TechnologieZentrumDortmund (TZDO)'))).toBe(MatchRank.nameWords);
    expect(rank('zentrum', keyOf('TechnologieZentrumDortmund (TZDO)'))).toBe(MatchRank.inName);
    expect(rank('hoerder', keyOf('Hörder Burg'))).toBe(MatchRank.nameStart);
    // The first "tu" is inside "Kultur"; the search goes on to the one that begins a word.
    expect(rank('tu', keyOf('Kultur Tu'))).toBe(MatchRank.nameWords);
  });

  it('does not take the summary for the name when the name has no words of its own', () => {
    // The name ends at the first field separator; a term found only after it ranks below every name match.
    expect(rank('dortmund', keyOf('U', 'Dortmund'))).toBe(MatchRank.wordsElsewhere);
    expect(rank('ortmund', keyOf('U', 'Dortmund'))).toBe(MatchRank.elsewhere);
  });

  it('finds the two universities by their long and short names', () => {
    expect(find('Technische Universität')).toEqual(['tu-dortmund']);
    // Smart Rhino, the site of a planned (and dropped) FH campus, mentions it too.
    expect(find('FH Dortmund')).toEqual(['fh-dortmund', 'smart-rhino']);
    expect(find('FH')).toEqual(['fh-dortmund', 'smart-rhino']);
  });

  it('puts TU Dortmund first among the real places that "TU Dortmund" finds', () => {
    const found = REAL.filter(queryMatcher('TU Dortmund', KEYS));
    expect(found.length).toBeGreaterThan(10);
    const best = found.filter((hotspot) => rank('TU Dortmund', KEYS.get(hotspot.id)!) === MatchRank.nameStart);
    expect(best.map((hotspot) => hotspot.id)).toEqual(['tu-dortmund']);
  });
});

describe('createSearch: remembers its last answer while the query narrows', () => {
  /** The keys in the order of REAL, as useSearchedView lines them up with the places it filters. */
  const KEY_LIST = REAL.map((hotspot) => KEYS.get(hotspot.id) ?? '');
  /** The ids of the places flagged, sorted. */
  const sorted = (found: Uint8Array | null) =>
    found
      ? REAL.filter((_hotspot, index) => found[index] !== MatchRank.none)
          .map((hotspot) => hotspot.id)
          .sort()
      : null;
  const count = (found: Uint8Array | null) => (found ? countFound(found) : -1);

  it('ranks one entry per key, in the order of the keys', () => {
    const found = createSearch(KEY_LIST)('phoenix');
    const rankOf = (id: string) => found?.[REAL.findIndex((hotspot) => hotspot.id === id)];
    expect(found).toHaveLength(REAL.length);
    expect(rankOf('phoenix-see')).toBe(MatchRank.nameStart);
    expect(rankOf('phoenix-west')).toBe(MatchRank.nameStart);
    // Hörder Burg looks out over the Phoenix-See; its name does not say so.
    expect(rankOf('hoerder-burg')).toBe(MatchRank.wordsElsewhere);
    expect(rankOf('tu-dortmund')).toBe(MatchRank.none);
  });

  it('finds what the plain matcher finds, keystroke by keystroke and back again', () => {
    const search = createSearch(KEY_LIST);
    const typed = [
      'p',
      'ph',
      'pho',
      'phoe',
      'phoenix',
      'phoenix s',
      'phoenix see',
      'phoenix',
      'tech',
      'tech dorst',
      'hörde',
      'hoerde tech',
      'zzz',
      'z',
    ];
    for (const query of typed) expect(sorted(search(query)), query).toEqual(find(query));
  });

  it('searches only the last answer when the query narrows it, and everything otherwise', () => {
    const looked: number[] = [];
    const spy = new Proxy(KEY_LIST, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) looked.push(Number(property));
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const search = createSearch(spy);
    const first = search('phoenix');
    expect(looked).toHaveLength(REAL.length);
    looked.length = 0;
    const narrower = search('phoenix see');
    expect(looked).toHaveLength(count(first));
    expect(count(first)).toBeGreaterThan(0);
    expect(count(first)).toBeLessThan(REAL.length);
    expect(sorted(narrower)).toEqual(find('phoenix see'));
    looked.length = 0;
    // "tech" does not narrow "phoenix see": the whole data is searched again.
    expect(sorted(search('tech'))).toEqual(find('tech'));
    expect(looked).toHaveLength(REAL.length);
  });

  it('asks for keys only when a query with terms needs them, each key once per look', () => {
    const asked: number[] = [];
    const search = createSearch({
      length: KEY_LIST.length,
      at: (index) => {
        asked.push(index);
        return KEY_LIST[index];
      },
    });
    expect(search('  ')).toBeNull();
    expect(asked).toEqual([]);
    expect(sorted(search('phoenix'))).toEqual(find('phoenix'));
    expect(asked).toEqual(KEY_LIST.map((_key, index) => index));
  });

  it('is no search for a query without terms', () => {
    const search = createSearch(KEY_LIST);
    expect(search('')).toBeNull();
    expect(search(' – ')).toBeNull();
    expect(sorted(search('see'))).toEqual(find('see'));
  });
});

describe('Search.begin: the same search in slices', () => {
  /** 10,000 keys: every third mentions "robotik", every fifth "labor". */
  const MANY = Array.from(
    { length: 10_000 },
    (_, index) => `ort ${index}${index % 3 === 0 ? ' robotik' : ''}${index % 5 === 0 ? ' labor' : ''}`,
  );

  it('with no time to spare, searches one batch per step and ends with the whole answer', () => {
    const job = createSearch(MANY).begin('robotik');
    let steps = 1;
    while (!job.step(0)) steps += 1;
    expect(steps).toBe(MANY.length / KEYS_PER_BATCH);
    expect(job.found).toEqual(createSearch(MANY)('robotik'));
    expect(countFound(job.found)).toBe(3334);
  });

  it('with time enough, answers in one step', () => {
    const job = createSearch(MANY).begin('labor');
    expect(job.step(10_000)).toBe(true);
    expect(countFound(job.found)).toBe(2000);
  });

  it('narrows only from a complete answer: an abandoned search is not remembered', () => {
    let looked = 0;
    const spy = new Proxy(MANY, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) looked += 1;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const search = createSearch(spy);
    expect(countFound(search('robotik'))).toBe(3334);
    // "robotik labor" narrows "robotik", but is abandoned after one batch.
    const abandoned = search.begin('robotik labor');
    expect(abandoned.step(0)).toBe(false);
    looked = 0;
    // "robotik l" narrows the complete "robotik" answer, not the abandoned one: only its 3,334 are looked at.
    const narrowed = search('robotik l');
    expect(looked).toBe(3334);
    expect(countFound(narrowed)).toBe(667);
  });

  it('is complete at once, with no flags, for a query without terms', () => {
    const job = createSearch(MANY).begin('  ');
    expect(job.step(0)).toBe(true);
    expect(job.found).toBeNull();
  });
});
