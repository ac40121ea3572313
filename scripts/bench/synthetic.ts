/**
 * Deterministic synthetic hotspots for the benchmark: N places that lie inside the city boundary, lean
 * towards the neighbourhoods the real places are in, and carry properties distributed like the real
 * data (categories, sectors, status, tags, coordinate confidence), with German and English summaries
 * from templates and plausible addresses. District and neighbourhood slugs are computed with
 * assignArea exactly as scripts/assign-districts.ts does, and every generated file is checked with the
 * app's own validateHotspots before it is used.
 *
 * Files are cached in bench-results/data/<n>/hotspots.geojson and rebuilt when the generator version
 * or the input data change.
 *
 *   npx tsx scripts/bench/synthetic.ts 1000 10000 100000
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assignArea, containsPoint, type LngLat } from '../../src/data/geo.ts';
import { validateHotspots } from '../../src/data/hotspots.ts';
import { CATEGORIES, COORD_CONFIDENCES, SECTORS, type Category } from '../../src/domain/hotspot.ts';
import { TAG_LABELS } from '../../src/domain/tags.ts';
import { slugify } from '../../src/lib/slug.ts';
import { DATA_DIR, readAreas, readDataFile } from '../dataFiles.ts';

/** Bump when the generated data changes shape, so cached files are rebuilt. */
const GENERATOR_VERSION = 4;
export const BENCH_RESULTS_DIR = path.resolve(import.meta.dirname, '../../bench-results');
export const SYNTHETIC_DIR = path.join(BENCH_RESULTS_DIR, 'data');

export interface RealFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown> & {
    id: string;
    category: Category;
    sector: string;
    status: string;
    tags: string[];
    coordConfidence: string;
    neighbourhood?: string;
  };
}

/** mulberry32: a tiny, fast, seedable PRNG with good enough statistics for sampling. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Picks from a weighted list (weights need not sum to 1). */
function weighted<T>(random: Random, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

/** Standard normal deviate (Box–Muller). */
function gaussian(random: Random): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function frequencies<T>(values: readonly T[]): Array<[T, number]> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()];
}

const NAME_PREFIX: Record<Category, readonly string[]> = {
  science: ['Forschungslabor', 'Transferzentrum', 'Reallabor', 'Institut', 'Graduiertenschule', 'Testfeld'],
  business: ['Gründerzentrum', 'Innovationshub', 'Coworking', 'Technologiepark', 'Start-up-Werkstatt', 'Manufaktur'],
  culture: ['Atelierhaus', 'Kulturort', 'Medienkunstlabor', 'Studio', 'Projektraum', 'Kreativquartier'],
  civic: ['Nachbarschaftstreff', 'Repair-Café', 'Bürgerwerkstatt', 'Initiative', 'Quartiersbüro', 'Lernort'],
  urban: ['Stadtlabor', 'Quartiersprojekt', 'Klimaquartier', 'Mobilitätsstation', 'Zukunftsort', 'Umbauprojekt'],
};

const CATEGORY_TEXT: Record<Category, { de: string; en: string }> = {
  science: { de: 'Forschung und Transfer', en: 'research and transfer' },
  business: { de: 'junge Unternehmen und neue Geschäftsideen', en: 'young companies and new business ideas' },
  culture: { de: 'Kunst, Medien und Kultur', en: 'art, media and culture' },
  civic: { de: 'Engagement aus der Nachbarschaft', en: 'engagement from the neighbourhood' },
  urban: { de: 'den Umbau des Quartiers', en: 'the remaking of the neighbourhood' },
};

const STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Kirchstraße',
  'Schulstraße',
  'Gartenstraße',
  'Lindenweg',
  'Am Markt',
  'Hafenstraße',
  'Hansastraße',
  'Kampstraße',
  'Zechenstraße',
  'Hüttenweg',
  'Am Stahlwerk',
  'Wilhelmstraße',
  'Parkstraße',
  'Ringstraße',
  'Mühlenweg',
  'Westfalenstraße',
  'Emscherallee',
  'Kokereistraße',
];

/** Postcodes by district (approximate; Dortmund's postcodes do not follow district lines exactly). */
const POSTCODES: Record<string, readonly string[]> = {
  'innenstadt-west': ['44135', '44137', '44139'],
  'innenstadt-nord': ['44145', '44147'],
  'innenstadt-ost': ['44141', '44143'],
  eving: ['44339'],
  scharnhorst: ['44328', '44329'],
  brackel: ['44309'],
  aplerbeck: ['44287', '44289'],
  hoerde: ['44263', '44265', '44267'],
  hombruch: ['44225', '44227', '44229'],
  luetgendortmund: ['44388', '44379'],
  huckarde: ['44369'],
  mengede: ['44357', '44359'],
};

function clampText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export interface SyntheticInputs {
  real: RealFeature[];
  areas: Awaited<ReturnType<typeof readAreas>>;
}

export async function readInputs(): Promise<SyntheticInputs> {
  const areas = await readAreas();
  const real = ((await readDataFile('hotspots')) as { features: RealFeature[] }).features;
  return { real, areas };
}

/** Generates N hotspots. Pure: the same inputs and N give the same features. */
export function generateHotspots(n: number, { real, areas }: SyntheticInputs): RealFeature[] {
  const random = mulberry32(seedOf(`innovation-next-door-bench-v${GENERATOR_VERSION}-${n}`));
  const { boundary, districts, neighbourhoods } = areas;
  const districtIndex = districts.areas.map((area) => ({ key: area.slug, area: area.prepared }));
  const neighbourhoodIndex = neighbourhoods.areas.map((area) => ({ key: area.slug, area: area.prepared }));
  const districtName = new Map(districts.areas.map((area) => [area.slug, area.name]));
  const neighbourhoodName = new Map(neighbourhoods.areas.map((area) => [area.slug, area.name]));

  // Where the real places are: neighbourhoods weighted by their real count (plus one, so every
  // neighbourhood gets some places), and the real points themselves as cluster centres.
  const realPerNeighbourhood = new Map(frequencies(real.map((feature) => feature.properties.neighbourhood)));
  const neighbourhoodWeights = neighbourhoods.areas.map(
    (area) => [area, 1 + 4 * (realPerNeighbourhood.get(area.slug) ?? 0)] as const,
  );
  const sectorByCategory = new Map(
    CATEGORIES.map((category) => [
      category,
      frequencies(real.filter((f) => f.properties.category === category).map((f) => f.properties.sector)),
    ]),
  );
  const categoryWeights = frequencies(real.map((feature) => feature.properties.category));
  const tagWeights = frequencies(real.flatMap((feature) => feature.properties.tags)).filter(([tag]) => TAG_LABELS[tag]);
  const tagCountWeights = frequencies(real.map((feature) => Math.max(1, feature.properties.tags.length)));
  const confidenceWeights = frequencies(real.map((feature) => feature.properties.coordConfidence)).filter(([value]) =>
    (COORD_CONFIDENCES as readonly string[]).includes(value),
  );
  const plannedShare = Math.max(0.02, real.filter((f) => f.properties.status === 'planned').length / real.length);

  const samplePoint = (): { point: LngLat; district: string; neighbourhood: string } => {
    for (let attempt = 0; attempt < 10_000; attempt += 1) {
      let point: LngLat;
      const mode = random();
      if (mode < 0.4) {
        // Around a real place: about 400 m of spread.
        const centre = pick(random, real).geometry.coordinates;
        point = [centre[0] + (gaussian(random) * 400) / 69_500, centre[1] + (gaussian(random) * 400) / 111_320];
      } else {
        const area = mode < 0.85 ? weighted(random, neighbourhoodWeights).prepared : boundary;
        const [west, south, east, north] = area.bbox;
        point = [west + random() * (east - west), south + random() * (north - south)];
        if (!containsPoint(area, point)) continue;
      }
      point = [Math.round(point[0] * 1e6) / 1e6, Math.round(point[1] * 1e6) / 1e6];
      if (!containsPoint(boundary, point)) continue;
      const district = assignArea(point, districtIndex);
      const neighbourhood = assignArea(point, neighbourhoodIndex);
      if (district && neighbourhood) return { point, district, neighbourhood };
    }
    throw new Error('could not sample a point inside the city');
  };

  const features: RealFeature[] = [];
  for (let index = 0; index < n; index += 1) {
    const template = pick(random, real).properties;
    const category: Category = random() < 0.7 ? template.category : weighted(random, categoryWeights);
    const sector =
      random() < 0.7 && category === template.category
        ? template.sector
        : weighted(random, sectorByCategory.get(category) ?? [[SECTORS[0], 1]]);
    const status = random() < plannedShare ? 'planned' : 'existing';
    const tagCount = weighted(random, tagCountWeights);
    const tags = new Set<string>(template.tags.filter((tag) => TAG_LABELS[tag]).slice(0, 1));
    while (tags.size < tagCount) tags.add(weighted(random, tagWeights));
    const tagList = [...tags];
    const { point, district, neighbourhood } = samplePoint();
    const place = neighbourhoodName.get(neighbourhood) ?? neighbourhood;
    const districtLabel = districtName.get(district) ?? district;
    const topic = TAG_LABELS[tagList[0] ?? ''] ?? { de: 'Innovation', en: 'innovation' };
    const prefix = pick(random, NAME_PREFIX[category]);
    const name = clampText(
      `${prefix} ${topic.de} ${place}${random() < 0.3 ? ` ${1 + Math.floor(random() * 9)}` : ''}`,
      120,
    );
    const id = `${slugify(name).slice(0, 64).replace(/-+$/, '')}-${index.toString(36)}`;
    const since = random() < 0.5 ? 1960 + Math.floor(random() * 66) : undefined;
    const labelsDe = tagList.map((tag) => TAG_LABELS[tag]?.de ?? tag).join(', ');
    const labelsEn = tagList.map((tag) => TAG_LABELS[tag]?.en.toLowerCase() ?? tag).join(', ');
    const summaryDe =
      `${prefix} in ${place} (${districtLabel}) für ${CATEGORY_TEXT[category].de}, mit den Themen ${labelsDe}. ` +
      (status === 'planned'
        ? 'Das Vorhaben ist geplant und lädt schon jetzt zum Mitmachen ein.'
        : since
          ? `Seit ${since} ein offener Ort für Menschen aus dem Viertel und der ganzen Stadt.`
          : 'Ein offener Ort für Menschen aus dem Viertel und der ganzen Stadt.');
    const summaryEn =
      `${prefix} in ${place} (${districtLabel}): a place for ${CATEGORY_TEXT[category].en}, covering ${labelsEn}. ` +
      (status === 'planned'
        ? 'It is planned, and residents can already take part.'
        : since
          ? `Open since ${since} to people from the neighbourhood and the whole city.`
          : 'Open to people from the neighbourhood and the whole city.');
    const postcode = pick(random, POSTCODES[district] ?? ['44137']);
    const properties: RealFeature['properties'] = {
      id,
      name,
      category,
      sector,
      status,
      tags: tagList,
      summary: { de: clampText(summaryDe, 600), en: clampText(summaryEn, 600) },
      address: `${pick(random, STREETS)} ${1 + Math.floor(random() * 180)}, ${postcode} Dortmund`,
      ...(random() < 0.3 ? { website: `https://example.org/orte/${id}` } : {}),
      ...(since ? { since } : {}),
      coordSource: `Synthetic benchmark point #${index} (seeded), sampled in ${place}.`,
      coordConfidence: weighted(random, confidenceWeights),
      district,
      neighbourhood,
    };
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [point[0], point[1]] }, properties });
  }
  return features;
}

async function inputsHash(): Promise<string> {
  const hash = createHash('sha256').update(`v${GENERATOR_VERSION}`);
  for (const name of ['hotspots.geojson', 'districts.geojson', 'neighbourhoods.geojson', 'city-boundary.geojson']) {
    hash.update(await readFile(path.join(DATA_DIR, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

export interface Dataset {
  /** 'real' or the number of synthetic hotspots. */
  name: string;
  size: number;
  file: string;
  /** Milliseconds spent generating and validating it (0 when it came from the cache). */
  generatedMs: number;
}

/** The real data file as a dataset. */
export async function realDataset(): Promise<Dataset> {
  const file = path.join(DATA_DIR, 'hotspots.geojson');
  const size = ((JSON.parse(await readFile(file, 'utf8')) as { features: unknown[] }).features ?? []).length;
  return { name: 'real', size, file, generatedMs: 0 };
}

/** The cached synthetic file for N hotspots, generated (and validated with the app's code) if needed. */
export async function syntheticDataset(n: number, inputs?: SyntheticInputs): Promise<Dataset> {
  const dir = path.join(SYNTHETIC_DIR, String(n));
  const file = path.join(dir, 'hotspots.geojson');
  const metaFile = path.join(dir, 'meta.json');
  const hash = await inputsHash();
  try {
    const meta = JSON.parse(await readFile(metaFile, 'utf8')) as { hash?: string; size?: number };
    if (meta.hash === hash && meta.size === n) return { name: String(n), size: n, file, generatedMs: 0 };
  } catch {
    // No cache yet.
  }
  const started = performance.now();
  const resolved = inputs ?? (await readInputs());
  const features = generateHotspots(n, resolved);
  const { hotspots, problems } = validateHotspots(
    { type: 'FeatureCollection', features },
    {
      boundary: resolved.areas.boundary,
      districts: resolved.areas.districts.areas,
      neighbourhoods: resolved.areas.neighbourhoods.areas,
    },
  );
  if (problems.length > 0 || hotspots.length !== n) {
    const first = problems[0];
    throw new Error(
      `synthetic data for ${n} failed the app's validation: ${problems.length} problems` +
        (first ? ` (first: ${first.feature} ${first.code} in ${first.field})` : ''),
    );
  }
  await mkdir(dir, { recursive: true });
  // Compact JSON, as an operator's export would be; the real file's indentation is for diffs only.
  await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }));
  await writeFile(metaFile, `${JSON.stringify({ hash, size: n, generator: GENERATOR_VERSION }, null, 2)}\n`);
  return { name: String(n), size: n, file, generatedMs: performance.now() - started };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const inputs = await readInputs();
  for (const n of sizes.length > 0 ? sizes : [1000, 10_000, 100_000]) {
    const dataset = await syntheticDataset(n, inputs);
    console.log(
      `${dataset.file}: ${n} hotspots${dataset.generatedMs ? ` (${Math.round(dataset.generatedMs)} ms)` : ' (cached)'}`,
    );
  }
}
