import { describe, expect, it } from 'vitest';
import { DataFileError, type FeatureProblem } from '@/data/problems';
import { distanceToArea, containsPoint, inBBox, DORTMUND_BBOX, type LngLat } from '@/data/geo';
import {
  hotspotsToGeoJSON,
  isSafeLink,
  validateHotspots,
  validateHotspotsInSlices,
  type HotspotContext,
} from '@/data/hotspots';
import { readRawHotspots, realContext, type RawCollection, type RawFeature } from '../fixtures/unit/realData';

const FILE = 'hotspots.geojson';
const TOTAL = 51;

function problem(feature: string, field: string, code: FeatureProblem['code']): FeatureProblem {
  return { file: FILE, feature, field, code };
}

/** The real hotspot file with one feature changed by `mutate`; returns the file and the changed feature's id. */
function corrupt(index: number, mutate: (feature: RawFeature) => void): { raw: RawCollection; id: string } {
  const raw = readRawHotspots();
  const feature = raw.features[index]!;
  const id = String(feature.properties['id']);
  mutate(feature);
  return { raw, id };
}

function expectOthersKept(result: ReturnType<typeof validateHotspots>, skippedId: string) {
  const allIds = readRawHotspots().features.map((feature) => String(feature.properties['id']));
  expect(result.hotspots.map((hotspot) => hotspot.id)).toEqual(allIds.filter((id) => id !== skippedId));
}

describe('validateHotspots on the real data', () => {
  const context = realContext();
  const result = validateHotspots(readRawHotspots(), context);

  it(`keeps all ${TOTAL} places with no problems`, () => {
    expect(result.problems).toEqual([]);
    expect(result.hotspots).toHaveLength(TOTAL);
  });

  it('has unique ids', () => {
    expect(new Set(result.hotspots.map((hotspot) => hotspot.id)).size).toBe(TOTAL);
  });

  it('lists each tag of a place once, in its first order, when the file repeats one', () => {
    const raw = readRawHotspots();
    const first = raw.features[0]!;
    first.properties['tags'] = ['research', 'startups', 'research'];
    const [place] = validateHotspots(raw, context).hotspots;
    expect(place?.id).toBe(first.properties['id']);
    expect(place?.tags).toEqual(['research', 'startups']);
  });

  it('puts at least one place in every district', () => {
    const used = new Set(result.hotspots.map((hotspot) => hotspot.district));
    const missing = context.districts!.map((district) => district.slug).filter((slug) => !used.has(slug));
    expect(missing).toEqual([]);
    expect(context.districts).toHaveLength(12);
  });

  it('gives every place a known district and neighbourhood', () => {
    const districts = new Set(context.districts!.map((area) => area.slug));
    const neighbourhoods = new Set(context.neighbourhoods!.map((area) => area.slug));
    for (const hotspot of result.hotspots) {
      expect(districts.has(hotspot.district!), hotspot.id).toBe(true);
      expect(neighbourhoods.has(hotspot.neighbourhood!), hotspot.id).toBe(true);
    }
  });

  it('has neighbourhoods that lie in the district they are assigned with', () => {
    const districtOf = new Map(context.neighbourhoods!.map((area) => [area.slug, area.district]));
    const mismatches = result.hotspots
      .filter((hotspot) => districtOf.get(hotspot.neighbourhood!) !== hotspot.district)
      .map((hotspot) => hotspot.id);
    expect(mismatches).toEqual([]);
  });

  it('precomputed slugs match what point-in-polygon assignment computes', () => {
    const raw = readRawHotspots();
    for (const feature of raw.features) {
      delete feature.properties['district'];
      delete feature.properties['neighbourhood'];
    }
    const computed = validateHotspots(raw, context).hotspots;
    const differences = computed
      .map((hotspot, index) => ({ hotspot, stored: result.hotspots[index]! }))
      .filter(
        ({ hotspot, stored }) => hotspot.district !== stored.district || hotspot.neighbourhood !== stored.neighbourhood,
      )
      .map(({ hotspot }) => hotspot.id);
    expect(differences).toEqual([]);
  });

  it('builds a lean GeoJSON for the map: only what the layers read', () => {
    const geojson = hotspotsToGeoJSON(result.hotspots);
    expect(geojson.features).toHaveLength(TOTAL);
    const first = geojson.features[0]!;
    const hotspot = result.hotspots[0]!;
    expect(first.properties).toEqual({
      id: hotspot.id,
      name: hotspot.name,
      category: hotspot.category,
      status: hotspot.status,
    });
    expect(first.geometry).toEqual({ type: 'Point', coordinates: [...hotspot.lngLat] });
  });
});

describe('validateHotspots: one broken feature is skipped, every other is kept', () => {
  const context = realContext();

  it('swapped lat/lon → swapped-coordinates', () => {
    const { raw, id } = corrupt(3, (feature) => {
      const [lon, lat] = feature.geometry!.coordinates as [number, number];
      feature.geometry!.coordinates = [lat, lon];
    });
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([problem(id, 'geometry.coordinates', 'swapped-coordinates')]);
    expectOthersKept(result, id);
  });

  it('Berlin (13.4, 52.52) → outside-city', () => {
    const { raw, id } = corrupt(5, (feature) => {
      feature.geometry!.coordinates = [13.4, 52.52];
    });
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([problem(id, 'geometry.coordinates', 'outside-city')]);
    expectOthersKept(result, id);
  });

  describe('a point about 2 km outside the boundary but inside the Dortmund bbox', () => {
    // East of the airport, in Unna.
    const point: LngLat = [7.665, 51.515];

    it('really is inside the bbox and about 2 km outside the boundary', () => {
      expect(inBBox(point, DORTMUND_BBOX)).toBe(true);
      expect(containsPoint(context.boundary!, point)).toBe(false);
      const distance = distanceToArea({ ...context.boundary!, toleranceBBox: [-180, -90, 180, 90] }, point);
      expect(distance).toBeGreaterThan(1500);
      expect(distance).toBeLessThan(2500);
    });

    it('→ outside-city with the boundary', () => {
      const { raw, id } = corrupt(7, (feature) => {
        feature.geometry!.coordinates = [...point];
      });
      const result = validateHotspots(raw, context);
      expect(result.problems).toEqual([problem(id, 'geometry.coordinates', 'outside-city')]);
      expectOthersKept(result, id);
    });

    it('passes when the boundary could not be loaded (bbox check only)', () => {
      const { raw } = corrupt(7, (feature) => {
        feature.geometry!.coordinates = [...point];
      });
      const result = validateHotspots(raw, { ...context, boundary: null });
      expect(result.problems).toEqual([]);
      expect(result.hotspots).toHaveLength(TOTAL);
    });
  });

  it.each([
    ['javascript:alert(1)'],
    ['http://example.org/'],
    ['data:text/html,<script>alert(1)</script>'],
    ['/relative/path'],
  ])('website %s → insecure-link', (website) => {
    const { raw, id } = corrupt(2, (feature) => {
      feature.properties['website'] = website;
    });
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([problem(id, 'properties.website', 'insecure-link')]);
    expectOthersKept(result, id);
  });

  it('duplicate id → duplicate-id, the first one is kept', () => {
    const raw = readRawHotspots();
    const original = raw.features[0]!;
    const copy: RawFeature = structuredClone(original);
    copy.properties['name'] = 'Impostor';
    raw.features.push(copy);
    const result = validateHotspots(raw, context);
    const id = String(original.properties['id']);
    expect(result.problems).toEqual([problem(id, 'properties.id', 'duplicate-id')]);
    expect(result.hotspots).toHaveLength(TOTAL);
    expect(result.hotspots.find((hotspot) => hotspot.id === id)?.name).toBe(original.properties['name']);
    expect(result.hotspots.some((hotspot) => hotspot.name === 'Impostor')).toBe(false);
  });

  it('wrong category → invalid-value on properties.category', () => {
    const { raw, id } = corrupt(10, (feature) => {
      feature.properties['category'] = 'sports';
    });
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([problem(id, 'properties.category', 'invalid-value')]);
    expectOthersKept(result, id);
  });

  it('missing summary.en → invalid-value on properties.summary.en', () => {
    const { raw, id } = corrupt(11, (feature) => {
      feature.properties['summary'] = { de: 'Nur Deutsch.' };
    });
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([problem(id, 'properties.summary.en', 'invalid-value')]);
    expectOthersKept(result, id);
  });

  it('blank summary.de (whitespace only) → invalid-value on properties.summary.de', () => {
    const { raw, id } = corrupt(12, (feature) => {
      feature.properties['summary'] = { de: '   ', en: 'English.' };
    });
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([problem(id, 'properties.summary.de', 'invalid-value')]);
    expectOthersKept(result, id);
  });

  it('non-Point geometry → invalid-feature on the geometry', () => {
    const { raw, id } = corrupt(13, (feature) => {
      feature.geometry = {
        type: 'LineString',
        coordinates: [
          [7.46, 51.51],
          [7.47, 51.52],
        ],
      };
    });
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([problem(id, 'geometry.type', 'invalid-feature')]);
    expectOthersKept(result, id);
  });

  it('a feature that is null → invalid-feature, named by its index', () => {
    const raw = readRawHotspots() as RawCollection;
    const id = String(raw.features[4]!.properties['id']);
    raw.features[4] = null;
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([problem('#4', 'type', 'invalid-feature')]);
    expectOthersKept(result, id);
  });

  it('an id that is not readable is reported by index, not echoed', () => {
    const { raw, id } = corrupt(6, (feature) => {
      feature.properties['id'] = '<b>bad id</b>';
    });
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([problem('#6', 'properties.id', 'invalid-value')]);
    expectOthersKept(result, id);
  });

  it('a name with HTML is valid and kept verbatim as text', () => {
    const html = '<img src=x onerror=alert(1)>';
    const { raw, id } = corrupt(8, (feature) => {
      feature.properties['name'] = html;
    });
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([]);
    expect(result.hotspots).toHaveLength(TOTAL);
    expect(result.hotspots.find((hotspot) => hotspot.id === id)?.name).toBe(html);
  });

  it('several broken features are each reported once, in file order', () => {
    const raw = readRawHotspots();
    raw.features[1]!.properties['status'] = 'dreaming';
    raw.features[2]!.geometry!.coordinates = [13.4, 52.52];
    const ids = [1, 2].map((index) => String(raw.features[index]!.properties['id']));
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([
      problem(ids[0]!, 'properties.status', 'invalid-value'),
      problem(ids[1]!, 'geometry.coordinates', 'outside-city'),
    ]);
    expect(result.hotspots).toHaveLength(TOTAL - 2);
  });
});

describe('validateHotspots: the file as a whole', () => {
  const context = realContext();
  const codeOf = (raw: unknown) => {
    try {
      validateHotspots(raw, context);
    } catch (error) {
      expect(error).toBeInstanceOf(DataFileError);
      return (error as DataFileError).problem;
    }
    throw new Error('expected a DataFileError');
  };

  it('not a FeatureCollection → wrong-type', () => {
    expect(codeOf({ type: 'Feature', geometry: null, properties: {} })).toEqual({ file: FILE, code: 'wrong-type' });
    expect(codeOf('hello')).toEqual({ file: FILE, code: 'wrong-type' });
    expect(codeOf(null)).toEqual({ file: FILE, code: 'wrong-type' });
  });

  it('features not an array → wrong-type', () => {
    expect(codeOf({ type: 'FeatureCollection', features: {} })).toEqual({ file: FILE, code: 'wrong-type' });
    expect(codeOf({ type: 'FeatureCollection' })).toEqual({ file: FILE, code: 'wrong-type' });
  });

  it('no features → empty', () => {
    expect(codeOf({ type: 'FeatureCollection', features: [] })).toEqual({ file: FILE, code: 'empty' });
  });
});

describe('isSafeLink', () => {
  it.each(['https://www.tu-dortmund.de/', 'https://example.org/path?q=1#x', 'HTTPS://EXAMPLE.ORG'])(
    'accepts %s',
    (url) => {
      expect(isSafeLink(url)).toBe(true);
    },
  );

  it.each([
    'http://example.org/',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    '/relative',
    'example.org',
    '//example.org/protocol-relative',
    'https://user:pw@example.org/',
    'https://user@example.org/',
    'ftp://example.org/',
    '',
    'https://',
  ])('rejects %s', (url) => {
    expect(isSafeLink(url)).toBe(false);
  });
});

describe('validateHotspots: district and neighbourhood assignment', () => {
  const context = realContext();
  const findPhoenixSee = (result: ReturnType<typeof validateHotspots>) =>
    result.hotspots.find((hotspot) => hotspot.id === 'phoenix-see');

  it('the real file carries Hörde for Phoenix-See', () => {
    const raw = readRawHotspots();
    expect(raw.features.find((feature) => feature.properties['id'] === 'phoenix-see')?.properties['district']).toBe(
      'hoerde',
    );
  });

  it('computes district and neighbourhood for a feature without them', () => {
    const raw = readRawHotspots();
    const feature = raw.features.find((candidate) => candidate.properties['id'] === 'phoenix-see')!;
    delete feature.properties['district'];
    delete feature.properties['neighbourhood'];
    const hotspot = findPhoenixSee(validateHotspots(raw, context));
    expect(hotspot?.district).toBe('hoerde');
    expect(hotspot?.neighbourhood).toBe('hoerde');
  });

  it('recomputes an unknown district slug', () => {
    const raw = readRawHotspots();
    const feature = raw.features.find((candidate) => candidate.properties['id'] === 'phoenix-see')!;
    feature.properties['district'] = 'atlantis';
    feature.properties['neighbourhood'] = 'nowhere';
    const result = validateHotspots(raw, context);
    expect(result.problems).toEqual([]);
    expect(findPhoenixSee(result)?.district).toBe('hoerde');
    expect(findPhoenixSee(result)?.neighbourhood).toBe('hoerde');
  });

  it('leaves district and neighbourhood null when those layers are missing', () => {
    const noAreas: HotspotContext = { ...context, districts: null, neighbourhoods: null };
    const result = validateHotspots(readRawHotspots(), noAreas);
    expect(result.hotspots).toHaveLength(TOTAL);
    expect(result.hotspots.every((hotspot) => hotspot.district === null && hotspot.neighbourhood === null)).toBe(true);
  });
});

describe('validateHotspotsInSlices', () => {
  const context = realContext();

  /** The real places 20 times over (unique ids), with every tenth one broken in one of three ways. */
  function largeFile(): RawCollection {
    const real = readRawHotspots();
    const features: RawFeature[] = [];
    for (let copy = 0; copy < 20; copy += 1) {
      for (const feature of real.features) {
        const clone = structuredClone(feature);
        clone.properties['id'] = `${String(feature.properties['id'])}-${copy}`;
        const n = features.length;
        if (n % 30 === 0) clone.properties['category'] = 'astrology';
        else if (n % 30 === 10) clone.geometry = { type: 'Point', coordinates: [13.4, 52.5] };
        else if (n % 30 === 20) clone.properties['id'] = `${String(feature.properties['id'])}-0`;
        features.push(clone);
      }
    }
    return { ...real, features };
  }

  it('finds what validateHotspots finds, places and problems, in the same order', async () => {
    const raw = largeFile();
    const expected = validateHotspots(raw, context);
    expect(expected.problems.length).toBeGreaterThan(50);
    let pauses = 0;
    // A clock that moves 10 ms per look (it is looked at every few hundred features): some pauses.
    let clock = 0;
    const sliced = await validateHotspotsInSlices(
      raw,
      context,
      async () => {
        pauses += 1;
      },
      12,
      () => (clock += 10),
    );
    expect(sliced).toEqual(expected);
    expect(pauses).toBeGreaterThan(0);
  });

  it('pauses only when a slice has taken its time', async () => {
    let pauses = 0;
    const result = await validateHotspotsInSlices(
      largeFile(),
      context,
      async () => {
        pauses += 1;
      },
      12,
      () => 0,
    );
    expect(pauses).toBe(0);
    expect(result.hotspots.length).toBeGreaterThan(900);
  });

  it('gives up on an unusable file as validateHotspots does', async () => {
    await expect(validateHotspotsInSlices({ type: 'Nope' }, context, async () => {})).rejects.toBeInstanceOf(
      DataFileError,
    );
  });
});
