import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToLineDistance from '@turf/point-to-line-distance';
import polygonToLine from '@turf/polygon-to-line';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';

export type LngLat = readonly [number, number];
export type BBox = readonly [west: number, south: number, east: number, north: number];
export type AreaGeometry = Polygon | MultiPolygon;

/**
 * Generous box around Dortmund (the city spans about 7.30–7.64 °E, 51.41–51.60 °N). A cheap first test
 * that catches swapped coordinates and points elsewhere before any polygon test.
 */
export const DORTMUND_BBOX: BBox = [7.25, 51.37, 7.7, 51.64];

/** The VG250 boundary is generalised and up to ~150 m off, so points this close outside still count. */
export const BOUNDARY_TOLERANCE_METRES = 200;

export function inBBox([lon, lat]: LngLat, [west, south, east, north]: BBox): boolean {
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

export function bboxOf(geometry: AreaGeometry): BBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [lon, lat] of ring as [number, number][]) {
      if (lon < west) west = lon;
      if (lon > east) east = lon;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
  }
  return [west, south, east, north];
}

/** Grows a bbox by about `metres` in every direction (good enough at Dortmund's latitude). */
export function expandBBox([west, south, east, north]: BBox, metres: number): BBox {
  const dLat = metres / 111_320;
  const dLon = metres / (111_320 * Math.cos(((south + north) / 2) * (Math.PI / 180)));
  return [west - dLon, south - dLat, east + dLon, north + dLat];
}

/** A polygon prepared for repeated point tests: its bbox and, lazily, its outline for distance tests. */
export interface PreparedArea {
  geometry: AreaGeometry;
  bbox: BBox;
  toleranceBBox: BBox;
  outline: () => Feature<LineString | MultiLineString>[];
}

export function prepareArea(geometry: AreaGeometry, toleranceMetres = BOUNDARY_TOLERANCE_METRES): PreparedArea {
  const bbox = bboxOf(geometry);
  let outline: Feature<LineString | MultiLineString>[] | undefined;
  return {
    geometry,
    bbox,
    toleranceBBox: expandBBox(bbox, toleranceMetres),
    outline: () => {
      if (!outline) {
        const lines = polygonToLine(geometry);
        outline = lines.type === 'FeatureCollection' ? lines.features : [lines];
      }
      return outline;
    },
  };
}

export function containsPoint(area: PreparedArea, point: LngLat): boolean {
  return inBBox(point, area.bbox) && booleanPointInPolygon([point[0], point[1]], area.geometry);
}

/** Distance in metres from a point to the area's outline (0 when the point is inside the area). */
export function distanceToArea(area: PreparedArea, point: LngLat): number {
  if (containsPoint(area, point)) return 0;
  if (!inBBox(point, area.toleranceBBox)) return Infinity;
  let best = Infinity;
  for (const line of area.outline()) {
    const lines: LineString[] =
      line.geometry.type === 'LineString'
        ? [line.geometry]
        : line.geometry.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
    for (const geometry of lines) {
      best = Math.min(best, pointToLineDistance([point[0], point[1]], geometry, { units: 'meters' }));
    }
  }
  return best;
}

/**
 * The key of the area that contains the point; if none does, the nearest one within the tolerance
 * (the derived districts are clipped to the generalised city line, so a point just outside it, such as
 * the airport, still belongs to the district next to it). Null when the point is farther away.
 */
export function assignArea<K extends string>(
  point: LngLat,
  areas: ReadonlyArray<{ key: K; area: PreparedArea }>,
  toleranceMetres = BOUNDARY_TOLERANCE_METRES,
): K | null {
  for (const { key, area } of areas) {
    if (containsPoint(area, point)) return key;
  }
  let nearest: K | null = null;
  let nearestDistance = toleranceMetres;
  for (const { key, area } of areas) {
    const distance = distanceToArea(area, point);
    if (distance <= nearestDistance) {
      nearest = key;
      nearestDistance = distance;
    }
  }
  return nearest;
}
