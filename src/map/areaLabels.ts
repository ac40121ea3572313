import type { FeatureCollection, Point } from 'geojson';
import type { Area } from '@/data/areas';

export type AreaLevel = 'district' | 'neighbourhood';

/**
 * One label point per area, for each level given. Labelling the polygons directly would repeat a name
 * in every tile the polygon crosses; the import script stores a point inside each polygon, and data
 * without it falls back to the centre of the bounding box.
 */
export function areaLabelPoints(
  levels: Partial<Record<AreaLevel, readonly Area[]>>,
): FeatureCollection<Point, { slug: string; name: string; level: AreaLevel }> {
  const entries = Object.entries(levels) as [AreaLevel, readonly Area[]][];
  return {
    type: 'FeatureCollection',
    features: entries.flatMap(([level, areas]) =>
      areas.map((area) => {
        const [west, south, east, north] = area.prepared.bbox;
        const [lon, lat] = area.label ?? [(west + east) / 2, (south + north) / 2];
        return {
          type: 'Feature' as const,
          properties: { slug: area.slug, name: area.name, level },
          geometry: { type: 'Point' as const, coordinates: [lon, lat] },
        };
      }),
    ),
  };
}
