import { create, type StateCreator } from 'zustand';
import { EMPTY_DATA, loadData, type LoadedData } from '@/data/loadData';
import type { FetchLike } from '@/data/fetchJson';
import type { Language } from '@/i18n/language';

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

export type BasemapState = 'embedded' | 'loading' | 'online' | 'fallback';
export type MapStatus = 'loading' | 'ready' | 'unsupported' | 'failed';

export interface UiSlice {
  language: Language;
  aboutOpen: boolean;
  basemap: BasemapState;
  mapStatus: MapStatus;
  setLanguage: (language: Language) => void;
  setAboutOpen: (open: boolean) => void;
  setBasemap: (state: BasemapState) => void;
  setMapStatus: (status: MapStatus) => void;
}

export type AppState = DataSlice & SelectionSlice & UiSlice;
type Slice<T> = StateCreator<AppState, [], [], T>;

const createDataSlice: Slice<DataSlice> = (set, get) => ({
  data: EMPTY_DATA,
  loadStatus: 'idle',
  loadData: async (fetchImpl = (input, init) => fetch(input, init)) => {
    set({ loadStatus: 'loading' });
    const data = await loadData(fetchImpl, get().data);
    set({ data, loadStatus: 'ready' });
  },
});

const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selectedId: null,
  hoveredId: null,
  spotChoice: null,
  select: (id) => set({ selectedId: id, spotChoice: null }),
  hover: (id) => set({ hoveredId: id }),
  chooseAmong: (ids) => set({ spotChoice: ids && ids.length > 0 ? ids : null }),
});

const createUiSlice: Slice<UiSlice> = (set) => ({
  language: 'de',
  aboutOpen: false,
  basemap: 'embedded',
  mapStatus: 'loading',
  setLanguage: (language) => set({ language }),
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  setBasemap: (basemap) => set({ basemap }),
  setMapStatus: (mapStatus) => set({ mapStatus }),
});

export const useAppStore = create<AppState>()((...args) => ({
  ...createDataSlice(...args),
  ...createSelectionSlice(...args),
  ...createUiSlice(...args),
}));

/** The initial state, for resetting the store between tests. */
export const initialAppState = useAppStore.getState();
