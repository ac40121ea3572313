import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLaunchOptions } from '@/config/launchOptions';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LoadedData } from '@/data/loadData';
import { summariseArea } from '@/domain/areaSummary';
import { CATEGORIES, type Category, type Hotspot } from '@/domain/hotspot';
import { AreaPanel } from '@/features/areas/AreaPanel';
import { translate } from '@/i18n/messages';
import type { Language } from '@/i18n/language';
import { FilteredViewProvider } from '@/state/FilteredView';
import { useAppStore } from '@/state/store';
import { storeWithRealData } from '../fixtures/unit/realStore';

// The real summary, watched: without a chosen area it must not run at all (see the test below).
vi.mock('@/domain/areaSummary', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/domain/areaSummary')>();
  return { ...actual, summariseArea: vi.fn(actual.summariseArea) };
});

let data: LoadedData;
let hotspots: Hotspot[];

const state = () => useAppStore.getState();

function renderPanel() {
  return render(
    <FilteredViewProvider>
      <AreaPanel />
    </FilteredViewProvider>,
  );
}

/** Places per category in canonical order, and the top one (first in canonical order on a tie), from the data. */
function expectedSummary(places: readonly Hotspot[]) {
  const byCategory = CATEGORIES.map((category) => ({
    category,
    count: places.filter((hotspot) => hotspot.category === category).length,
  })).filter((entry) => entry.count > 0);
  const max = Math.max(...byCategory.map((entry) => entry.count));
  const top = byCategory.find((entry) => entry.count === max)!;
  const leaders = byCategory.filter((entry) => entry.count === max).map((entry) => entry.category);
  return { byCategory, top, leaders };
}

/** "N Orte, davon M Kategorie" (every leading category on a tie: "…, davon 2 Wissenschaft und 2 Kultur"). */
function contextOf(places: readonly Hotspot[], language: Language = 'de'): string {
  const { top, leaders } = expectedSummary(places);
  if (places.length === 1)
    return language === 'de' ? `1 Ort: ${label(top.category)}` : `1 place: ${label(top.category, 'en')}`;
  const parts = leaders.map((category, index) =>
    language === 'en' && index === 0
      ? `${top.count} of them ${label(category, 'en')}`
      : `${top.count} ${label(category, language)}`,
  );
  const joined = new Intl.ListFormat(language, { type: 'conjunction' }).format(parts);
  return language === 'de' ? `${places.length} Orte, davon ${joined}` : `${places.length} places, ${joined}`;
}

const label = (category: Category, language: Language = 'de') => translate(language, `category.${category}`);

beforeEach(async () => {
  data = await storeWithRealData();
  hotspots = data.hotspots!;
});

describe('AreaPanel', () => {
  it('renders nothing while no place is chosen', () => {
    const { container } = renderPanel();
    expect(container).toBeEmptyDOMElement();
  });

  it('summarises nothing while no place is chosen, however the filters change', () => {
    renderPanel();
    act(() => state().updateFilters({ query: 'Labor' }));
    act(() => state().updateFilters({ query: 'Lab', statuses: ['existing'] }));
    expect(summariseArea).not.toHaveBeenCalled();

    act(() => state().updateFilters({ district: 'hoerde' }));
    expect(summariseArea).toHaveBeenCalled();
    expect(screen.getByRole('region', { name: 'Hörde' })).toBeInTheDocument();
  });

  it('with district=hoerde shows the name, the context line and the places by category', () => {
    act(() => state().updateFilters({ district: 'hoerde' }));
    renderPanel();
    const panel = screen.getByRole('region', { name: 'Hörde' });
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent(/^Hörde$/);
    expect(panel).toHaveTextContent('Stadtbezirk · Grenzen angenähert');

    const inHoerde = hotspots.filter((hotspot) => hotspot.district === 'hoerde');
    const { byCategory } = expectedSummary(inHoerde);
    expect(inHoerde.length).toBeGreaterThan(1);
    expect(within(panel).getByText(contextOf(inHoerde))).toBeInTheDocument();

    const list = within(panel).getByRole('list', { name: 'Orte nach Kategorie' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(byCategory.map(({ category, count }) => `${label(category)}: ${count}`));
  });

  it('names every leading category when two tie, on a real district', () => {
    const tied = data.districts!.find((area) => {
      const inArea = hotspots.filter((hotspot) => hotspot.district === area.slug);
      return inArea.length > 1 && expectedSummary(inArea).leaders.length > 1;
    });
    expect(tied, 'a district where two categories tie for the most places').toBeDefined();
    act(() => state().updateFilters({ district: tied!.slug }));
    renderPanel();
    const inArea = hotspots.filter((hotspot) => hotspot.district === tied!.slug);
    const line = contextOf(inArea);
    for (const category of expectedSummary(inArea).leaders) expect(line).toContain(label(category));
    expect(screen.getByText(line)).toBeInTheDocument();
  });

  it('the context line and categories follow the other filters', () => {
    const inHoerde = hotspots.filter((hotspot) => hotspot.district === 'hoerde');
    const { byCategory } = expectedSummary(inHoerde);
    const chosen = byCategory[0]!;
    act(() => state().updateFilters({ district: 'hoerde', categories: [chosen.category] }));
    renderPanel();
    const panel = screen.getByRole('region', { name: 'Hörde' });
    const expected =
      chosen.count === 1
        ? `1 Ort: ${label(chosen.category)}`
        : `${chosen.count} Orte, davon ${chosen.count} ${label(chosen.category)}`;
    expect(within(panel).getByText(expected)).toBeInTheDocument();
    expect(within(panel).getAllByRole('listitem')).toHaveLength(1);
  });

  it('says when filters hide every place of the area', () => {
    const absent = CATEGORIES.find(
      (category) => !hotspots.some((hotspot) => hotspot.district === 'hoerde' && hotspot.category === category),
    );
    expect(absent, 'a category with no place in Hörde').toBeDefined();
    act(() => state().updateFilters({ district: 'hoerde', categories: [absent!] }));
    renderPanel();
    expect(screen.getByText('Keine Orte passen zu diesen Filtern.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('uses the singular for a district with one place', () => {
    const counts = new Map<string, Hotspot[]>();
    for (const hotspot of hotspots) counts.set(hotspot.district!, [...(counts.get(hotspot.district!) ?? []), hotspot]);
    const single = [...counts].find(([, places]) => places.length === 1);
    expect(single, 'a district with exactly one place').toBeDefined();
    const [slug, [place]] = single! as [string, [Hotspot]];
    act(() => state().updateFilters({ district: slug }));
    renderPanel();
    expect(screen.getByText(`1 Ort: ${label(place.category)}`)).toBeInTheDocument();
  });

  it('shows a neighbourhood with its district', () => {
    act(() => state().updateFilters({ neighbourhood: 'city' }));
    renderPanel();
    const panel = screen.getByRole('region', { name: 'City' });
    expect(panel).toHaveTextContent('Statistischer Bezirk in Innenstadt-West');
    const inCity = hotspots.filter((hotspot) => hotspot.neighbourhood === 'city');
    expect(within(panel).getByText(contextOf(inCity))).toBeInTheDocument();
  });

  it('says so for a neighbourhood without any place', () => {
    const used = new Set(hotspots.map((hotspot) => hotspot.neighbourhood));
    const empty = data.neighbourhoods!.find((area) => !used.has(area.slug));
    expect(empty, 'a neighbourhood without places').toBeDefined();
    act(() => state().updateFilters({ neighbourhood: empty!.slug }));
    renderPanel();
    expect(screen.getByRole('heading', { name: empty!.name })).toBeInTheDocument();
    expect(screen.getByText('Hier sind noch keine Orte eingetragen.')).toBeInTheDocument();
  });

  it('renders nothing for a district the data does not know', () => {
    act(() => state().setFilters({ ...state().filters, district: 'nowhere' }));
    const { container } = renderPanel();
    expect(container).toBeEmptyDOMElement();
  });

  it('"Ganz Dortmund zeigen" clears the place, keeps the other filters and closes the panel', async () => {
    const user = userEvent.setup();
    act(() => state().updateFilters({ district: 'hoerde', statuses: ['existing'] }));
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'Ganz Dortmund zeigen' }));
    expect(state().filters).toMatchObject({ district: null, neighbourhood: null, statuses: ['existing'] });
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('"Ganz Dortmund zeigen" clears a neighbourhood too', async () => {
    const user = userEvent.setup();
    act(() => state().updateFilters({ neighbourhood: 'city' }));
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'Ganz Dortmund zeigen' }));
    expect(state().filters).toMatchObject({ district: null, neighbourhood: null });
  });

  it('has no "Ganz Dortmund zeigen" in an embed whose place is locked (it could not change anything)', () => {
    act(() => {
      state().setLaunch(parseLaunchOptions('?mode=embed&district=hoerde&lock=district'));
      // As the app starts: the URL's filters go in as they are, then the locked ones are fixed.
      useAppStore.setState({ filters: { ...state().filters, district: 'hoerde' } });
      state().fixLockedFilters();
    });
    renderPanel();
    expect(screen.getByRole('heading', { name: 'Hörde' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ganz Dortmund zeigen' })).not.toBeInTheDocument();
  });

  it('speaks English', () => {
    act(() => {
      state().setLanguage('en');
      state().updateFilters({ district: 'hoerde' });
    });
    renderPanel();
    const inHoerde = hotspots.filter((hotspot) => hotspot.district === 'hoerde');
    expect(screen.getByText(contextOf(inHoerde, 'en'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show all of Dortmund' })).toBeInTheDocument();
  });
});
