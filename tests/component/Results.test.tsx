import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { inBBox, type BBox, type LngLat } from '@/data/geo';
import type { LoadedData } from '@/data/loadData';
import type { Hotspot } from '@/domain/hotspot';
import { buildSearchKeys, matchRank, queryMatcher, queryTerms } from '@/domain/search';
import { FilterPanel } from '@/features/filters/FilterPanel';
import { SearchBox } from '@/features/filters/SearchBox';
import { HotspotList } from '@/features/hotspots/HotspotList';
import { FilteredViewProvider } from '@/state/FilteredView';
import { distanceMetres } from '@/state/listRows';
import { useAppStore } from '@/state/store';
import { searchContextFor } from '../fixtures/unit/realData';
import { storeWithRealData } from '../fixtures/unit/realStore';

let data: LoadedData;
let hotspots: Hotspot[];

const state = () => useAppStore.getState();
const collator = new Intl.Collator('de', { sensitivity: 'base' });
const byName = (a: Hotspot, b: Hotspot) => collator.compare(a.name, b.name);

function renderResults() {
  render(
    <FilteredViewProvider>
      <SearchBox />
      <FilterPanel />
      <HotspotList />
    </FilteredViewProvider>,
  );
  const section = screen.getByRole('region', { name: 'Orte' });
  const liveRegion = section.querySelector<HTMLElement>('[aria-live="polite"]');
  if (!liveRegion) throw new Error('no live region');
  return {
    section,
    list: within(section).getByRole('list'),
    liveRegion,
    search: screen.getByRole('searchbox', { name: 'Suche' }),
    nearMe: within(section).getByRole('button', { name: 'In meiner Nähe' }),
    sort: within(section).getByRole('combobox', { name: 'Sortieren nach' }),
    onlyVisible: within(section).getByRole('checkbox', { name: 'Nur Orte im Kartenausschnitt' }),
  };
}

const items = (list: HTMLElement) => within(list).queryAllByRole('listitem');
const nameOf = (item: HTMLElement) => item.querySelector('.hotspot-list__name')?.textContent ?? '';
const namesIn = (list: HTMLElement) => items(list).map(nameOf);
const countText = (n: number) => (n === 0 ? 'Keine Orte' : n === 1 ? '1 Ort' : `${n} Orte`);

/** The search the app runs, over the real data, for a query typed so far: best match first, then by name. */
function searchFor(query: string): Hotspot[] {
  const keys = buildSearchKeys(hotspots, searchContextFor(data.districts, data.neighbourhoods));
  const rank = (hotspot: Hotspot) => matchRank(keys.get(hotspot.id)!, queryTerms(query));
  return hotspots.filter(queryMatcher(query, keys)).sort((a, b) => rank(b) - rank(a) || byName(a, b));
}

// ---- A stand-in for the browser's geolocation, installed on navigator only for the tests that need it.

const PERMISSION_DENIED = 1;
const POSITION_UNAVAILABLE = 2;

function positionError(code: number): GeolocationPositionError {
  return { code, message: 'stub', PERMISSION_DENIED, POSITION_UNAVAILABLE, TIMEOUT: 3 } as GeolocationPositionError;
}

function installGeolocation(answer: { at: LngLat } | { error: number }) {
  const getCurrentPosition = vi.fn<Geolocation['getCurrentPosition']>((success, failure) => {
    if ('at' in answer) {
      const [longitude, latitude] = answer.at;
      success({ coords: { longitude, latitude, accuracy: 20 }, timestamp: Date.now() } as GeolocationPosition);
    } else {
      failure?.(positionError(answer.error));
    }
  });
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition, watchPosition: vi.fn(), clearWatch: vi.fn() },
  });
  return getCurrentPosition;
}

beforeEach(async () => {
  data = await storeWithRealData();
  hotspots = data.hotspots!;
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'geolocation');
});

describe('the list follows the filters', () => {
  it('starts with every place as a list item, sorted by name, and announces the count', () => {
    const { list, liveRegion } = renderResults();
    expect(list.tagName).toBe('UL');
    expect(items(list)).toHaveLength(hotspots.length);
    expect(namesIn(list)).toEqual([...hotspots].sort(byName).map((hotspot) => hotspot.name));
    expect(liveRegion).toHaveAttribute('aria-live', 'polite');
    expect(liveRegion).toHaveTextContent(countText(hotspots.length));
  });

  it('after choosing a category, only matching places are items, and the live region says how many', async () => {
    const user = userEvent.setup();
    const { list, liveRegion } = renderResults();
    const science = hotspots.filter((hotspot) => hotspot.category === 'science').sort(byName);
    expect(science.length).toBeGreaterThan(1);
    await user.click(screen.getByRole('checkbox', { name: `Wissenschaft (${science.length})` }));
    expect(namesIn(list)).toEqual(science.map((hotspot) => hotspot.name));
    expect(liveRegion).toHaveTextContent(countText(science.length));
    expect(liveRegion).not.toHaveTextContent(countText(hotspots.length));
  });

  it('the count changes after every change: category, then district, then reset', async () => {
    const user = userEvent.setup();
    const { list, liveRegion } = renderResults();
    await user.click(screen.getByRole('checkbox', { name: /^Stadtentwicklung / }));
    const urban = hotspots.filter((hotspot) => hotspot.category === 'urban');
    expect(liveRegion).toHaveTextContent(countText(urban.length));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Stadtbezirk' }), 'hoerde');
    const urbanInHoerde = urban.filter((hotspot) => hotspot.district === 'hoerde');
    expect(urbanInHoerde.length).toBeLessThan(urban.length);
    expect(liveRegion).toHaveTextContent(countText(urbanInHoerde.length));
    expect(items(list)).toHaveLength(urbanInHoerde.length);

    await user.click(screen.getByRole('button', { name: 'Alle Filter zurücksetzen' }));
    expect(liveRegion).toHaveTextContent(countText(hotspots.length));
    expect(items(list)).toHaveLength(hotspots.length);
  });

  it('says "1 Ort" for a single place', () => {
    const { list, liveRegion } = renderResults();
    const [one] = hotspots.filter((hotspot) => hotspot.district === 'aplerbeck');
    act(() => state().updateFilters({ district: 'aplerbeck' }));
    expect(liveRegion).toHaveTextContent(/^1 Ort$/);
    expect(namesIn(list)).toEqual([one!.name]);
  });

  it('shows "Keine Orte" and explains it when nothing matches', () => {
    const { list, liveRegion, section } = renderResults();
    act(() => state().updateFilters({ query: 'xylophonquartett' }));
    expect(liveRegion).toHaveTextContent(/^Keine Orte$/);
    expect(items(list)).toHaveLength(0);
    expect(within(section).getByText('Keine Orte passen zu diesen Filtern.')).toBeInTheDocument();
  });

  it('the search box filters the list on every keystroke, the best matches first', async () => {
    const user = userEvent.setup();
    const { list, liveRegion, search } = renderResults();
    let typed = '';
    for (const char of 'hörde') {
      await user.type(search, char);
      typed += char;
      const expected = searchFor(typed);
      expect(search).toHaveValue(typed);
      expect(namesIn(list), typed).toEqual(expected.map((hotspot) => hotspot.name));
      expect(liveRegion, typed).toHaveTextContent(countText(expected.length));
    }
    // The end result holds every place in Hörde and far from all places.
    const found = namesIn(list);
    for (const hotspot of hotspots.filter((candidate) => candidate.district === 'hoerde'))
      expect(found).toContain(hotspot.name);
    expect(found.length).toBeLessThan(hotspots.length);
  });

  it('finds the place a resident names ahead of those that merely mention its words', async () => {
    const user = userEvent.setup();
    const { list, search } = renderResults();
    await user.type(search, 'TU Dortmund');
    expect(items(list).length).toBeGreaterThan(10);
    expect(namesIn(list)[0]).toBe('TU Dortmund');
    await user.clear(search);
    await user.type(search, 'zeche');
    // The four collieries by name first; places that mention a colliery only in their texts after them.
    const names = namesIn(list);
    expect(names.slice(0, 4)).toEqual([
      'Zeche Adolf von Hansemann',
      'Zeche Gneisenau',
      'Zeche Minister Stein',
      'Zeche Zollern',
    ]);
    expect(names).toEqual(searchFor('zeche').map((hotspot) => hotspot.name));
    await user.clear(search);
    await user.type(search, 'uni');
    // "uni" at the start of a word ("Universität", "university", "Unionviertel") before "uni" only inside one.
    const uni = namesIn(list);
    expect(uni[0]).toBe('Union Gewerbehof');
    expect(uni.slice(-2)).toEqual(['Deusenberg', 'Florianturm']);
    expect(uni.slice(1, -2)).toEqual(expect.arrayContaining(['TU Dortmund', 'Fachhochschule Dortmund']));
    expect(uni).toEqual(searchFor('uni').map((hotspot) => hotspot.name));
  });

  it('under the search field, a link says how many places it found and moves the focus to the list', async () => {
    const user = userEvent.setup();
    const { section, search } = renderResults();
    expect(screen.queryByRole('link', { name: /Treffer/ })).not.toBeInTheDocument();
    await user.type(search, 'phoenix');
    const found = searchFor('phoenix');
    expect(found.length).toBeGreaterThan(1);
    const link = screen.getByRole('link', { name: `${found.length} Treffer – zur Liste` });
    await user.click(link);
    expect(section).toHaveFocus();
    await user.clear(search);
    await user.type(search, 'zzzz');
    expect(screen.queryByRole('link', { name: /Treffer/ })).not.toBeInTheDocument();
    expect(screen.getByText('Keine Treffer')).toBeInTheDocument();
    await user.clear(search);
    expect(screen.queryByText(/Treffer/)).not.toBeInTheDocument();
  });

  it('the link to the results pulls a folded phone sheet up', async () => {
    const user = userEvent.setup();
    const { search } = renderResults();
    act(() => state().setSheet('peek'));
    await user.type(search, 'TU Dortmund');
    await user.click(screen.getByRole('link', { name: /Treffer – zur Liste$/ }));
    expect(state().sheet).toBe('half');
  });

  it('the sort order says so while a search ranks the list', async () => {
    const user = userEvent.setup();
    const { sort, search } = renderResults();
    const nameOption = () => within(sort).getByRole('option', { selected: true });
    expect(nameOption()).toHaveTextContent(/^Name$/);
    await user.type(search, 'see');
    expect(nameOption()).toHaveTextContent('Beste Treffer, dann Name');
    await user.type(search, ' –');
    expect(nameOption()).toHaveTextContent('Beste Treffer, dann Name');
    await user.click(screen.getByRole('button', { name: 'Suche leeren' }));
    expect(nameOption()).toHaveTextContent(/^Name$/);
  });

  it('clearing the search shows everything again, in name order', async () => {
    const user = userEvent.setup();
    const { list, search } = renderResults();
    await user.type(search, 'phoenix');
    expect(items(list).length).toBeLessThan(hotspots.length);
    await user.click(screen.getByRole('button', { name: 'Suche leeren' }));
    expect(search).toHaveValue('');
    expect(namesIn(list)).toEqual([...hotspots].sort(byName).map((hotspot) => hotspot.name));
  });
});

describe('near me', () => {
  // Next to the Phoenix-See in Hörde.
  const HERE: LngLat = [7.5, 51.488];

  it('asks for the position only when the button is pressed', async () => {
    const getCurrentPosition = installGeolocation({ at: HERE });
    const user = userEvent.setup();
    const { nearMe } = renderResults();
    expect(getCurrentPosition).not.toHaveBeenCalled();
    await user.click(nearMe);
    expect(getCurrentPosition).toHaveBeenCalledTimes(1);
  });

  it('once located, sorts by distance and shows each distance, nearest first', async () => {
    installGeolocation({ at: HERE });
    const user = userEvent.setup();
    const { list, nearMe, sort, section } = renderResults();
    expect(within(sort).getByRole('option', { name: 'Entfernung' })).toBeDisabled();
    await user.click(nearMe);

    expect(sort).toHaveValue('distance');
    expect(nearMe).toHaveAttribute('aria-pressed', 'true');
    expect(within(section).getByText('Nach Entfernung zu Ihrem Standort sortiert.')).toBeInTheDocument();
    const expected = [...hotspots]
      .map((hotspot) => ({ hotspot, distance: distanceMetres(HERE, hotspot.lngLat) }))
      .sort((a, b) => a.distance - b.distance || byName(a.hotspot, b.hotspot));
    expect(namesIn(list)).toEqual(expected.map((entry) => entry.hotspot.name));
    expect(namesIn(list)).not.toEqual([...hotspots].sort(byName).map((hotspot) => hotspot.name));
    for (const item of items(list)) expect(item).toHaveTextContent(/\d+(,\d)? (m|km) entfernt/);
    // The nearest place is a few hundred metres away, in metres.
    expect(items(list)[0]).toHaveTextContent(/\d+ m entfernt/);
  });

  it('switching back to sorting by name keeps the distances but orders by name', async () => {
    installGeolocation({ at: HERE });
    const user = userEvent.setup();
    const { list, nearMe, sort } = renderResults();
    await user.click(nearMe);
    await user.selectOptions(sort, 'name');
    expect(state().sortBy).toBe('name');
    expect(namesIn(list)).toEqual([...hotspots].sort(byName).map((hotspot) => hotspot.name));
    expect(items(list)[0]).toHaveTextContent(/entfernt/);
  });

  it('when permission is denied, explains it and keeps sorting by name', async () => {
    installGeolocation({ error: PERMISSION_DENIED });
    const user = userEvent.setup();
    const { list, nearMe, sort, section } = renderResults();
    await user.click(nearMe);

    expect(state().geolocation).toBe('denied');
    const status = within(section).getByText(/Ihr Standort ist nicht freigegeben/);
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveTextContent(
      'Erlauben Sie den Zugriff in den Browser-Einstellungen, oder wählen Sie einen Stadtbezirk.',
    );
    expect(sort).toHaveValue('name');
    expect(nearMe).toHaveAttribute('aria-pressed', 'false');
    expect(namesIn(list)).toEqual([...hotspots].sort(byName).map((hotspot) => hotspot.name));
    expect(list).not.toHaveTextContent('entfernt');
  });

  it('when the position cannot be found, says so', async () => {
    installGeolocation({ error: POSITION_UNAVAILABLE });
    const user = userEvent.setup();
    const { nearMe, section, sort } = renderResults();
    await user.click(nearMe);
    expect(
      within(section).getByText(
        'Ihr Standort konnte nicht ermittelt werden. Wählen Sie stattdessen einen Stadtbezirk.',
      ),
    ).toBeInTheDocument();
    expect(sort).toHaveValue('name');
  });

  it('without geolocation in the browser, says so', async () => {
    Reflect.deleteProperty(navigator, 'geolocation');
    const user = userEvent.setup();
    const { nearMe, section } = renderResults();
    await user.click(nearMe);
    expect(state().geolocation).toBe('unavailable');
    expect(within(section).getByText(/Ihr Standort konnte nicht ermittelt werden/)).toBeInTheDocument();
  });
});

describe('only what the map shows', () => {
  // Roughly the inner city around the Dortmunder U and the station.
  const VIEW: BBox = [7.44, 51.505, 7.48, 51.525];

  it('limits the list to the map’s view when ticked, and lifts the limit when unticked', async () => {
    const user = userEvent.setup();
    const { list, liveRegion, onlyVisible } = renderResults();
    act(() => state().setViewBounds(VIEW));
    // Bounds alone change nothing: the option is off.
    expect(items(list)).toHaveLength(hotspots.length);

    await user.click(onlyVisible);
    expect(state().onlyVisible).toBe(true);
    const inView = hotspots.filter((hotspot) => inBBox(hotspot.lngLat, VIEW)).sort(byName);
    expect(inView.length).toBeGreaterThan(0);
    expect(inView.length).toBeLessThan(hotspots.length);
    expect(namesIn(list)).toEqual(inView.map((hotspot) => hotspot.name));
    expect(liveRegion).toHaveTextContent(countText(inView.length));

    await user.click(onlyVisible);
    expect(items(list)).toHaveLength(hotspots.length);
  });

  it('follows the view as the map moves, and combines with the filters', async () => {
    const user = userEvent.setup();
    const { list, onlyVisible } = renderResults();
    act(() => state().setViewBounds(VIEW));
    await user.click(onlyVisible);
    const moved: BBox = [7.48, 51.47, 7.53, 51.5];
    act(() => state().setViewBounds(moved));
    const inMoved = hotspots.filter((hotspot) => inBBox(hotspot.lngLat, moved));
    expect(items(list)).toHaveLength(inMoved.length);

    await user.click(screen.getByRole('checkbox', { name: /^Stadtentwicklung / }));
    const urbanInMoved = inMoved.filter((hotspot) => hotspot.category === 'urban').sort(byName);
    expect(urbanInMoved.length).toBeLessThan(inMoved.length);
    expect(namesIn(list)).toEqual(urbanInMoved.map((hotspot) => hotspot.name));
  });

  it('the search link counts what the list shows, and an empty list says the view hides the matches', async () => {
    const user = userEvent.setup();
    const { list, search, onlyVisible } = renderResults();
    act(() => state().setViewBounds(VIEW));
    await user.type(search, 'dortmund');
    const found = searchFor('dortmund');
    const foundInView = found.filter((hotspot) => inBBox(hotspot.lngLat, VIEW));
    expect(foundInView.length).toBeGreaterThan(1);
    expect(foundInView.length).toBeLessThan(found.length);
    // Unticked, the view does not matter.
    expect(screen.getByRole('link', { name: `${found.length} Treffer – zur Liste` })).toBeInTheDocument();

    await user.click(onlyVisible);
    expect(
      screen.getByRole('link', {
        name: `${found.length} Treffer, davon ${foundInView.length} im Kartenausschnitt – zur Liste`,
      }),
    ).toBeInTheDocument();
    expect(items(list)).toHaveLength(foundInView.length);

    // The collieries all lie outside the inner city.
    await user.clear(search);
    await user.type(search, 'zeche');
    const collieries = searchFor('zeche');
    expect(collieries.length).toBeGreaterThan(1);
    expect(collieries.some((hotspot) => inBBox(hotspot.lngLat, VIEW))).toBe(false);
    expect(
      screen.getByRole('link', { name: `${collieries.length} Treffer, keiner im Kartenausschnitt – zur Liste` }),
    ).toBeInTheDocument();
    expect(items(list)).toHaveLength(0);
    expect(screen.getByText(/^Im Kartenausschnitt liegt keiner der passenden Orte\./)).toBeInTheDocument();
    expect(screen.queryByText('Keine Orte passen zu diesen Filtern.')).not.toBeInTheDocument();

    const zollern = collieries.filter((hotspot) => hotspot.name === 'Zeche Zollern');
    expect(zollern).toHaveLength(1);
    await user.clear(search);
    await user.type(search, 'Zeche Zollern');
    expect(searchFor('Zeche Zollern')).toEqual(zollern);
    expect(screen.getByRole('link', { name: '1 Treffer, nicht im Kartenausschnitt – zur Liste' })).toBeInTheDocument();

    // Once the map shows it, the link and the list agree again.
    const [lon, lat] = zollern[0]!.lngLat;
    act(() => state().setViewBounds([lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01]));
    expect(screen.getByRole('link', { name: '1 Treffer – zur Liste' })).toBeInTheDocument();
    expect(namesIn(list)).toEqual(['Zeche Zollern']);

    // A search that finds nothing at all keeps its own message.
    await user.clear(search);
    await user.type(search, 'zzzz');
    expect(screen.getByText('Keine Orte passen zu diesen Filtern.')).toBeInTheDocument();
  });

  it('shows everything while the map has not reported a view yet', async () => {
    const user = userEvent.setup();
    const { list, onlyVisible } = renderResults();
    await user.click(onlyVisible);
    expect(items(list)).toHaveLength(hotspots.length);
  });
});
