/**
 * One-off import of the reference boundaries in ../shared/data into the app's data/ folder.
 * Adds stable ASCII slugs, the parent district of each neighbourhood and a label point inside each
 * polygon, and drops the long method/accuracy strings (they live in data/SOURCES.md instead).
 *
 *   npx tsx scripts/import-boundaries.ts [path/to/shared/data/dortmund/boundaries]
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import { slugify } from '../src/lib/slug.ts';

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

const sourceDir = process.argv[2] ?? path.resolve(import.meta.dirname, '../../shared/data/dortmund/boundaries');
const dataDir = path.resolve(import.meta.dirname, '../data');

async function readCollection(name: string): Promise<FeatureCollection<Polygon | MultiPolygon>> {
  return JSON.parse(await readFile(path.join(sourceDir, name), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
}

function labelPoint(area: Area): [number, number] {
  const centre = centerOfMass(area);
  const point = booleanPointInPolygon(centre, area) ? centre : pointOnFeature(area);
  const [lon, lat] = point.geometry.coordinates;
  return [Number(lon!.toFixed(6)), Number(lat!.toFixed(6))];
}

async function write(name: string, collection: FeatureCollection): Promise<void> {
  await writeFile(path.join(dataDir, name), `${JSON.stringify(collection)}\n`);
  console.log(`wrote data/${name} (${collection.features.length} features)`);
}

const city = await readCollection('dortmund_stadtgrenze_vg250.geojson');
await write('city-boundary.geojson', {
  type: 'FeatureCollection',
  features: city.features.map((feature) => ({
    type: 'Feature',
    properties: { name: 'Dortmund', ags: String(feature.properties?.['AGS'] ?? '05913000') },
    geometry: feature.geometry,
  })),
});

const districts = await readCollection('dortmund_stadtbezirke_derived.geojson');
await write('districts.geojson', {
  type: 'FeatureCollection',
  features: districts.features.map((feature) => {
    const name = String(feature.properties?.['name']);
    return {
      type: 'Feature',
      properties: {
        slug: slugify(name),
        name,
        areaKm2: Number(feature.properties?.['area_km2']),
        label: labelPoint(feature as Area),
      },
      geometry: feature.geometry,
    };
  }),
});

const neighbourhoods = await readCollection('dortmund_statistische_bezirke_derived.geojson');
await write('neighbourhoods.geojson', {
  type: 'FeatureCollection',
  features: neighbourhoods.features.map((feature) => {
    const name = String(feature.properties?.['name']);
    return {
      type: 'Feature',
      properties: {
        slug: slugify(name),
        name,
        code: String(feature.properties?.['sb_code']),
        district: slugify(String(feature.properties?.['stadtbezirk'])),
        areaKm2: Number(feature.properties?.['area_km2']),
        label: labelPoint(feature as Area),
      },
      geometry: feature.geometry,
    };
  }),
});
