import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initialAppState, useAppStore } from '@/state/store';
import { fakeFetch } from '../fixtures/unit/fakeFetch';

const state = () => useAppStore.getState();

beforeEach(() => {
  useAppStore.setState(initialAppState, true);
});

describe('initial state', () => {
  it('starts empty, idle, German and on the embedded basemap', () => {
    expect(state()).toMatchObject({
      selectedId: null,
      hoveredId: null,
      spotChoice: null,
      loadStatus: 'idle',
      language: 'de',
      aboutOpen: false,
      basemap: 'embedded',
      mapStatus: 'loading',
    });
    expect(state().data.hotspots).toBeNull();
  });
});

describe('selection slice', () => {
  it('select sets the id and clears a pending spot choice', () => {
    state().chooseAmong(['a', 'b']);
    state().select('a');
    expect(state().selectedId).toBe('a');
    expect(state().spotChoice).toBeNull();
  });

  it('selecting pulls a peeking phone sheet up, and never pushes it down', () => {
    state().setSheet('peek');
    state().select('a');
    expect(state().sheet).toBe('half');
    state().setSheet('full');
    state().select('b');
    expect(state().sheet).toBe('full');
    state().setSheet('peek');
    state().select(null);
    expect(state().sheet).toBe('peek');
  });

  it('select(null) clears the selection', () => {
    state().select('a');
    state().select(null);
    expect(state().selectedId).toBeNull();
  });

  it('hover sets and clears the hovered id without touching the selection', () => {
    state().select('a');
    state().hover('b');
    expect(state().hoveredId).toBe('b');
    expect(state().selectedId).toBe('a');
    state().hover(null);
    expect(state().hoveredId).toBeNull();
  });

  it('chooseAmong keeps a list of ids', () => {
    state().chooseAmong(['dortmunder-u', 'kiu-storylab']);
    expect(state().spotChoice).toEqual(['dortmunder-u', 'kiu-storylab']);
  });

  it('chooseAmong([]) and chooseAmong(null) clear the choice', () => {
    state().chooseAmong(['a', 'b']);
    state().chooseAmong([]);
    expect(state().spotChoice).toBeNull();
    state().chooseAmong(['a', 'b']);
    state().chooseAmong(null);
    expect(state().spotChoice).toBeNull();
  });
});

describe('ui slice', () => {
  it('sets language, about, basemap and map status', () => {
    state().setLanguage('en');
    state().setAboutOpen(true);
    state().setBasemap('fallback');
    state().setMapStatus('unsupported');
    expect(state()).toMatchObject({ language: 'en', aboutOpen: true, basemap: 'fallback', mapStatus: 'unsupported' });
  });
});

describe('filter slice', () => {
  it('updateFilters merges a patch', () => {
    state().updateFilters({ categories: ['science'] });
    state().updateFilters({ statuses: ['planned'] });
    expect(state().filters).toMatchObject({ categories: ['science'], statuses: ['planned'] });
  });

  it('a district and a neighbourhood exclude each other', () => {
    state().updateFilters({ neighbourhood: 'hoerde' });
    state().updateFilters({ district: 'eving' });
    expect(state().filters).toMatchObject({ district: 'eving', neighbourhood: null });
    state().updateFilters({ neighbourhood: 'city' });
    expect(state().filters).toMatchObject({ district: null, neighbourhood: 'city' });
  });

  it('resetFilters clears everything', () => {
    state().updateFilters({ categories: ['culture'], query: 'robot', district: 'hoerde' });
    state().resetFilters();
    expect(state().filters).toEqual(initialAppState.filters);
  });
});

describe('view slice', () => {
  it('a located user switches sorting to distance; losing the location switches it back', () => {
    state().setUserLocation([7.46, 51.51], 'located');
    expect(state()).toMatchObject({ userLocation: [7.46, 51.51], geolocation: 'located', sortBy: 'distance' });
    state().setUserLocation(null, 'denied');
    expect(state()).toMatchObject({ userLocation: null, geolocation: 'denied', sortBy: 'name' });
  });
});

describe('data slice', () => {
  it('loadData goes loading → ready and stores the validated data', async () => {
    const statuses: string[] = [];
    const unsubscribe = useAppStore.subscribe((current) => statuses.push(current.loadStatus));
    await state().loadData(fakeFetch());
    unsubscribe();
    expect(statuses[0]).toBe('loading');
    expect(state().loadStatus).toBe('ready');
    expect(state().data.hotspots).toHaveLength(51);
    expect(state().data.fileProblems).toEqual([]);
  });

  it('a failed reload keeps the last good hotspots and reports the file', async () => {
    await state().loadData(fakeFetch());
    const good = state().data.hotspots;
    await state().loadData(fakeFetch({ '/data/hotspots.geojson': { status: 500 } }));
    expect(state().data.hotspots).toBe(good);
    expect(state().data.fileProblems).toEqual([{ file: 'hotspots.geojson', code: 'http', status: 500 }]);
  });

  it('uses the global fetch by default', async () => {
    const fetch = fakeFetch();
    vi.stubGlobal('fetch', fetch);
    try {
      await state().loadData();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(state().data.hotspots).toHaveLength(51);
  });
});

describe('reset between tests', () => {
  it('setState(initialAppState, true) restores everything', () => {
    state().select('x');
    state().setLanguage('en');
    useAppStore.setState(initialAppState, true);
    expect(state().selectedId).toBeNull();
    expect(state().language).toBe('de');
    expect(typeof state().select).toBe('function');
  });
});

describe('filter and view slices: more cases', () => {
  it('clearing the district leaves a neighbourhood alone, and setFilters replaces everything', () => {
    state().updateFilters({ neighbourhood: 'city' });
    state().updateFilters({ district: null });
    expect(state().filters.neighbourhood).toBe('city');
    state().setFilters({ ...initialAppState.filters, tags: ['ai'] });
    expect(state().filters).toEqual({ ...initialAppState.filters, tags: ['ai'] });
  });

  it('updateFilters keeps the other facets and gives a new filters object', () => {
    state().updateFilters({ categories: ['science'], query: 'robot' });
    const before = state().filters;
    state().updateFilters({ statuses: ['existing'] });
    expect(state().filters).not.toBe(before);
    expect(state().filters).toMatchObject({ categories: ['science'], query: 'robot', statuses: ['existing'] });
  });

  it('a failed location keeps a sort by name, and never switches to distance', () => {
    state().setUserLocation(null, 'locating');
    expect(state()).toMatchObject({ geolocation: 'locating', sortBy: 'name', userLocation: null });
    state().setUserLocation(null, 'unavailable');
    expect(state()).toMatchObject({ geolocation: 'unavailable', sortBy: 'name' });
  });

  it('sets the view bounds, "only visible", the sort and the density view', () => {
    state().setViewBounds([7.4, 51.49, 7.5, 51.53]);
    state().setOnlyVisible(true);
    state().setSortBy('distance');
    state().setChoropleth(true);
    expect(state()).toMatchObject({
      viewBounds: [7.4, 51.49, 7.5, 51.53],
      onlyVisible: true,
      sortBy: 'distance',
      choropleth: true,
    });
  });

  it('starts with no filters, no view bounds, sorted by name and without a location', () => {
    expect(initialAppState).toMatchObject({
      filters: { categories: [], sectors: [], statuses: [], tags: [], district: null, neighbourhood: null, query: '' },
      viewBounds: null,
      onlyVisible: false,
      sortBy: 'name',
      userLocation: null,
      geolocation: 'idle',
      choropleth: false,
    });
  });
});
