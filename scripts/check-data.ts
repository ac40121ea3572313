/**
 * Validates every data file with the same code the app runs at load time, then checks what only a
 * maintainer's file must satisfy: enough places, every district covered, the named places present,
 * and precomputed district/neighbourhood slugs that agree with point-in-polygon.
 *
 *   npm run check:data [-- --dir path/to/data]
 */
import { assignArea } from '../src/data/geo.ts';
import { validateHotspots } from '../src/data/hotspots.ts';
import { DataFileError } from '../src/data/problems.ts';
import { DATA_DIR, readAreas, readDataFile } from './dataFiles.ts';

const REQUIRED_IDS = ['phoenix-see', 'dortmunder-u', 'tzdo', 'dezentrale'];
const MIN_HOTSPOTS = 40;
const EXPECTED_DISTRICTS = 12;
const EXPECTED_NEIGHBOURHOODS = 62;

const dirFlag = process.argv.indexOf('--dir');
const dir = dirFlag > -1 && process.argv[dirFlag + 1] ? process.argv[dirFlag + 1]! : DATA_DIR;
const errors: string[] = [];

try {
  const { boundary, districts, neighbourhoods } = await readAreas(dir);
  const rawHotspots = await readDataFile('hotspots', dir);
  const { hotspots, problems } = validateHotspots(rawHotspots, {
    boundary,
    districts: districts.areas,
    neighbourhoods: neighbourhoods.areas,
  });
  for (const problem of [...districts.problems, ...neighbourhoods.problems, ...problems]) {
    errors.push(`${problem.file}: feature ${problem.feature}: ${problem.code} in ${problem.field}`);
  }
  if (districts.areas.length !== EXPECTED_DISTRICTS)
    errors.push(`expected ${EXPECTED_DISTRICTS} districts, found ${districts.areas.length}`);
  if (neighbourhoods.areas.length !== EXPECTED_NEIGHBOURHOODS) {
    errors.push(`expected ${EXPECTED_NEIGHBOURHOODS} neighbourhoods, found ${neighbourhoods.areas.length}`);
  }
  const districtSlugs = new Set(districts.areas.map((area) => area.slug));
  for (const neighbourhood of neighbourhoods.areas) {
    if (!districtSlugs.has(neighbourhood.district))
      errors.push(`neighbourhood ${neighbourhood.slug}: unknown district ${neighbourhood.district}`);
  }
  if (hotspots.length < MIN_HOTSPOTS)
    errors.push(`expected at least ${MIN_HOTSPOTS} valid hotspots, found ${hotspots.length}`);
  const ids = new Set(hotspots.map((hotspot) => hotspot.id));
  for (const id of REQUIRED_IDS) if (!ids.has(id)) errors.push(`required hotspot ${id} is missing`);
  for (const slug of districtSlugs) {
    if (!hotspots.some((hotspot) => hotspot.district === slug)) errors.push(`district ${slug} has no hotspot`);
  }

  // The slugs in the file must be what point-in-polygon gives (run `npm run data:assign` to refresh).
  const features = (rawHotspots as { features: { properties: Record<string, unknown> }[] }).features;
  const districtIndex = districts.areas.map((area) => ({ key: area.slug, area: area.prepared }));
  const neighbourhoodIndex = neighbourhoods.areas.map((area) => ({ key: area.slug, area: area.prepared }));
  for (const hotspot of hotspots) {
    const stored = features.find((feature) => feature.properties['id'] === hotspot.id)?.properties;
    const district = assignArea(hotspot.lngLat, districtIndex);
    const neighbourhood = assignArea(hotspot.lngLat, neighbourhoodIndex);
    if (stored?.['district'] !== district || stored?.['neighbourhood'] !== neighbourhood) {
      errors.push(
        `hotspot ${hotspot.id}: stored ${String(stored?.['district'])}/${String(stored?.['neighbourhood'])}, computed ${district}/${neighbourhood} (run npm run data:assign)`,
      );
    }
  }
  console.log(
    `check:data: ${hotspots.length} hotspots, ${districts.areas.length} districts, ${neighbourhoods.areas.length} neighbourhoods`,
  );
} catch (error) {
  errors.push(error instanceof DataFileError ? `${error.problem.file}: ${error.problem.code}` : String(error));
}

if (errors.length > 0) {
  console.error(`check:data found ${errors.length} problem(s):\n- ${errors.join('\n- ')}`);
  process.exitCode = 1;
} else {
  console.log('check:data: all data files are valid');
}
