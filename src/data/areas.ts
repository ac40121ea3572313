import * as v from 'valibot';
import type { Feature, FeatureCollection } from 'geojson';
import { DataFileError, type FeatureProblem } from './problems';
import type { DataFileName } from './files';
import { prepareArea, type AreaGeometry, type LngLat, type PreparedArea } from './geo';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const lngLatSchema = v.tuple([v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite())]);
const ringSchema = v.pipe(v.array(lngLatSchema), v.minLength(4));
const polygonSchema = v.object({
  type: v.literal('Polygon'),
  coordinates: v.pipe(v.array(ringSchema), v.minLength(1)),
});
const multiPolygonSchema = v.object({
  type: v.literal('MultiPolygon'),
  coordinates: v.pipe(v.array(v.pipe(v.array(ringSchema), v.minLength(1))), v.minLength(1)),
});
export const areaGeometrySchema = v.variant('type', [polygonSchema, multiPolygonSchema]);

function isPosition(value: unknown): boolean {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

/** Every index, holes included (as the schema checks them), passes the test; at least `min` of them. */
function isArrayOf(value: unknown, min: number, test: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value) || value.length < min) return false;
  for (let index = 0; index < value.length; index += 1) if (!test(value[index])) return false;
  return true;
}

const isRing = (value: unknown) => isArrayOf(value, 4, isPosition);
const isPolygonRings = (value: unknown) => isArrayOf(value, 1, isRing);

/** Accepts exactly what areaGeometrySchema accepts (a test holds them to that). */
export function isAreaGeometry(value: unknown): value is AreaGeometry {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return isPolygonRings(coordinates);
  if (type === 'MultiPolygon') return isArrayOf(coordinates, 1, isPolygonRings);
  return false;
}

/**
 * The geometry of an area, checked by hand first: the schema checks (and copies) each of the files'
 * ~13,000 positions one by one (in Node, a first validation of the three area files took ~20 ms with
 * the schema, ~14 ms with this check). Only a geometry that fails runs through the schema, for the
 * exact place of the fault.
 */
export function parseAreaGeometry(
  value: unknown,
): { success: true; output: AreaGeometry } | { success: false; issues: readonly v.BaseIssue<unknown>[] } {
  if (isAreaGeometry(value)) {
    return { success: true, output: { type: value.type, coordinates: value.coordinates } as AreaGeometry };
  }
  const parsed = v.safeParse(areaGeometrySchema, value);
  return parsed.success
    ? { success: true, output: parsed.output as AreaGeometry }
    : { success: false, issues: parsed.issues };
}

const areaProperties = {
  slug: v.pipe(v.string(), v.regex(SLUG)),
  name: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(120)),
  areaKm2: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  label: v.optional(lngLatSchema),
};

const districtPropertiesSchema = v.object(areaProperties);
const neighbourhoodPropertiesSchema = v.object({
  ...areaProperties,
  code: v.optional(v.string()),
  district: v.pipe(v.string(), v.regex(SLUG)),
});

export interface Area {
  slug: string;
  name: string;
  areaKm2: number | undefined;
  label: LngLat | undefined;
  geometry: AreaGeometry;
  prepared: PreparedArea;
}

export interface Neighbourhood extends Area {
  district: string;
}

/** The GeoJSON envelope every data file must have, or the file is unusable as a whole. */
export function featureCollectionOf(file: DataFileName, raw: unknown): unknown[] {
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'FeatureCollection') {
    throw new DataFileError({ file, code: 'wrong-type' });
  }
  const features = (raw as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new DataFileError({ file, code: 'wrong-type' });
  if (features.length === 0) throw new DataFileError({ file, code: 'empty' });
  return features;
}

/** A readable name for a feature in a problem report: its id or slug when it has one, else `#index`. */
export function featureLabel(feature: unknown, index: number, key: 'id' | 'slug'): string {
  const value = (feature as { properties?: Record<string, unknown> } | null)?.properties?.[key];
  return typeof value === 'string' && /^[\w-]{1,80}$/.test(value) ? value : `#${index}`;
}

export function issuePath(issues: readonly v.BaseIssue<unknown>[], prefix: string): string {
  const path = issues[0] ? v.getDotPath(issues[0]) : null;
  return path ? `${prefix}.${path}` : prefix;
}

interface AreaResult<T> {
  areas: T[];
  problems: FeatureProblem[];
}

function validateAreaCollection<T extends Area>(
  file: DataFileName,
  raw: unknown,
  propertiesSchema: v.GenericSchema<
    unknown,
    Omit<T, 'geometry' | 'prepared' | 'areaKm2' | 'label'> & Partial<Pick<T, 'areaKm2' | 'label'>>
  >,
): AreaResult<T> {
  const features = featureCollectionOf(file, raw);
  const areas: T[] = [];
  const problems: FeatureProblem[] = [];
  const seen = new Set<string>();
  features.forEach((feature, index) => {
    const label = featureLabel(feature, index, 'slug');
    const record = (feature ?? {}) as Partial<Feature>;
    const geometry = parseAreaGeometry(record.geometry);
    if (!geometry.success) {
      problems.push({ file, feature: label, field: issuePath(geometry.issues, 'geometry'), code: 'invalid-feature' });
      return;
    }
    const properties = v.safeParse(propertiesSchema, record.properties);
    if (!properties.success) {
      problems.push({ file, feature: label, field: issuePath(properties.issues, 'properties'), code: 'invalid-value' });
      return;
    }
    if (seen.has(properties.output.slug)) {
      problems.push({ file, feature: label, field: 'properties.slug', code: 'duplicate-id' });
      return;
    }
    seen.add(properties.output.slug);
    const area = {
      ...properties.output,
      areaKm2: properties.output.areaKm2,
      label: properties.output.label,
      geometry: geometry.output,
      prepared: prepareArea(geometry.output),
    } as T;
    areas.push(area);
  });
  if (areas.length === 0) throw new DataFileError({ file, code: 'empty' });
  return { areas, problems };
}

export function validateDistricts(raw: unknown): AreaResult<Area> {
  return validateAreaCollection<Area>('districts.geojson', raw, districtPropertiesSchema);
}

export function validateNeighbourhoods(raw: unknown): AreaResult<Neighbourhood> {
  return validateAreaCollection<Neighbourhood>('neighbourhoods.geojson', raw, neighbourhoodPropertiesSchema);
}

/** The city boundary: one (Multi)Polygon. Anything else makes the file unusable. */
export function validateBoundary(raw: unknown): PreparedArea {
  const file = 'city-boundary.geojson';
  const features = featureCollectionOf(file, raw);
  const geometry = parseAreaGeometry((features[0] as Partial<Feature> | undefined)?.geometry);
  if (!geometry.success) throw new DataFileError({ file, code: 'wrong-type' });
  return prepareArea(geometry.output);
}

/** The plain GeoJSON the map draws for a list of areas (only valid features, with their slug as key). */
export function areasToGeoJSON(
  areas: readonly Area[],
): FeatureCollection<AreaGeometry, { slug: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: areas.map((area) => ({
      type: 'Feature',
      properties: { slug: area.slug, name: area.name },
      geometry: area.geometry,
    })),
  };
}
