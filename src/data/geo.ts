import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';

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

const METRES_PER_DEGREE_LAT = 111_320;

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
  const dLat = metres / METRES_PER_DEGREE_LAT;
  const dLon = metres / (METRES_PER_DEGREE_LAT * Math.cos(((south + north) / 2) * (Math.PI / 180)));
  return [west - dLon, south - dLat, east + dLon, north + dLat];
}

/** A polygon prepared for repeated point tests: its bbox, and the box within the distance tolerance. */
export interface PreparedArea {
  geometry: AreaGeometry;
  bbox: BBox;
  toleranceBBox: BBox;
}

export function prepareArea(geometry: AreaGeometry, toleranceMetres = BOUNDARY_TOLERANCE_METRES): PreparedArea {
  const bbox = bboxOf(geometry);
  return { geometry, bbox, toleranceBBox: expandBBox(bbox, toleranceMetres) };
}

export function containsPoint(area: PreparedArea, point: LngLat): boolean {
  return inBBox(point, area.bbox) && booleanPointInPolygon([point[0], point[1]], area.geometry);
}

/** On the sphere of the Earth's mean radius (as turf measures), for distances. */
const METRES_PER_DEGREE_ON_SPHERE = (6_371_008.8 * Math.PI) / 180;

/**
 * Distance in metres from a point to the area's outline (0 when the point is inside the area), measured
 * in a flat projection centred on the point. Over the few hundred metres that matter here it agrees with
 * the great-circle distance to well under a metre, and costs a fraction of turf's per-segment geodesy (with
 * the city line's 450 vertices and the areas' thousands, the few places just outside took ~11 ms of
 * every load in a profile).
 */
export function distanceToArea(area: PreparedArea, point: LngLat): number {
  if (containsPoint(area, point)) return 0;
  if (!inBBox(point, area.toleranceBBox)) return Infinity;
  const [lon, lat] = point;
  const xScale = METRES_PER_DEGREE_ON_SPHERE * Math.cos(lat * (Math.PI / 180));
  const rings = area.geometry.type === 'Polygon' ? area.geometry.coordinates : area.geometry.coordinates.flat();
  let best = Infinity;
  for (const ring of rings) {
    for (let index = 1; index < ring.length; index += 1) {
      const [lonA, latA] = ring[index - 1] as [number, number];
      const [lonB, latB] = ring[index] as [number, number];
      // Segment A–B and the point (at the origin) in metres.
      const ax = (lonA - lon) * xScale;
      const ay = (latA - lat) * METRES_PER_DEGREE_ON_SPHERE;
      const dx = (lonB - lon) * xScale - ax;
      const dy = (latB - lat) * METRES_PER_DEGREE_ON_SPHERE - ay;
      const lengthSquared = dx * dx + dy * dy;
      const along = lengthSquared > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / lengthSquared)) : 0;
      best = Math.min(best, Math.hypot(ax + along * dx, ay + along * dy));
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
