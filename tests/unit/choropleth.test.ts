import { describe, expect, it } from 'vitest';
import {
  createExpression,
  validateStyleMin,
  type ExpressionSpecification,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Position } from 'geojson';
import { validateHotspots } from '@/data/hotspots';
import { containsPoint, prepareArea, type AreaGeometry } from '@/data/geo';
import {
  DENSITY_COLOURS,
  DENSITY_FILL_OPACITY,
  areaSizes,
  classFor,
  densityByArea,
  densityClasses,
  densityFillExpression,
  type DensityClass,
} from '@/map/choropleth';
import { cameraLimits } from '@/map/bounds';
import { cityMask } from '@/map/cityMask';
import { SMALL_SQUARE } from '../fixtures/unit/geometry';
import { makeHotspot } from '../fixtures/unit/hotspot';
import { readRawHotspots, realContext } from '../fixtures/unit/realData';

const context = realContext();
const DISTRICTS = context.districts!;
const REAL = validateHotspots(readRawHotspots(), context).hotspots;

/** A district fill layer painted with the expression, on a source of the districts (as MapView does). */
function styleWithFill(fill: ExpressionSpecification): StyleSpecification {
  return {
    version: 8,
    sources: { districts: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
    layers: [
      {
        id: 'district-fill',
        type: 'fill',
        source: 'districts',
        paint: { 'fill-color': fill, 'fill-opacity': DENSITY_FILL_OPACITY },
      },
    ],
  };
}

/** The colour the expression gives a district, as MapLibre evaluates a data-driven fill-color. */
function colourOf(fill: ExpressionSpecification, slug: string): string {
  const compiled = createExpression(fill, 'paint.fill-color', {
    type: 'color',
    'property-type': 'data-driven',
    expression: { interpolated: true, parameters: ['zoom', 'feature'] },
    overridable: false,
    transition: true,
  } as never);
  if (compiled.result === 'error') throw new Error(compiled.value.map((error) => error.message).join(', '));
  const colour = compiled.value.evaluate({ zoom: 12 }, { type: 'Polygon', properties: { slug } }) as {
    toString(): string;
  };
  return colour.toString();
}

/** `#rrggbb` as the rgba() string MapLibre's Color prints. */
function rgba(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgba(${r},${g},${b},1)`;
}

describe('areaSizes', () => {
  const sizes = areaSizes(DISTRICTS);

  it('measures every real district', () => {
    expect([...sizes.keys()].sort()).toEqual(DISTRICTS.map((district) => district.slug).sort());
  });

  it.each(DISTRICTS.map((district) => [district.slug, district.areaKm2] as const))(
    '%s is within 10 % of the file’s areaKm2 (%s km²)',
    (slug, areaKm2) => {
      expect(areaKm2).toBeGreaterThan(0);
      const measured = sizes.get(slug)!;
      expect(Math.abs(measured - areaKm2!) / areaKm2!).toBeLessThan(0.1);
    },
  );

  it('the districts add up to about the city (Dortmund is about 280 km²)', () => {
    const total = [...sizes.values()].reduce((sum, km2) => sum + km2, 0);
    expect(total).toBeGreaterThan(260);
    expect(total).toBeLessThan(300);
  });

  it('measures the geometry, not the number in the file', () => {
    const square = DISTRICTS[0]!;
    // 0.01° × 0.01° at 51.5 °N is about 1.11 km × 0.69 km.
    const geometry = SMALL_SQUARE;
    const sized = areaSizes([{ ...square, slug: 'square', areaKm2: 999, geometry, prepared: prepareArea(geometry) }]);
    expect(sized.get('square')).toBeCloseTo(0.77, 1);
  });
});

describe('densityByArea', () => {
  const sizes = new Map([
    ['a', 2],
    ['b', 4],
    ['c', 1],
    ['empty', 0],
  ]);
  const hotspots = [
    makeHotspot({ id: '1', district: 'a', neighbourhood: 'n1' }),
    makeHotspot({ id: '2', district: 'a', neighbourhood: 'n1' }),
    makeHotspot({ id: '3', district: 'a', neighbourhood: 'n2' }),
    makeHotspot({ id: '4', district: 'b', neighbourhood: 'n2' }),
    makeHotspot({ id: '5', district: null, neighbourhood: null }),
    makeHotspot({ id: '6', district: 'unknown', neighbourhood: null }),
  ];

  it('divides each area’s places by its km², with 0 for an area without places or without size', () => {
    expect(densityByArea(hotspots, sizes)).toEqual(
      new Map([
        ['a', 1.5],
        ['b', 0.25],
        ['c', 0],
        ['empty', 0],
      ]),
    );
  });

  it('counts by neighbourhood when asked', () => {
    const density = densityByArea(
      hotspots,
      new Map([
        ['n1', 1],
        ['n2', 0.5],
      ]),
      'neighbourhood',
    );
    expect(density).toEqual(
      new Map([
        ['n1', 2],
        ['n2', 4],
      ]),
    );
  });

  it('on the real data: each district’s places divided by its measured area', () => {
    const realSizes = areaSizes(DISTRICTS);
    const density = densityByArea(REAL, realSizes);
    for (const district of DISTRICTS) {
      const count = REAL.filter((hotspot) => hotspot.district === district.slug).length;
      expect(density.get(district.slug), district.slug).toBeCloseTo(count / realSizes.get(district.slug)!, 10);
    }
    // The inner city is denser than the outskirts.
    expect(density.get('innenstadt-west')!).toBeGreaterThan(density.get('aplerbeck')!);
  });

  it('counts only the places it is given (the filtered ones)', () => {
    const realSizes = areaSizes(DISTRICTS);
    const science = REAL.filter((hotspot) => hotspot.category === 'science');
    const density = densityByArea(science, realSizes);
    const total = [...density].reduce((sum, [slug, value]) => sum + value * realSizes.get(slug)!, 0);
    expect(total).toBeCloseTo(science.length, 6);
  });
});

describe('densityClasses and classFor', () => {
  it('splits 0 … max into five equal intervals, one per colour', () => {
    const classes = densityClasses(
      new Map([
        ['a', 10],
        ['b', 2],
        ['c', 0],
      ]),
    );
    expect(classes).toEqual<DensityClass[]>([
      { colour: DENSITY_COLOURS[0], from: 0, to: 2 },
      { colour: DENSITY_COLOURS[1], from: 2, to: 4 },
      { colour: DENSITY_COLOURS[2], from: 4, to: 6 },
      { colour: DENSITY_COLOURS[3], from: 6, to: 8 },
      { colour: DENSITY_COLOURS[4], from: 8, to: 10 },
    ]);
  });

  it('rounds bounds to two decimals, and the classes meet without gaps', () => {
    const classes = densityClasses(new Map([['a', 1]]));
    expect(classes.map((entry) => entry.to)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    const third = densityClasses(new Map([['a', 1 / 3]]));
    for (const [index, entry] of third.entries()) {
      expect(entry.from).toBe(Number(entry.from.toFixed(2)));
      if (index > 0) expect(entry.from).toBe(third[index - 1]!.to);
    }
    expect(third[0]!.from).toBe(0);
    expect(third.at(-1)!.to).toBeCloseTo(1 / 3, 2);
  });

  it('still gives five classes when every density is 0 or there are none', () => {
    for (const density of [new Map([['a', 0]]), new Map<string, number>()]) {
      const classes = densityClasses(density);
      expect(classes).toHaveLength(5);
      expect(classes[0]).toEqual({ colour: DENSITY_COLOURS[0], from: 0, to: 1 });
    }
  });

  it('classFor puts a value in the class whose range holds it (lower bound inclusive)', () => {
    const classes = densityClasses(new Map([['a', 10]]));
    expect(classFor(0, classes)).toBe(classes[0]);
    expect(classFor(1.99, classes)).toBe(classes[0]);
    expect(classFor(2, classes)).toBe(classes[1]);
    expect(classFor(5, classes)).toBe(classes[2]);
    expect(classFor(7.5, classes)).toBe(classes[3]);
    expect(classFor(9.99, classes)).toBe(classes[4]);
  });

  it('classFor puts the maximum, and anything above it, in the last class', () => {
    const classes = densityClasses(new Map([['a', 10]]));
    expect(classFor(10, classes)).toBe(classes[4]);
    expect(classFor(1000, classes)).toBe(classes[4]);
  });

  it('on the real data: the densest district is in the darkest class, an empty one in the lightest', () => {
    const density = densityByArea(REAL, areaSizes(DISTRICTS));
    const classes = densityClasses(density);
    const [densest] = [...density].sort((a, b) => b[1] - a[1])[0]!;
    expect(classFor(density.get(densest)!, classes).colour).toBe(DENSITY_COLOURS[4]);
    expect(classFor(0, classes).colour).toBe(DENSITY_COLOURS[0]);
    for (const value of density.values()) {
      const entry = classFor(value, classes);
      expect(value).toBeGreaterThanOrEqual(entry.from);
    }
  });
});

describe('densityFillExpression', () => {
  const density = densityByArea(REAL, areaSizes(DISTRICTS));
  const classes = densityClasses(density);
  const fill = densityFillExpression(density, classes);

  it('validates as a fill-color in a style', () => {
    expect(validateStyleMin(styleWithFill(fill)).map((error) => error.message)).toEqual([]);
  });

  it('paints every real district in its class colour', () => {
    for (const district of DISTRICTS) {
      const expected = classFor(density.get(district.slug)!, classes).colour;
      expect(colourOf(fill, district.slug), district.slug).toBe(rgba(expected));
    }
  });

  it('uses more than one colour on the real data', () => {
    const colours = new Set(DISTRICTS.map((district) => colourOf(fill, district.slug)));
    expect(colours.size).toBeGreaterThan(1);
  });

  it('paints an unknown slug white', () => {
    expect(colourOf(fill, 'nowhere')).toBe(rgba('#ffffff'));
  });

  it('without any area it is still a valid, white fill', () => {
    const empty = densityFillExpression(new Map(), densityClasses(new Map()));
    expect(validateStyleMin(styleWithFill(empty)).map((error) => error.message)).toEqual([]);
    expect(colourOf(empty, 'hoerde')).toBe(rgba('#ffffff'));
  });

  it('the validation is real: a wrong fill is reported', () => {
    const wrong = ['match', ['get', 'slug'], 'a', '#fff'] as unknown as ExpressionSpecification;
    expect(validateStyleMin(styleWithFill(wrong)).length).toBeGreaterThan(0);
  });
});

describe('cityMask', () => {
  const boundary = context.boundary!.geometry;
  const outerRings = (geometry: AreaGeometry): Position[][] =>
    geometry.type === 'Polygon' ? [geometry.coordinates[0]!] : geometry.coordinates.map((polygon) => polygon[0]!);

  it('is one polygon: a frame around Dortmund with the city’s outer ring(s) as holes', () => {
    const mask = cityMask(boundary);
    expect(mask.type).toBe('Feature');
    expect(mask.geometry.type).toBe('Polygon');
    const [frame, ...holes] = mask.geometry.coordinates;
    expect(holes).toEqual(outerRings(boundary));
    expect(holes.length).toBeGreaterThan(0);
    // The frame is closed and encloses the whole city.
    expect(frame![0]).toEqual(frame!.at(-1));
    const [west, south, east, north] = context.boundary!.bbox;
    const lons = frame!.map(([lon]) => lon!);
    const lats = frame!.map(([, lat]) => lat!);
    expect(Math.min(...lons)).toBeLessThan(west);
    expect(Math.max(...lons)).toBeGreaterThan(east);
    expect(Math.min(...lats)).toBeLessThan(south);
    expect(Math.max(...lats)).toBeGreaterThan(north);
  });

  it('reaches past every view the camera may show, a very wide and low iframe at the lowest zoom included', () => {
    const [frame] = cityMask(boundary).geometry.coordinates;
    const lons = frame!.map(([lon]) => lon!);
    const lats = frame!.map(([, lat]) => lat!);
    const padding = { top: 24, bottom: 24, left: 24, right: 24 };
    for (const view of [
      { width: 3000, height: 268 },
      { width: 200, height: 150 },
      { width: 1080, height: 1920 },
      { width: 640, height: 344 },
    ]) {
      const [west, south, east, north] = cameraLimits(view, { ...padding, bottom: 24 + view.height / 2 }).maxBounds;
      expect(Math.min(...lons), `${view.width}×${view.height}`).toBeLessThan(west);
      expect(Math.max(...lons), `${view.width}×${view.height}`).toBeGreaterThan(east);
      expect(Math.min(...lats), `${view.width}×${view.height}`).toBeLessThan(south);
      expect(Math.max(...lats), `${view.width}×${view.height}`).toBeGreaterThan(north);
    }
  });

  it('covers the surroundings but not the city itself', () => {
    const mask = prepareArea(cityMask(boundary).geometry);
    expect(containsPoint(mask, [7.465, 51.514])).toBe(false); // Dortmund city centre
    expect(containsPoint(mask, [7.2, 51.48])).toBe(true); // Bochum
  });

  it('makes every outer ring of a multipolygon a hole', () => {
    const ring = (lon: number): Position[] => [
      [lon, 51.5],
      [lon + 0.01, 51.5],
      [lon + 0.01, 51.51],
      [lon, 51.51],
      [lon, 51.5],
    ];
    const hole: Position[] = [
      [7.402, 51.502],
      [7.404, 51.502],
      [7.404, 51.504],
      [7.402, 51.502],
    ];
    const multi: AreaGeometry = { type: 'MultiPolygon', coordinates: [[ring(7.4), hole], [ring(7.5)]] };
    const mask = cityMask(multi);
    expect(mask.geometry.coordinates.slice(1)).toEqual([ring(7.4), ring(7.5)]);
  });
});
