import { describe, expect, it } from 'vitest';
import { validateHotspots } from '@/data/hotspots';
import type { Hotspot } from '@/domain/hotspot';
import { buildSearchKeys, createSearch, queryMatcher, queryTerms } from '@/domain/search';
import { makeHotspot } from '../fixtures/unit/hotspot';
import { readRawHotspots, realContext } from '../fixtures/unit/realData';

const context = realContext();
const REAL = validateHotspots(readRawHotspots(), context).hotspots;
const districtNames = new Map(context.districts!.map((area) => [area.slug, area.name]));
const neighbourhoodNames = new Map(context.neighbourhoods!.map((area) => [area.slug, area.name]));
const names = {
  districtName: (slug: string | null) => (slug ? (districtNames.get(slug) ?? null) : null),
  neighbourhoodName: (slug: string | null) => (slug ? (neighbourhoodNames.get(slug) ?? null) : null),
};
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

  it('copes with a place that has no district or neighbourhood', () => {
    const place = makeHotspot({ id: 'x', district: null, neighbourhood: null, tags: [] });
    expect(() => buildSearchKeys([place], names)).not.toThrow();
    expect(find('testort', [place], buildSearchKeys([place], names))).toEqual(['x']);
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

describe('createSearch: remembers its last answer while the query narrows', () => {
  const sorted = (found: ReadonlySet<string> | null) => (found ? [...found].sort() : null);

  it('finds what the plain matcher finds, keystroke by keystroke and back again', () => {
    const search = createSearch(KEYS);
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
    const looked: string[] = [];
    const keys = new Map(KEYS);
    const spy = new Proxy(keys, {
      get(target, property) {
        if (property === 'get') return (id: string) => (looked.push(id), target.get(id));
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const search = createSearch(spy);
    const first = search('dortmund');
    expect(looked).toHaveLength(KEYS.size);
    looked.length = 0;
    const narrower = search('dortmund phoenix');
    expect(looked).toHaveLength(first?.size ?? -1);
    expect(sorted(narrower)).toEqual(find('dortmund phoenix'));
    looked.length = 0;
    // "tech" does not narrow "dortmund phoenix": the whole data is searched again.
    expect(sorted(search('tech'))).toEqual(find('tech'));
    expect(looked).toHaveLength(KEYS.size);
  });

  it('is no search for a query without terms', () => {
    const search = createSearch(KEYS);
    expect(search('')).toBeNull();
    expect(search(' – ')).toBeNull();
    expect(sorted(search('see'))).toEqual(find('see'));
  });
});
