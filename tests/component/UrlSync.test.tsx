import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EMPTY_FILTERS } from '@/domain/filters';
import { SearchBox } from '@/features/filters/SearchBox';
import { FilteredViewProvider } from '@/state/FilteredView';
import { useAppStore } from '@/state/store';
import { useUrlSync } from '@/state/useUrlSync';
import { resetStore, storeWithRealData } from '../fixtures/unit/realStore';

const state = () => useAppStore.getState();
const params = () => new URLSearchParams(window.location.search);

function Sync() {
  useUrlSync();
  return null;
}

function renderSync() {
  return render(
    <FilteredViewProvider>
      <Sync />
      <SearchBox />
    </FilteredViewProvider>,
  );
}

/** Sets the address bar before the app starts, then watches what the app does to the history. */
function startAt(url: string) {
  window.history.replaceState(null, '', url);
  return {
    push: vi.spyOn(window.history, 'pushState'),
    replace: vi.spyOn(window.history, 'replaceState'),
  };
}

beforeEach(async () => {
  await storeWithRealData();
});

afterEach(() => {
  window.history.replaceState(null, '', '/');
  resetStore();
});

describe('useUrlSync: reading the URL at start', () => {
  const GARBAGE = '/?category=science,bogus&district=nowhere&q=%3Cscript%3E&hotspot=tzdo';

  it('applies what is valid to the store and drops the rest', () => {
    startAt(GARBAGE);
    renderSync();
    expect(state().filters).toEqual({ ...EMPTY_FILTERS, categories: ['science'], query: '<script>' });
    expect(state().selectedId).toBe('tzdo');
  });

  it('rewrites the URL in place (replace, not push) without the garbage', () => {
    const { push, replace } = startAt(GARBAGE);
    renderSync();
    expect(push).not.toHaveBeenCalled();
    expect(replace).toHaveBeenCalledTimes(1);
    expect(window.location.search).not.toMatch(/bogus|nowhere/);
    expect(params().get('category')).toBe('science');
    expect(params().get('q')).toBe('<script>');
    expect(params().get('hotspot')).toBe('tzdo');
    expect(params().has('district')).toBe(false);
    // Markup stays escaped in the address.
    expect(window.location.search).not.toContain('<');
  });

  it('keeps the path, foreign parameters and the #map= hash', () => {
    startAt('/embed/?mode=kiosk&category=culture,bogus#map=12/51.51/7.46');
    renderSync();
    expect(window.location.pathname).toBe('/embed/');
    expect(window.location.hash).toBe('#map=12/51.51/7.46');
    expect(params().get('mode')).toBe('kiosk');
    expect(params().get('category')).toBe('culture');
  });

  it('drops an unknown hotspot id and an unknown tag, and keeps a known neighbourhood', () => {
    startAt('/?hotspot=no-such-place&tag=water,no-such-tag&neighbourhood=city');
    renderSync();
    expect(state().selectedId).toBeNull();
    expect(state().filters).toMatchObject({ tags: ['water'], neighbourhood: 'city', district: null });
    expect(params().has('hotspot')).toBe(false);
    expect(params().get('tag')).toBe('water');
  });

  it('takes the language from ?lang=', () => {
    startAt('/?lang=en');
    renderSync();
    expect(state().language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('waits for the data before reading the URL', () => {
    resetStore();
    const { replace } = startAt('/?category=science&district=hoerde');
    renderSync();
    expect(replace).not.toHaveBeenCalled();
    expect(state().filters).toEqual(EMPTY_FILTERS);
  });
});

describe('useUrlSync: writing the URL', () => {
  it('a filter change pushes one history entry', () => {
    const { push, replace } = startAt('/?category=science');
    renderSync();
    replace.mockClear();
    act(() => state().updateFilters({ statuses: ['planned'] }));
    expect(push).toHaveBeenCalledTimes(1);
    expect(replace).not.toHaveBeenCalled();
    expect(params().get('status')).toBe('planned');
    expect(params().get('category')).toBe('science');
  });

  it('each filter change is its own entry; a place choice writes district=…', () => {
    const { push } = startAt('/');
    renderSync();
    act(() => state().updateFilters({ categories: ['science', 'culture'] }));
    act(() => state().updateFilters({ district: 'hoerde' }));
    expect(push).toHaveBeenCalledTimes(2);
    expect(window.location.search).toContain('category=science,culture');
    expect(params().get('district')).toBe('hoerde');
  });

  it('typing in the search box only replaces the current entry', async () => {
    const user = userEvent.setup();
    const { push, replace } = startAt('/?category=science');
    renderSync();
    replace.mockClear();
    await user.type(screen.getByRole('searchbox', { name: 'Suche' }), 'robo');
    expect(push).not.toHaveBeenCalled();
    expect(replace).toHaveBeenCalledTimes(4);
    expect(params().get('q')).toBe('robo');
    expect(state().filters.query).toBe('robo');
  });

  it('selecting a place pushes, and a reset removes the filter keys', () => {
    const { push } = startAt('/?category=science&q=robot');
    renderSync();
    act(() => state().select('tzdo'));
    expect(push).toHaveBeenCalledTimes(1);
    expect(params().get('hotspot')).toBe('tzdo');
    act(() => state().resetFilters());
    expect(push).toHaveBeenCalledTimes(2);
    expect(params().has('category')).toBe(false);
    expect(params().has('q')).toBe(false);
    expect(params().get('hotspot')).toBe('tzdo');
  });

  it('writes nothing when nothing changed', () => {
    const { push } = startAt('/?category=science');
    renderSync();
    act(() => state().updateFilters({ categories: ['science'] }));
    expect(push).not.toHaveBeenCalled();
  });
});

describe('useUrlSync: back and forward', () => {
  it('popstate applies the URL to the store, sanitised, without writing a new entry', () => {
    const { push, replace } = startAt('/?category=science');
    renderSync();
    replace.mockClear();
    // What the browser does on Back: the address changes, then popstate fires.
    window.history.replaceState(null, '', '/?category=culture,bogus&district=hoerde&hotspot=phoenix-see&q=see');
    replace.mockClear();
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    });
    expect(state().filters).toEqual({ ...EMPTY_FILTERS, categories: ['culture'], district: 'hoerde', query: 'see' });
    expect(state().selectedId).toBe('phoenix-see');
    expect(push).not.toHaveBeenCalled();
    expect(replace).not.toHaveBeenCalled();
  });

  it('history.back() after a filter change brings the previous filters back', async () => {
    startAt('/?category=science');
    renderSync();
    act(() => state().updateFilters({ categories: ['science', 'urban'], district: 'hoerde' }));
    expect(params().get('district')).toBe('hoerde');

    act(() => window.history.back());
    await waitFor(() => expect(state().filters.district).toBeNull());
    expect(state().filters.categories).toEqual(['science']);
    expect(params().get('category')).toBe('science');
  });
});
