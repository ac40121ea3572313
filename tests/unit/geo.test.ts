import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { pointToLineDistance, polygonToLine } from '@turf/turf';
import {
  BOUNDARY_TOLERANCE_METRES,
  assignArea,
  bboxOf,
  containsPoint,
  distanceToArea,
  expandBBox,
  inBBox,
  prepareArea,
  type LngLat,
} from '@/data/geo';
import { SMALL_SQUARE } from '../fixtures/unit/geometry';
import { realContext } from '../fixtures/unit/realData';

/** Metres per degree of longitude at the square's latitude (51.505 °N). */
const METRES_PER_DEG_LON = 111_320 * Math.cos((51.505 * Math.PI) / 180);
const eastOf = (metres: number): LngLat => [7.41 + metres / METRES_PER_DEG_LON, 51.505];

/** About 700 m × 1100 m, in Dortmund. */
const square = SMALL_SQUARE;

const neighbour: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [7.42, 51.5],
      [7.43, 51.5],
      [7.43, 51.51],
      [7.42, 51.51],
      [7.42, 51.5],
    ],
  ],
};

describe('inBBox', () => {
  const box = [7, 51, 8, 52] as const;
  it('accepts points inside and on the edge', () => {
    expect(inBBox([7.5, 51.5], box)).toBe(true);
    expect(inBBox([7, 51], box)).toBe(true);
    expect(inBBox([8, 52], box)).toBe(true);
  });
  it('rejects points outside on each side, and swapped coordinates', () => {
    expect(inBBox([6.99, 51.5], box)).toBe(false);
    expect(inBBox([8.01, 51.5], box)).toBe(false);
    expect(inBBox([7.5, 50.99], box)).toBe(false);
    expect(inBBox([7.5, 52.01], box)).toBe(false);
    expect(inBBox([51.5, 7.5], box)).toBe(false);
  });
});

describe('bboxOf', () => {
  it('spans a polygon', () => {
    expect(bboxOf(square)).toEqual([7.4, 51.5, 7.41, 51.51]);
  });
  it('spans every part of a multipolygon', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [square.coordinates, neighbour.coordinates] };
    expect(bboxOf(multi)).toEqual([7.4, 51.5, 7.43, 51.51]);
  });
});

describe('expandBBox', () => {
  it('grows the box by about the given metres on every side', () => {
    const [west, south, east, north] = expandBBox([7.4, 51.5, 7.41, 51.51], 1000);
    expect((51.5 - south) * 111_320).toBeCloseTo(1000, 0);
    expect((north - 51.51) * 111_320).toBeCloseTo(1000, 0);
    expect((7.4 - west) * METRES_PER_DEG_LON).toBeCloseTo(1000, -1);
    expect((east - 7.41) * METRES_PER_DEG_LON).toBeCloseTo(1000, -1);
    // A degree of longitude is shorter than a degree of latitude here, so the box grows more in degrees east-west.
    expect(7.4 - west).toBeGreaterThan(51.5 - south);
  });
  it('leaves the box alone for 0 m', () => {
    expect(expandBBox([7.4, 51.5, 7.41, 51.51], 0)).toEqual([7.4, 51.5, 7.41, 51.51]);
  });
});

describe('containsPoint', () => {
  const area = prepareArea(square);
  it('is true inside and false outside', () => {
    expect(containsPoint(area, [7.405, 51.505])).toBe(true);
    expect(containsPoint(area, eastOf(50))).toBe(false);
    expect(containsPoint(area, [51.505, 7.405])).toBe(false);
  });
  it('respects holes', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [
        square.coordinates[0]!,
        [
          [7.404, 51.504],
          [7.406, 51.504],
          [7.406, 51.506],
          [7.404, 51.506],
          [7.404, 51.504],
        ],
      ],
    };
    const holed = prepareArea(withHole);
    expect(containsPoint(holed, [7.405, 51.505])).toBe(false);
    expect(containsPoint(holed, [7.401, 51.501])).toBe(true);
  });
});

describe('distanceToArea', () => {
  const area = prepareArea(square);
  it('is 0 inside', () => {
    expect(distanceToArea(area, [7.405, 51.505])).toBe(0);
  });
  it('measures metres to the outline just outside', () => {
    expect(distanceToArea(area, eastOf(100))).toBeGreaterThan(95);
    expect(distanceToArea(area, eastOf(100))).toBeLessThan(105);
    const north: LngLat = [7.405, 51.51 + 150 / 111_320];
    expect(distanceToArea(area, north)).toBeGreaterThan(145);
    expect(distanceToArea(area, north)).toBeLessThan(155);
  });
  it('is Infinity beyond the tolerance box (no outline test needed)', () => {
    expect(distanceToArea(area, eastOf(2000))).toBe(Infinity);
  });
});

describe('assignArea', () => {
  const areas = [
    { key: 'square', area: prepareArea(square) },
    { key: 'neighbour', area: prepareArea(neighbour) },
  ];

  it('returns the area that contains the point', () => {
    expect(assignArea([7.405, 51.505], areas)).toBe('square');
    expect(assignArea([7.425, 51.505], areas)).toBe('neighbour');
  });

  it(`assigns a point about 100 m outside (tolerance ${BOUNDARY_TOLERANCE_METRES} m)`, () => {
    expect(assignArea(eastOf(100), areas)).toBe('square');
  });

  it('does not assign a point about 400 m outside', () => {
    // 400 m north of the square, far from the neighbour as well.
    expect(assignArea([7.405, 51.51 + 400 / 111_320], areas)).toBeNull();
  });

  it('picks the nearest area when a point lies just outside two', () => {
    // The gap between the squares is about 690 m wide; 150 m from the neighbour, 540 m from the square.
    const nearNeighbour: LngLat = [7.42 - 150 / METRES_PER_DEG_LON, 51.505];
    expect(assignArea(nearNeighbour, areas, 1000)).toBe('neighbour');
    expect(assignArea(eastOf(150), areas, 1000)).toBe('square');
  });

  it('honours a custom tolerance', () => {
    expect(assignArea(eastOf(100), areas, 50)).toBeNull();
  });

  it('returns null without areas', () => {
    expect(assignArea([7.405, 51.505], [])).toBeNull();
  });
});

describe('real data: points near the generalised city line', () => {
  const { boundary, districts } = realContext();
  const districtIndex = districts!.map((area) => ({ key: area.slug, area: area.prepared }));
  const airport: LngLat = [7.613093, 51.514994];
  const zecheZollern: LngLat = [7.333349, 51.518597];

  it('Dortmund Airport lies just outside the VG250 line, within the tolerance', () => {
    expect(containsPoint(boundary!, airport)).toBe(false);
    const distance = distanceToArea(boundary!, airport);
    expect(distance).toBeGreaterThan(20);
    expect(distance).toBeLessThan(BOUNDARY_TOLERANCE_METRES);
  });

  it("measures the same distance as turf's geodesic one, to within a metre, for points around the city", () => {
    // An independent oracle: turf's per-segment great-circle distance to the outline. Points on a ring
    // 50–190 m outside the city's bbox edges and around the airport, so the tolerance box lets them in.
    const lines = polygonToLine(boundary!.geometry);
    const outline = lines.type === 'FeatureCollection' ? lines.features : [lines];
    const geodesic = (point: LngLat) =>
      Math.min(
        ...outline.flatMap((line) =>
          (line.geometry.type === 'LineString' ? [line.geometry.coordinates] : line.geometry.coordinates).map(
            (coordinates) =>
              pointToLineDistance([point[0], point[1]], { type: 'LineString', coordinates }, { units: 'meters' }),
          ),
        ),
      );
    const [west, south, east, north] = boundary!.bbox;
    const probes: LngLat[] = [airport, [airport[0] + 0.001, airport[1]], [airport[0] + 0.002, airport[1] + 0.0005]];
    for (const metres of [50, 120, 190]) {
      const dLat = metres / 111_320;
      const dLon = metres / METRES_PER_DEG_LON;
      probes.push([west - dLon, (south + north) / 2], [east + dLon, (south + north) / 2]);
      probes.push([(west + east) / 2, south - dLat], [(west + east) / 2, north + dLat]);
    }
    let compared = 0;
    for (const probe of probes) {
      const ours = distanceToArea(boundary!, probe);
      if (ours === 0 || ours === Infinity) continue;
      compared += 1;
      expect(Math.abs(ours - geodesic(probe)), `${probe.join(', ')}`).toBeLessThan(1);
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  });

  it('assigns Dortmund Airport to Brackel', () => {
    expect(assignArea(airport, districtIndex)).toBe('brackel');
  });

  it('assigns Zeche Zollern to Lütgendortmund', () => {
    expect(assignArea(zecheZollern, districtIndex)).toBe('luetgendortmund');
  });

  it('assigns the city centre (Reinoldikirche) to Innenstadt-West', () => {
    expect(assignArea([7.4673, 51.5138], districtIndex)).toBe('innenstadt-west');
  });

  it('does not assign Bochum city centre', () => {
    expect(assignArea([7.2162, 51.4818], districtIndex)).toBeNull();
  });
});
