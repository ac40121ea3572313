import type { FilterSpecification } from 'maplibre-gl';

/** What the harness can ask of the floor page (scripts/bench/interactions.ts drives it). */
export interface FloorApi {
  /** Re-creates the clustered hotspot source with this filter, as the app does for a new filter. */
  setFilter: (filter: FilterSpecification | null) => void;
  /** Fits the camera to a bbox without animation (the app does the same under reduced motion). */
  fitBounds: (bbox: [number, number, number, number]) => void;
  /** Marks a hotspot selected (feature-state) and jumps to it at zoom 15 or closer. */
  select: (id: string | null, lngLat: [number, number] | null) => void;
}
