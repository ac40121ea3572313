import type { FeatureCollection, Point } from 'geojson';
import type { Hotspot } from '@/domain/hotspot';
import { DATA_FILES, dataFileUrl, type DataFileKey } from './files';
import { fetchJson, type FetchLike } from './fetchJson';
import { DataFileError, type FeatureProblem, type FileProblem } from './problems';
import { validateBoundary, validateDistricts, validateNeighbourhoods, type Area, type Neighbourhood } from './areas';
import { yieldToMain } from '@/lib/yieldToMain';
import { hotspotsToGeoJSON, validateHotspotsInSlices, type HotspotFeatureProperties } from './hotspots';
import type { PreparedArea } from './geo';

/** Everything the app knows from its data files; each part is null while (or because) it is unusable. */
export interface LoadedData {
  boundary: PreparedArea | null;
  districts: Area[] | null;
  neighbourhoods: Neighbourhood[] | null;
  hotspots: Hotspot[] | null;
  hotspotGeoJSON: FeatureCollection<Point, HotspotFeatureProperties> | null;
  featureProblems: FeatureProblem[];
  fileProblems: FileProblem[];
}

export const EMPTY_DATA: LoadedData = {
  boundary: null,
  districts: null,
  neighbourhoods: null,
  hotspots: null,
  hotspotGeoJSON: null,
  featureProblems: [],
  fileProblems: [],
};

function asFileProblem(key: DataFileKey, error: unknown): FileProblem {
  if (error instanceof DataFileError) return error.problem;
  return { file: DATA_FILES[key], code: 'wrong-type' };
}

async function fetchAndValidate<T>(
  key: DataFileKey,
  fetchImpl: FetchLike,
  validate: (raw: unknown) => T,
): Promise<{ value: T } | { problem: FileProblem }> {
  try {
    return { value: validate(await fetchJson(DATA_FILES[key], dataFileUrl(DATA_FILES[key]), fetchImpl)) };
  } catch (error) {
    return { problem: asFileProblem(key, error) };
  }
}

/**
 * Loads the four data files in parallel and validates them. A file that cannot be used keeps the
 * previous good value (so a failed retry loses nothing) and is reported as a file problem.
 */
export async function loadData(fetchImpl: FetchLike, previous: LoadedData = EMPTY_DATA): Promise<LoadedData> {
  const [boundary, districts, neighbourhoods, rawHotspots] = await Promise.all([
    fetchAndValidate('boundary', fetchImpl, validateBoundary),
    fetchAndValidate('districts', fetchImpl, validateDistricts),
    fetchAndValidate('neighbourhoods', fetchImpl, validateNeighbourhoods),
    fetchAndValidate('hotspots', fetchImpl, (raw) => raw),
  ]);
  const fileProblems: FileProblem[] = [];
  const featureProblems: FeatureProblem[] = [];
  const pick = <T>(result: { value: T } | { problem: FileProblem }, fallback: T): T => {
    if ('value' in result) return result.value;
    fileProblems.push(result.problem);
    return fallback;
  };

  // Data kept from the previous load keeps its report of skipped features, so the alert stays honest.
  const previousProblems = (file: FeatureProblem['file']) =>
    previous.featureProblems.filter((problem) => problem.file === file);
  const boundaryArea = pick(boundary, previous.boundary);
  const districtResult = pick(
    districts,
    previous.districts ? { areas: previous.districts, problems: previousProblems('districts.geojson') } : null,
  );
  const neighbourhoodResult = pick(
    neighbourhoods,
    previous.neighbourhoods
      ? { areas: previous.neighbourhoods, problems: previousProblems('neighbourhoods.geojson') }
      : null,
  );
  featureProblems.push(...(districtResult?.problems ?? []), ...(neighbourhoodResult?.problems ?? []));

  let hotspots = previous.hotspots;
  let hotspotGeoJSON = previous.hotspotGeoJSON;
  const raw = pick<unknown>(rawHotspots, undefined);
  if ('value' in rawHotspots) {
    try {
      // In slices: at 100,000 places the validation alone held the main thread for ~0.65 s.
      const result = await validateHotspotsInSlices(
        raw,
        {
          boundary: boundaryArea,
          districts: districtResult?.areas ?? null,
          neighbourhoods: neighbourhoodResult?.areas ?? null,
        },
        yieldToMain,
      );
      hotspots = result.hotspots;
      hotspotGeoJSON = hotspotsToGeoJSON(result.hotspots);
      featureProblems.push(...result.problems);
    } catch (error) {
      fileProblems.push(asFileProblem('hotspots', error));
      featureProblems.push(...previousProblems('hotspots.geojson'));
    }
  } else {
    featureProblems.push(...previousProblems('hotspots.geojson'));
  }

  return {
    boundary: boundaryArea,
    districts: districtResult?.areas ?? null,
    neighbourhoods: neighbourhoodResult?.areas ?? null,
    hotspots,
    hotspotGeoJSON,
    featureProblems,
    fileProblems,
  };
}
