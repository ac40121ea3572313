/**
 * What the interaction runs do to a data set, worked out once in Node with the app's own code, so the
 * floor can be asked for exactly the same map change: the ids a text search finds (the app's search
 * keys and matcher), the hotspot the app's list shows at a given position (sorted by name like the
 * list), and the district's bounding box.
 */
import { readFile } from 'node:fs/promises';
import type { FilterSpecification } from 'maplibre-gl';
import { validateHotspots } from '../../src/data/hotspots.ts';
import { buildSearchKeys, queryMatcher } from '../../src/domain/search.ts';
import { facetLabelsInEveryLanguage } from '../../src/i18n/facetLabels.ts';
import { readAreas } from '../dataFiles.ts';

export const SEARCH_QUERY = 'Robotik';
export const CATEGORY = { value: 'science', label: 'Wissenschaft' } as const;
export const DISTRICT = 'innenstadt-nord';
/** The list item (0-based, list sorted by name) that the select interaction clicks. */
export const LIST_INDEX = 2;

export interface InteractionPlan {
  categoryFilter: FilterSpecification;
  searchFilter: FilterSpecification;
  searchMatches: number;
  districtFilter: FilterSpecification;
  districtBBox: [number, number, number, number];
  select: { id: string; name: string; lngLat: [number, number] };
  /** The first places of the category-filtered list, which the memory cycles open in turn. */
  cycleSelections: Array<{ id: string; lngLat: [number, number] }>;
}

/** How many different places the memory cycles open (list items 1 to N of the filtered list). */
export const CYCLE_PLACES = 5;

export async function planFor(hotspotsFile: string): Promise<InteractionPlan> {
  const areas = await readAreas();
  const raw = JSON.parse(await readFile(hotspotsFile, 'utf8')) as unknown;
  const { hotspots } = validateHotspots(raw, {
    boundary: areas.boundary,
    districts: areas.districts.areas,
    neighbourhoods: areas.neighbourhoods.areas,
  });
  const names = (list: ReadonlyArray<{ slug: string; name: string }>) => {
    const map = new Map(list.map((area) => [area.slug, area.name]));
    return (slug: string | null) => (slug ? (map.get(slug) ?? null) : null);
  };
  const keys = buildSearchKeys(hotspots, {
    districtName: names(areas.districts.areas),
    neighbourhoodName: names(areas.neighbourhoods.areas),
    facetLabels: facetLabelsInEveryLanguage(),
  });
  const matcher = queryMatcher(SEARCH_QUERY, keys);
  const ids = [...new Set(hotspots.filter(matcher).map((hotspot) => hotspot.id))];
  const collator = new Intl.Collator('de', { sensitivity: 'base' });
  const sorted = [...hotspots].sort((a, b) => collator.compare(a.name, b.name));
  const chosen = sorted[Math.min(LIST_INDEX, sorted.length - 1)];
  const district = areas.districts.areas.find((area) => area.slug === DISTRICT);
  if (!chosen || !district) throw new Error('the data set has no hotspots or no such district');
  const [west, south, east, north] = district.prepared.bbox;
  return {
    categoryFilter: ['in', ['get', 'category'], ['literal', [CATEGORY.value]]],
    searchFilter:
      ids.length === 0 ? (false as unknown as FilterSpecification) : ['match', ['get', 'id'], ids, true, false],
    searchMatches: ids.length,
    districtFilter: ['==', ['get', 'district'], DISTRICT],
    districtBBox: [west, south, east, north],
    select: { id: chosen.id, name: chosen.name, lngLat: [chosen.lngLat[0], chosen.lngLat[1]] },
    cycleSelections: sorted
      .filter((hotspot) => hotspot.category === CATEGORY.value)
      .slice(0, CYCLE_PLACES)
      .map((hotspot) => ({ id: hotspot.id, lngLat: [hotspot.lngLat[0], hotspot.lngLat[1]] })),
  };
}
