import type { Feature, Polygon } from 'geojson';
import type { AreaGeometry } from '@/data/geo';

/**
 * A frame well beyond Dortmund; the mask is this frame with the city cut out as holes. It must reach past
 * every view the camera limits allow (bounds.ts: cameraLimits), a very wide, low iframe at the lowest zoom
 * included: about 8° of longitude for a 3,000 px wide map at zoom 8.
 */
const FRAME: [number, number][] = [
  [-2.5, 45.5],
  [17.5, 45.5],
  [17.5, 57.5],
  [-2.5, 57.5],
  [-2.5, 45.5],
];

/**
 * Everything outside the city as one polygon, so the area around Dortmund can be dimmed and the
 * city reads as the subject of the map. The city's outer rings become the holes.
 */
export function cityMask(boundary: AreaGeometry): Feature<Polygon> {
  const outerRings =
    boundary.type === 'Polygon' ? [boundary.coordinates[0]] : boundary.coordinates.map((polygon) => polygon[0]);
  const holes = outerRings.filter((ring): ring is [number, number][] => Array.isArray(ring));
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [FRAME, ...holes] },
  };
}
