import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  areaGeometrySchema,
  areasToGeoJSON,
  isAreaGeometry,
  parseAreaGeometry,
  validateBoundary,
  validateDistricts,
  validateNeighbourhoods,
} from '@/data/areas';
import { DataFileError, type FileProblem } from '@/data/problems';
import { containsPoint } from '@/data/geo';
import { areaLabelPoints } from '@/map/areaLabels';
import { readDataJson, readRawAreas } from '../fixtures/unit/realData';

function thrownProblem(run: () => unknown): FileProblem {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return (error as DataFileError).problem;
  }
  throw new Error('expected a DataFileError');
}

describe('validateDistricts on the real file', () => {
  const { areas, problems } = validateDistricts(readDataJson('districts.geojson'));

  it('has 12 districts and no problems', () => {
    expect(problems).toEqual([]);
    expect(areas).toHaveLength(12);
  });

  it('names Hörde and Innenstadt-West with their slugs', () => {
    expect(areas.find((area) => area.slug === 'hoerde')?.name).toBe('Hörde');
    expect(areas.find((area) => area.slug === 'innenstadt-west')?.name).toBe('Innenstadt-West');
  });

  it('has its label point inside its own polygon', () => {
    for (const area of areas) {
      expect(area.label, area.slug).toBeDefined();
      expect(containsPoint(area.prepared, area.label!), area.slug).toBe(true);
    }
  });
});

describe('validateNeighbourhoods on the real file', () => {
  const { areas, problems } = validateNeighbourhoods(readDataJson('neighbourhoods.geojson'));
  const districtSlugs = new Set(validateDistricts(readDataJson('districts.geojson')).areas.map((area) => area.slug));

  it('has 62 neighbourhoods and no problems', () => {
    expect(problems).toEqual([]);
    expect(areas).toHaveLength(62);
  });

  it('each names a district that exists', () => {
    expect(areas.filter((area) => !districtSlugs.has(area.district)).map((area) => area.slug)).toEqual([]);
  });

  it('covers every district', () => {
    expect(new Set(areas.map((area) => area.district))).toEqual(districtSlugs);
  });
});

describe('validateDistricts with broken features', () => {
  it('skips a feature without geometry and reports it by slug; keeps the others', () => {
    const raw = readRawAreas('districts.geojson');
    raw.features[2]!.geometry = null;
    const slug = String(raw.features[2]!.properties['slug']);
    const { areas, problems } = validateDistricts(raw);
    expect(problems).toEqual([
      { file: 'districts.geojson', feature: slug, field: 'geometry', code: 'invalid-feature' },
    ]);
    expect(areas).toHaveLength(11);
    expect(areas.some((area) => area.slug === slug)).toBe(false);
  });

  it('skips a ring with too few positions, naming the geometry path', () => {
    const raw = readRawAreas('districts.geojson');
    raw.features[0]!.geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [7.4, 51.5],
          [7.41, 51.5],
          [7.4, 51.5],
        ],
      ],
    };
    const slug = String(raw.features[0]!.properties['slug']);
    const { areas, problems } = validateDistricts(raw);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'districts.geojson', feature: slug, code: 'invalid-feature' });
    expect(problems[0]!.field).toMatch(/^geometry\.coordinates/);
    expect(areas).toHaveLength(11);
  });

  it('skips a feature with an empty name (invalid-value on properties.name)', () => {
    const raw = readRawAreas('districts.geojson');
    raw.features[5]!.properties['name'] = '  ';
    const slug = String(raw.features[5]!.properties['slug']);
    const { areas, problems } = validateDistricts(raw);
    expect(problems).toEqual([
      { file: 'districts.geojson', feature: slug, field: 'properties.name', code: 'invalid-value' },
    ]);
    expect(areas).toHaveLength(11);
  });

  it('skips a feature with a slug that is not kebab-case, reporting it by index', () => {
    const raw = readRawAreas('districts.geojson');
    raw.features[3]!.properties['slug'] = 'Hörde Süd';
    const { areas, problems } = validateDistricts(raw);
    expect(problems).toEqual([
      { file: 'districts.geojson', feature: '#3', field: 'properties.slug', code: 'invalid-value' },
    ]);
    expect(areas).toHaveLength(11);
  });

  it('skips a duplicate slug, keeping the first', () => {
    const raw = readRawAreas('districts.geojson');
    const first = raw.features[0]!;
    const second = raw.features[1]!;
    const slug = String(first.properties['slug']);
    second.properties['slug'] = slug;
    const { areas, problems } = validateDistricts(raw);
    expect(problems).toEqual([
      { file: 'districts.geojson', feature: slug, field: 'properties.slug', code: 'duplicate-id' },
    ]);
    expect(areas).toHaveLength(11);
    expect(areas.filter((area) => area.slug === slug).map((area) => area.name)).toEqual([first.properties['name']]);
  });

  it('throws empty when no feature is usable', () => {
    const raw = readRawAreas('districts.geojson');
    for (const feature of raw.features) feature.geometry = null;
    expect(thrownProblem(() => validateDistricts(raw))).toEqual({ file: 'districts.geojson', code: 'empty' });
  });
});

describe('validateNeighbourhoods with broken features', () => {
  it('skips a neighbourhood without a district slug', () => {
    const raw = readRawAreas('neighbourhoods.geojson');
    delete raw.features[7]!.properties['district'];
    const slug = String(raw.features[7]!.properties['slug']);
    const { areas, problems } = validateNeighbourhoods(raw);
    expect(problems).toEqual([
      { file: 'neighbourhoods.geojson', feature: slug, field: 'properties.district', code: 'invalid-value' },
    ]);
    expect(areas).toHaveLength(61);
  });

  it('skips a duplicate slug', () => {
    const raw = readRawAreas('neighbourhoods.geojson');
    const slug = String(raw.features[0]!.properties['slug']);
    raw.features[10]!.properties['slug'] = slug;
    const { areas, problems } = validateNeighbourhoods(raw);
    expect(problems).toEqual([
      { file: 'neighbourhoods.geojson', feature: slug, field: 'properties.slug', code: 'duplicate-id' },
    ]);
    expect(areas).toHaveLength(61);
  });
});

describe('validateBoundary', () => {
  it('prepares the real boundary: Dortmund city centre is inside, Bochum is not', () => {
    const boundary = validateBoundary(readDataJson('city-boundary.geojson'));
    expect(containsPoint(boundary, [7.4653, 51.5136])).toBe(true);
    expect(containsPoint(boundary, [7.2162, 51.4818])).toBe(false);
  });

  it.each([
    ['a string', 'garbage'],
    ['null', null],
    ['an array', []],
    ['a Feature', { type: 'Feature', geometry: null, properties: {} }],
    [
      'a collection of a point',
      {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [7.4, 51.5] }, properties: {} }],
      },
    ],
    ['a collection of null', { type: 'FeatureCollection', features: [null] }],
  ])('throws wrong-type for %s', (_label, raw) => {
    expect(thrownProblem(() => validateBoundary(raw))).toEqual({ file: 'city-boundary.geojson', code: 'wrong-type' });
  });

  it('throws empty for a collection without features', () => {
    expect(thrownProblem(() => validateBoundary({ type: 'FeatureCollection', features: [] }))).toEqual({
      file: 'city-boundary.geojson',
      code: 'empty',
    });
  });
});

describe('areasToGeoJSON and areaLabelPoints', () => {
  const { areas } = validateDistricts(readDataJson('districts.geojson'));

  it('draws one feature per area with slug and name only', () => {
    const geojson = areasToGeoJSON(areas);
    expect(geojson.features).toHaveLength(12);
    expect(geojson.features[0]!.properties).toEqual({ slug: areas[0]!.slug, name: areas[0]!.name });
    expect(geojson.features[0]!.geometry).toBe(areas[0]!.geometry);
  });

  it('labels each area at its stored label point, marked with its level', () => {
    const labels = areaLabelPoints({ district: areas });
    expect(labels.features).toHaveLength(12);
    expect(labels.features[0]!.geometry.coordinates).toEqual([...areas[0]!.label!]);
    expect(labels.features[0]!.properties).toEqual({ slug: areas[0]!.slug, name: areas[0]!.name, level: 'district' });
  });

  it('puts districts and neighbourhoods in one collection, each with its level', () => {
    const neighbourhoods = validateNeighbourhoods(readDataJson('neighbourhoods.geojson')).areas;
    const labels = areaLabelPoints({ district: areas, neighbourhood: neighbourhoods });
    const levels = labels.features.map((feature) => feature.properties.level);
    expect(levels.filter((level) => level === 'district')).toHaveLength(12);
    expect(levels.filter((level) => level === 'neighbourhood')).toHaveLength(62);
  });

  it('falls back to the bbox centre without a label point', () => {
    const [area] = areas;
    const [west, south, east, north] = area!.prepared.bbox;
    const labels = areaLabelPoints({ district: [{ ...area!, label: undefined }] });
    expect(labels.features[0]!.geometry.coordinates).toEqual([(west + east) / 2, (south + north) / 2]);
  });
});

describe('the hand-written geometry check agrees with the schema', () => {
  const realGeometry = (readDataJson('districts.geojson') as { features: { geometry: unknown }[] }).features[0]!
    .geometry;
  const square = [
    [7.4, 51.5],
    [7.41, 51.5],
    [7.41, 51.51],
    [7.4, 51.5],
  ];
  const sparse = [...square];
  delete sparse[1];
  const cases: Record<string, unknown> = {
    'a real district': realGeometry,
    polygon: { type: 'Polygon', coordinates: [square] },
    'polygon with a hole': { type: 'Polygon', coordinates: [square, square] },
    multipolygon: { type: 'MultiPolygon', coordinates: [[square], [square, square]] },
    'extra member (bbox)': { type: 'Polygon', coordinates: [square], bbox: [0, 0, 1, 1] },
    'position with altitude': { type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 100])] },
    'ring of three positions': { type: 'Polygon', coordinates: [square.slice(0, 3)] },
    'no rings': { type: 'Polygon', coordinates: [] },
    'multipolygon without polygons': { type: 'MultiPolygon', coordinates: [] },
    'multipolygon with an empty polygon': { type: 'MultiPolygon', coordinates: [[square], []] },
    'NaN coordinate': { type: 'Polygon', coordinates: [[[Number.NaN, 51.5], ...square.slice(1)]] },
    'infinite coordinate': { type: 'Polygon', coordinates: [[...square.slice(0, 3), [Infinity, 51.5]]] },
    'string coordinate': { type: 'Polygon', coordinates: [[['7.4', 51.5], ...square.slice(1)]] },
    'one-number position': { type: 'Polygon', coordinates: [[[7.4], ...square.slice(1)]] },
    'position not an array': { type: 'Polygon', coordinates: [[{ 0: 7.4, 1: 51.5 }, ...square.slice(1)]] },
    'ring with a hole in the array': { type: 'Polygon', coordinates: [sparse] },
    'coordinates not an array': { type: 'Polygon', coordinates: 'none' },
    'a point': { type: 'Point', coordinates: [7.4, 51.5] },
    'no type': { coordinates: [square] },
    null: null,
    'a string': 'Polygon',
  };

  for (const [name, geometry] of Object.entries(cases)) {
    it(name, () => {
      const schema = v.safeParse(areaGeometrySchema, geometry);
      expect(isAreaGeometry(geometry)).toBe(schema.success);
      const parsed = parseAreaGeometry(geometry);
      expect(parsed.success).toBe(schema.success);
      if (parsed.success && schema.success) {
        // Same members; positions may keep an altitude the schema drops (MapLibre ignores it).
        const twoD = (value: unknown): unknown =>
          Array.isArray(value) && typeof value[0] === 'number'
            ? value.slice(0, 2)
            : Array.isArray(value)
              ? value.map(twoD)
              : value;
        expect({ ...parsed.output, coordinates: twoD(parsed.output.coordinates) }).toEqual(schema.output);
      }
      if (!parsed.success && !schema.success) expect(parsed.issues).toEqual(schema.issues);
    });
  }
});
