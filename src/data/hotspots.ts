import * as v from 'valibot';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { CATEGORIES, COORD_CONFIDENCES, SECTORS, STATUSES, type Hotspot } from '@/domain/hotspot';
import type { FeatureProblem } from './problems';
import { featureCollectionOf, featureLabel, issuePath, type Area, type Neighbourhood } from './areas';
import {
  DORTMUND_BBOX,
  assignArea,
  distanceToArea,
  inBBox,
  BOUNDARY_TOLERANCE_METRES,
  type LngLat,
  type PreparedArea,
} from './geo';

const FILE = 'hotspots.geojson';
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(max));

const pointSchema = v.object({
  type: v.literal('Point'),
  coordinates: v.tuple([v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite())]),
});

export const hotspotPropertiesSchema = v.object({
  id: v.pipe(v.string(), v.regex(KEBAB), v.maxLength(80)),
  name: text(120),
  category: v.picklist(CATEGORIES),
  sector: v.picklist(SECTORS),
  status: v.picklist(STATUSES),
  tags: v.pipe(v.array(v.pipe(v.string(), v.regex(KEBAB), v.maxLength(40))), v.maxLength(12)),
  summary: v.object({ de: text(600), en: text(600) }),
  address: text(200),
  // Checked separately below, so that a non-https link gets its own, clearer problem code.
  website: v.optional(v.string()),
  since: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(2100))),
  coordSource: text(400),
  coordConfidence: v.picklist(COORD_CONFIDENCES),
  district: v.optional(v.pipe(v.string(), v.regex(KEBAB))),
  neighbourhood: v.optional(v.pipe(v.string(), v.regex(KEBAB))),
});

/** Only absolute https links with a host are allowed from data: no javascript:, data:, http: or relative URLs. */
export function isSafeLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

export interface HotspotContext {
  boundary: PreparedArea | null;
  districts: readonly Area[] | null;
  neighbourhoods: readonly Neighbourhood[] | null;
}

export interface HotspotResult {
  hotspots: Hotspot[];
  problems: FeatureProblem[];
}

function checkLocation(point: LngLat, boundary: PreparedArea | null): FeatureProblem['code'] | null {
  if (!inBBox(point, DORTMUND_BBOX)) {
    return inBBox([point[1], point[0]], DORTMUND_BBOX) ? 'swapped-coordinates' : 'outside-city';
  }
  if (boundary && distanceToArea(boundary, point) > BOUNDARY_TOLERANCE_METRES) return 'outside-city';
  return null;
}

function resolveArea<A extends Area>(
  given: string | undefined,
  point: LngLat,
  areas: readonly A[] | null,
  prepared: ReadonlyArray<{ key: string; area: PreparedArea }>,
): string | null {
  if (!areas) return null;
  // The checked-in file carries precomputed slugs (scripts/assign-districts.ts); trust a known slug and
  // only fall back to point-in-polygon for data an operator dropped in without them.
  if (given && areas.some((area) => area.slug === given)) return given;
  return assignArea(point, prepared);
}

/** One pass over the file: the state the features are validated into, and the step for one feature. */
function hotspotValidation(raw: unknown, context: HotspotContext) {
  const features = featureCollectionOf(FILE, raw);
  const hotspots: Hotspot[] = [];
  const problems: FeatureProblem[] = [];
  const seen = new Set<string>();
  const districtIndex = (context.districts ?? []).map((area) => ({ key: area.slug, area: area.prepared }));
  const neighbourhoodIndex = (context.neighbourhoods ?? []).map((area) => ({ key: area.slug, area: area.prepared }));

  const validateFeature = (feature: unknown, index: number): void => {
    const label = featureLabel(feature, index, 'id');
    const report = (field: string, code: FeatureProblem['code']) =>
      problems.push({ file: FILE, feature: label, field, code });
    const record = (feature ?? {}) as Partial<Feature>;
    if (typeof feature !== 'object' || feature === null || record.type !== 'Feature') {
      report('type', 'invalid-feature');
      return;
    }
    const geometry = v.safeParse(pointSchema, record.geometry);
    if (!geometry.success) {
      report(issuePath(geometry.issues, 'geometry'), 'invalid-feature');
      return;
    }
    const properties = v.safeParse(hotspotPropertiesSchema, record.properties);
    if (!properties.success) {
      report(issuePath(properties.issues, 'properties'), 'invalid-value');
      return;
    }
    const props = properties.output;
    if (props.website !== undefined && !isSafeLink(props.website)) {
      report('properties.website', 'insecure-link');
      return;
    }
    const point = geometry.output.coordinates as LngLat;
    const locationProblem = checkLocation(point, context.boundary);
    if (locationProblem) {
      report('geometry.coordinates', locationProblem);
      return;
    }
    if (seen.has(props.id)) {
      report('properties.id', 'duplicate-id');
      return;
    }
    seen.add(props.id);
    const hotspot: Hotspot = {
      id: props.id,
      name: props.name,
      category: props.category,
      sector: props.sector,
      status: props.status,
      // Each tag once: the facet counts then count a place once per tag without de-duplicating per keystroke.
      tags: [...new Set(props.tags)],
      summary: props.summary,
      address: props.address,
      coordSource: props.coordSource,
      coordConfidence: props.coordConfidence,
      district: resolveArea(props.district, point, context.districts, districtIndex),
      neighbourhood: resolveArea(props.neighbourhood, point, context.neighbourhoods, neighbourhoodIndex),
      lngLat: point,
      ...(props.website === undefined ? {} : { website: props.website }),
      ...(props.since === undefined ? {} : { since: props.since }),
    };
    hotspots.push(hotspot);
  };

  return { features, validateFeature, result: (): HotspotResult => ({ hotspots, problems }) };
}

/**
 * Validates the hotspot file feature by feature. An invalid feature is skipped and reported with its
 * id (or index) and the failing field; every valid feature is kept. Throws DataFileError only when the
 * file as a whole is unusable.
 */
export function validateHotspots(raw: unknown, context: HotspotContext): HotspotResult {
  const { features, validateFeature, result } = hotspotValidation(raw, context);
  for (let index = 0; index < features.length; index += 1) validateFeature(features[index], index);
  return result();
}

/** Features validated between two looks at the clock (a look costs little, but not nothing). */
const FEATURES_PER_CHECK = 250;

/**
 * validateHotspots, in slices of about `sliceMs`, awaiting `pause` between them, so a large file does not
 * hold the main thread in one task (100,000 places took ~0.65 s). Same result, same problems.
 */
export async function validateHotspotsInSlices(
  raw: unknown,
  context: HotspotContext,
  pause: () => Promise<void>,
  sliceMs = 12,
  now: () => number = () => performance.now(),
): Promise<HotspotResult> {
  const { features, validateFeature, result } = hotspotValidation(raw, context);
  let sliceStart = now();
  for (let index = 0; index < features.length; index += 1) {
    validateFeature(features[index], index);
    if ((index + 1) % FEATURES_PER_CHECK === 0 && now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = now();
    }
  }
  return result();
}

export interface HotspotFeatureProperties {
  id: string;
  name: string;
  category: Hotspot['category'];
  status: Hotspot['status'];
}

const placesByCollection = new WeakMap<object, readonly Hotspot[]>();

/**
 * The places a collection made by hotspotsToGeoJSON was made from: feature i is place i. The map's filter
 * diffs use it to find a place's feature by the place object instead of by its id string.
 */
export function placesOf(collection: object): readonly Hotspot[] | undefined {
  return placesByCollection.get(collection);
}

/**
 * The lean GeoJSON the map source gets: only what its layers read (the id for feature-state and the
 * filter diffs, the name for labels, category and status for colour and shape). Every property here is
 * copied to MapLibre's worker at load and again for each place a filter brings back, so filtering fields
 * such as tags or districts stay out.
 */
export function hotspotsToGeoJSON(hotspots: readonly Hotspot[]): FeatureCollection<Point, HotspotFeatureProperties> {
  const collection: FeatureCollection<Point, HotspotFeatureProperties> = {
    type: 'FeatureCollection',
    features: hotspots.map((hotspot) => ({
      type: 'Feature',
      properties: {
        id: hotspot.id,
        name: hotspot.name,
        category: hotspot.category,
        status: hotspot.status,
      },
      geometry: { type: 'Point', coordinates: [hotspot.lngLat[0], hotspot.lngLat[1]] },
    })),
  };
  placesByCollection.set(collection, hotspots);
  return collection;
}
