/**
 * Writes each hotspot's district and neighbourhood slug into data/hotspots.geojson, computed by
 * point-in-polygon against the derived boundaries (with the boundary tolerance for points just outside
 * the generalised city line). The app trusts these precomputed slugs; `npm run check:data` verifies them.
 *
 *   npm run data:assign
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assignArea } from '../src/data/geo.ts';
import { DATA_DIR, readAreas, readDataFile } from './dataFiles.ts';

interface RawFeature {
  type: string;
  geometry: { type: string; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

const { districts, neighbourhoods } = await readAreas();
const districtIndex = districts.areas.map((area) => ({ key: area.slug, area: area.prepared }));
const neighbourhoodIndex = neighbourhoods.areas.map((area) => ({ key: area.slug, area: area.prepared }));
const collection = (await readDataFile('hotspots')) as { type: string; features: RawFeature[] };

let unassigned = 0;
for (const feature of collection.features) {
  const point = feature.geometry.coordinates;
  const rest = { ...feature.properties };
  delete rest['district'];
  delete rest['neighbourhood'];
  const district = assignArea(point, districtIndex);
  const neighbourhood = assignArea(point, neighbourhoodIndex);
  if (!district || !neighbourhood) {
    unassigned += 1;
    console.error(`${String(rest['id'])}: outside every area (${point.join(', ')})`);
  }
  feature.properties = { ...rest, ...(district ? { district } : {}), ...(neighbourhood ? { neighbourhood } : {}) };
}
await writeFile(path.join(DATA_DIR, 'hotspots.geojson'), `${JSON.stringify(collection, null, 2)}\n`);
console.log(`assigned ${collection.features.length - unassigned} of ${collection.features.length} hotspots`);
process.exitCode = unassigned > 0 ? 1 : 0;
