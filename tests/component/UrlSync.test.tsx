import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EMPTY_FILTERS } from '@/domain/filters';
import { SearchBox } from '@/features/filters/SearchBox';
import { FilteredViewProvider } from '@/state/FilteredView';
import { useAppStore } from '@/state/store';
import { urlWritesDone, useUrlSync } from '@/state/useUrlSync';
import { resetStore, storeWithRealData } from '../fixtures/unit/realStore';

const state = () => useAppStore.getState();
const params = () => new URLSearchParams(window.location.search);
/** Input-driven URL writes wait for a task of their own (see useUrlSync); this waits for them. */
const written = () => act(() => urlWritesDone());

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

afterEach(async () => {
  act(() => resetStore());
  // A write the reset queued must not land in the next test's history.
  await written();
  window.history.replaceState(null, '', '/');
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
  it('a filter change pushes one history entry', async () => {
    const { push, replace } = startAt('/?category=science');
    renderSync();
    replace.mockClear();
    act(() => state().updateFilters({ statuses: ['planned'] }));
    await written();
    expect(push).toHaveBeenCalledTimes(1);
    expect(replace).not.toHaveBeenCalled();
    expect(params().get('status')).toBe('planned');
    expect(params().get('category')).toBe('science');
  });

  it('each filter change is its own entry; a place choice writes district=…', async () => {
    const { push } = startAt('/');
    renderSync();
    // Both in one task: each still becomes its own entry, in order.
    act(() => state().updateFilters({ categories: ['science', 'culture'] }));
    act(() => state().updateFilters({ district: 'hoerde' }));
    await written();
    expect(push).toHaveBeenCalledTimes(2);
    expect(push.mock.calls[0]?.[2]).toBe('/?category=science,culture');
    expect(window.location.search).toContain('category=science,culture');
    expect(params().get('district')).toBe('hoerde');
  });

  it('typing in the search box only replaces the current entry', async () => {
    const user = userEvent.setup();
    const { push, replace } = startAt('/?category=science');
    renderSync();
    replace.mockClear();
    await user.type(screen.getByRole('searchbox', { name: 'Suche' }), 'robo');
    await written();
    expect(push).not.toHaveBeenCalled();
    expect(replace).toHaveBeenCalledTimes(4);
    expect(params().get('q')).toBe('robo');
    expect(state().filters.query).toBe('robo');
  });

  it('selecting a place pushes, and a reset removes the filter keys', async () => {
    const { push } = startAt('/?category=science&q=robot');
    renderSync();
    act(() => state().select('tzdo'));
    await written();
    expect(push).toHaveBeenCalledTimes(1);
    expect(params().get('hotspot')).toBe('tzdo');
    act(() => state().resetFilters());
    await written();
    expect(push).toHaveBeenCalledTimes(2);
    expect(params().has('category')).toBe(false);
    expect(params().has('q')).toBe(false);
    expect(params().get('hotspot')).toBe('tzdo');
  });

  it("writes after the input's task, with the camera hash MapLibre has set by then", async () => {
    const { push } = startAt('/#map=11/51.5/7.45');
    renderSync();
    act(() => state().select('tzdo'));
    expect(push).not.toHaveBeenCalled();
    window.history.replaceState(null, '', '/#map=15/51.49/7.51');
    await written();
    expect(push).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#map=15/51.49/7.51');
    expect(params().get('hotspot')).toBe('tzdo');
  });

  it('writes nothing when nothing changed', async () => {
    const { push } = startAt('/?category=science');
    renderSync();
    act(() => state().updateFilters({ categories: ['science'] }));
    await written();
    expect(push).not.toHaveBeenCalled();
  });
});

describe('useUrlSync: back and forward', () => {
  it('popstate applies the URL to the store, sanitised, without writing a new entry', async () => {
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
    await written();
    expect(push).not.toHaveBeenCalled();
    expect(replace).not.toHaveBeenCalled();
  });

  it('a Back that comes before a queued write wins over it', async () => {
    const { push } = startAt('/?category=science');
    renderSync();
    act(() => state().select('tzdo'));
    window.history.replaceState(null, '', '/?district=hoerde');
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    });
    await written();
    expect(push).not.toHaveBeenCalled();
    expect(window.location.search).toBe('?district=hoerde');
    expect(state().selectedId).toBeNull();
    expect(state().filters.district).toBe('hoerde');
  });

  it('history.back() after a filter change brings the previous filters back', async () => {
    startAt('/?category=science');
    renderSync();
    act(() => state().updateFilters({ categories: ['science', 'urban'], district: 'hoerde' }));
    await written();
    expect(params().get('district')).toBe('hoerde');

    act(() => window.history.back());
    await waitFor(() => expect(state().filters.district).toBeNull());
    expect(state().filters.categories).toEqual(['science']);
    expect(params().get('category')).toBe('science');
  });
});
