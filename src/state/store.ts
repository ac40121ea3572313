import { create, type StateCreator } from 'zustand';
import { fetchOrEarly } from '@/data/earlyRequests';
import { EMPTY_DATA, loadData, type LoadedData } from '@/data/loadData';
import type { FetchLike } from '@/data/fetchJson';
import type { Language } from '@/i18n/language';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';
import { applyLocks } from '@/domain/locks';
import type { LaunchOptions } from '@/config/launchOptions';
import type { BBox, LngLat } from '@/data/geo';

export type LoadStatus = 'idle' | 'loading' | 'ready';

export interface DataSlice {
  data: LoadedData;
  loadStatus: LoadStatus;
  loadData: (fetchImpl?: FetchLike) => Promise<void>;
}

export interface SelectionSlice {
  selectedId: string | null;
  hoveredId: string | null;
  /** Hotspot ids that share one spot on the map and wait for the user to pick one. */
  spotChoice: readonly string[] | null;
  select: (id: string | null) => void;
  hover: (id: string | null) => void;
  chooseAmong: (ids: readonly string[] | null) => void;
}

/** How far the phone's bottom sheet is pulled up. Desktop ignores it. */
export type SheetState = 'peek' | 'half' | 'full';

export type BasemapState = 'embedded' | 'loading' | 'online' | 'fallback';
export type MapStatus = 'loading' | 'ready' | 'unsupported' | 'failed';

export interface UiSlice {
  language: Language;
  aboutOpen: boolean;
  embedOpen: boolean;
  setEmbedOpen: (open: boolean) => void;
  basemap: BasemapState;
  mapStatus: MapStatus;
  sheet: SheetState;
  setSheet: (sheet: SheetState) => void;
  /** Whether the list panel is shown beside the map (an embed can fold it away). */
  listOpen: boolean;
  setListOpen: (open: boolean) => void;
  setLanguage: (language: Language) => void;
  setAboutOpen: (open: boolean) => void;
  setBasemap: (state: BasemapState) => void;
  setMapStatus: (status: MapStatus) => void;
}

export interface FilterSlice {
  filters: Filters;
  /** The values of locked facets (embed `&lock=`), fixed when the URL was first read. */
  fixedFilters: Filters;
  launch: LaunchOptions;
  setLaunch: (launch: LaunchOptions) => void;
  /** Fixes the current values of the locked facets; called once the URL has been read. */
  fixLockedFilters: () => void;
  setFilters: (filters: Filters) => void;
  updateFilters: (patch: Partial<Filters>) => void;
  resetFilters: () => void;
}

export type GeolocationStatus = 'idle' | 'locating' | 'located' | 'denied' | 'unavailable';

/** A camera move asked for from outside the map (a partner's flyTo, a reset); the map carries it out. */
export interface CameraRequest {
  center: [number, number] | null;
  zoom: number | null;
  /** Changes with every request, so asking twice for the same place still moves the map. */
  nonce: number;
}

export interface ViewSlice {
  cameraRequest: CameraRequest | null;
  /** Asks the map to move; null center means "home" (the whole city, or the kiosk's home view). */
  requestCamera: (center: [number, number] | null, zoom: number | null) => void;
  /** The map's visible extent, for "only what the map shows". */
  viewBounds: BBox | null;
  onlyVisible: boolean;
  sortBy: 'name' | 'distance';
  userLocation: LngLat | null;
  geolocation: GeolocationStatus;
  choropleth: boolean;
  setViewBounds: (bounds: BBox | null) => void;
  setOnlyVisible: (on: boolean) => void;
  setSortBy: (sortBy: 'name' | 'distance') => void;
  setUserLocation: (location: LngLat | null, status: GeolocationStatus) => void;
  setChoropleth: (on: boolean) => void;
}

export type AppState = DataSlice & SelectionSlice & UiSlice & FilterSlice & ViewSlice;
type Slice<T> = StateCreator<AppState, [], [], T>;

const createDataSlice: Slice<DataSlice> = (set, get) => ({
  data: EMPTY_DATA,
  loadStatus: 'idle',
  loadData: async (fetchImpl = fetchOrEarly) => {
    set({ loadStatus: 'loading' });
    const data = await loadData(fetchImpl, get().data);
    set({ data, loadStatus: 'ready' });
  },
});

const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selectedId: null,
  hoveredId: null,
  spotChoice: null,
  select: (id) =>
    set((state) => ({
      selectedId: id,
      spotChoice: null,
      // On a phone, opening details pulls the sheet up far enough to read them; in an embed whose list
      // is folded away, the list opens, since the details live there.
      sheet: id && state.sheet === 'peek' ? 'half' : state.sheet,
      listOpen: id && state.launch.mode === 'embed' ? true : state.listOpen,
    })),
  hover: (id) => set({ hoveredId: id }),
  chooseAmong: (ids) => set({ spotChoice: ids && ids.length > 0 ? ids : null }),
});

const createUiSlice: Slice<UiSlice> = (set) => ({
  language: 'de',
  aboutOpen: false,
  embedOpen: false,
  setEmbedOpen: (embedOpen) => set({ embedOpen }),
  basemap: 'embedded',
  mapStatus: 'loading',
  sheet: 'peek',
  setSheet: (sheet) => set({ sheet }),
  listOpen: true,
  setListOpen: (listOpen) => set({ listOpen }),
  setLanguage: (language) => set({ language }),
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  setBasemap: (basemap) => set({ basemap }),
  setMapStatus: (mapStatus) => set({ mapStatus }),
});

const createFilterSlice: Slice<FilterSlice> = (set) => ({
  filters: EMPTY_FILTERS,
  fixedFilters: EMPTY_FILTERS,
  launch: { mode: 'browse', theme: 'light', locked: [], language: null },
  setLaunch: (launch) => set({ launch }),
  fixLockedFilters: () => set((state) => ({ fixedFilters: state.filters })),
  // Every change goes through applyLocks, so no path (UI, URL, partner message) can move a locked facet.
  setFilters: (filters) => set((state) => ({ filters: applyLocks(filters, state.fixedFilters, state.launch.locked) })),
  updateFilters: (patch) =>
    set((state) => {
      const next = { ...state.filters, ...patch };
      // A district and a neighbourhood are one "place" choice: choosing one clears the other.
      if (patch.district) next.neighbourhood = null;
      if (patch.neighbourhood) next.district = null;
      return { filters: applyLocks(next, state.fixedFilters, state.launch.locked) };
    }),
  resetFilters: () => set((state) => ({ filters: applyLocks(EMPTY_FILTERS, state.fixedFilters, state.launch.locked) })),
});

const createViewSlice: Slice<ViewSlice> = (set) => ({
  cameraRequest: null,
  requestCamera: (center, zoom) =>
    set((state) => ({ cameraRequest: { center, zoom, nonce: (state.cameraRequest?.nonce ?? 0) + 1 } })),
  viewBounds: null,
  onlyVisible: false,
  sortBy: 'name',
  userLocation: null,
  geolocation: 'idle',
  choropleth: false,
  setViewBounds: (viewBounds) => set({ viewBounds }),
  setOnlyVisible: (onlyVisible) => set({ onlyVisible }),
  setSortBy: (sortBy) => set({ sortBy }),
  setUserLocation: (userLocation, geolocation) =>
    set((state) => ({
      userLocation,
      geolocation,
      sortBy: userLocation ? 'distance' : state.sortBy === 'distance' ? 'name' : state.sortBy,
    })),
  setChoropleth: (choropleth) => set({ choropleth }),
});

export const useAppStore = create<AppState>()((...args) => ({
  ...createFilterSlice(...args),
  ...createViewSlice(...args),
  ...createDataSlice(...args),
  ...createSelectionSlice(...args),
  ...createUiSlice(...args),
}));

/** The initial state, for resetting the store between tests. */
export const initialAppState = useAppStore.getState();
