import type { FeatureCollection, Point } from 'geojson';
import type { Area } from '@/data/areas';

/**
 * One label point per area. Labelling the polygons directly would repeat a name in every tile the
 * polygon crosses; the import script stores a point inside each polygon, and data without it falls
 * back to the centre of the bounding box.
 */
export function areaLabelPoints(areas: readonly Area[]): FeatureCollection<Point, { slug: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: areas.map((area) => {
      const [west, south, east, north] = area.prepared.bbox;
      const [lon, lat] = area.label ?? [(west + east) / 2, (south + north) / 2];
      return {
        type: 'Feature',
        properties: { slug: area.slug, name: area.name },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      };
    }),
  };
}
