import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseLaunchOptions } from '@/config/launchOptions';
import type { LoadedData } from '@/data/loadData';
import { EMPTY_FILTERS } from '@/domain/filters';
import { CATEGORIES, SECTORS, STATUSES, type Hotspot } from '@/domain/hotspot';
import { TAG_LABELS } from '@/domain/tags';
import { FilterPanel } from '@/features/filters/FilterPanel';
import { translate, type MessageKey } from '@/i18n/messages';
import { FilteredViewProvider } from '@/state/FilteredView';
import { useAppStore } from '@/state/store';
import { storeWithRealData } from '../fixtures/unit/realStore';

let data: LoadedData;
let hotspots: Hotspot[];

const de = (key: MessageKey) => translate('de', key);
const state = () => useAppStore.getState();

function renderPanel() {
  render(
    <FilteredViewProvider>
      <FilterPanel />
    </FilteredViewProvider>,
  );
  return {
    categories: screen.getByRole('group', { name: 'Kategorie' }),
    statuses: screen.getByRole('group', { name: 'Status' }),
    sectors: screen.getByRole('group', { name: 'Getragen von' }),
    tags: screen.getByRole('group', { name: 'Schlagworte' }),
    district: screen.getByRole('combobox', { name: 'Stadtbezirk' }),
    neighbourhood: screen.getByRole('combobox', { name: 'Statistischer Bezirk' }),
    reset: screen.getByRole('button', { name: 'Alle Filter zurücksetzen' }),
  };
}

/** "label (count)", as each option reads. */
const withCount = (label: string, count: number) => `${label} (${count})`;
const count = (predicate: (hotspot: Hotspot) => boolean) => hotspots.filter(predicate).length;

beforeEach(async () => {
  data = await storeWithRealData();
  hotspots = data.hotspots!;
});

describe('FilterPanel', () => {
  it('shows every category as a checkbox with its count in the label', () => {
    const { categories } = renderPanel();
    const boxes = within(categories).getAllByRole('checkbox');
    expect(boxes).toHaveLength(CATEGORIES.length);
    for (const category of CATEGORIES) {
      const name = withCount(
        de(`category.${category}`),
        count((hotspot) => hotspot.category === category),
      );
      expect(within(categories).getByRole('checkbox', { name }), name).not.toBeChecked();
    }
  });

  it('shows counts for statuses, sectors and tags too', () => {
    const { statuses, sectors, tags } = renderPanel();
    for (const status of STATUSES) {
      within(statuses).getByRole('checkbox', {
        name: withCount(
          de(`status.${status}`),
          count((hotspot) => hotspot.status === status),
        ),
      });
    }
    for (const sector of SECTORS) {
      within(sectors).getByRole('checkbox', {
        name: withCount(
          de(`sector.${sector}`),
          count((hotspot) => hotspot.sector === sector),
        ),
      });
    }
    const used = new Set(hotspots.flatMap((hotspot) => hotspot.tags));
    expect(within(tags).getAllByRole('checkbox')).toHaveLength(used.size);
    within(tags).getByRole('checkbox', {
      name: withCount(
        TAG_LABELS['robotics']!.de,
        count((hotspot) => hotspot.tags.includes('robotics')),
      ),
    });
  });

  it('toggling a category updates the store and the other facets’ counts, but not its own', async () => {
    const user = userEvent.setup();
    const { categories, statuses, tags } = renderPanel();
    const scienceCount = count((hotspot) => hotspot.category === 'science');
    await user.click(within(categories).getByRole('checkbox', { name: withCount('Wissenschaft', scienceCount) }));

    expect(state().filters.categories).toEqual(['science']);
    expect(within(categories).getByRole('checkbox', { name: withCount('Wissenschaft', scienceCount) })).toBeChecked();
    // The other categories keep their full counts: they are alternatives, not narrowings.
    const cultureCount = count((hotspot) => hotspot.category === 'culture');
    expect(within(categories).getByRole('checkbox', { name: withCount('Kultur', cultureCount) })).not.toBeChecked();
    // Status and tag counts now count science places only.
    const existingScience = count((hotspot) => hotspot.category === 'science' && hotspot.status === 'existing');
    within(statuses).getByRole('checkbox', { name: withCount('Besteht', existingScience) });
    const researchScience = count((hotspot) => hotspot.category === 'science' && hotspot.tags.includes('research'));
    expect(researchScience).not.toBe(count((hotspot) => hotspot.tags.includes('research')));
    within(tags).getByRole('checkbox', { name: withCount('Forschung', researchScience) });
    // A badge tells how many filters are on.
    expect(screen.getByRole('heading', { name: /Filter/ })).toHaveTextContent('1 aktiv');
  });

  it('a second category widens the choice (OR), a status narrows it (AND)', async () => {
    const user = userEvent.setup();
    const { categories, statuses } = renderPanel();
    await user.click(within(categories).getByRole('checkbox', { name: /^Kultur / }));
    await user.click(within(categories).getByRole('checkbox', { name: /^Wissenschaft / }));
    // Canonical order, whatever the order of the clicks.
    expect(state().filters.categories).toEqual(['science', 'culture']);
    const planned = count(
      (hotspot) => ['science', 'culture'].includes(hotspot.category) && hotspot.status === 'planned',
    );
    await user.click(within(statuses).getByRole('checkbox', { name: withCount('Geplant (Vision)', planned) }));
    expect(state().filters.statuses).toEqual(['planned']);
    // The category counts now count planned places only.
    const plannedScience = count((hotspot) => hotspot.category === 'science' && hotspot.status === 'planned');
    within(categories).getByRole('checkbox', { name: withCount('Wissenschaft', plannedScience) });
  });

  it('unchecking a category removes it again', async () => {
    const user = userEvent.setup();
    const { categories } = renderPanel();
    const box = within(categories).getByRole('checkbox', { name: /^Stadtentwicklung / });
    await user.click(box);
    expect(state().filters.categories).toEqual(['urban']);
    await user.click(box);
    expect(state().filters.categories).toEqual([]);
  });

  it('the reset button is disabled while nothing is filtered', () => {
    const { reset } = renderPanel();
    expect(reset).toBeDisabled();
  });

  it('in an embed with locked facets, the reset button is disabled until something unlocked is set', async () => {
    const user = userEvent.setup();
    act(() => {
      state().setLaunch(parseLaunchOptions('?mode=embed&category=science&district=hombruch&lock=category,district'));
      // As the app starts: the URL's filters go in as they are, then the locked ones are fixed.
      useAppStore.setState({ filters: { ...EMPTY_FILTERS, categories: ['science'], district: 'hombruch' } });
      state().fixLockedFilters();
    });
    // Not renderPanel(): the locked facets' legends carry "(vom Partner festgelegt)".
    render(
      <FilteredViewProvider>
        <FilterPanel />
      </FilteredViewProvider>,
    );
    const reset = screen.getByRole('button', { name: 'Alle Filter zurücksetzen' });
    expect(reset).toBeDisabled();

    act(() => state().updateFilters({ query: 'labor' }));
    expect(reset).toBeEnabled();
    await user.click(reset);
    expect(state().filters).toEqual({ ...EMPTY_FILTERS, categories: ['science'], district: 'hombruch' });
    expect(reset).toBeDisabled();
  });

  it('after a reset, the focus is on the filters heading, not lost with the disabled button', async () => {
    const user = userEvent.setup();
    const { reset } = renderPanel();
    act(() => state().updateFilters({ query: 'phoenix' }));
    await user.click(reset);
    expect(reset).toBeDisabled();
    expect(screen.getByRole('heading', { name: 'Filter' })).toHaveFocus();
  });

  it('reads the active count as a separate phrase in the heading', () => {
    renderPanel();
    act(() => state().updateFilters({ categories: ['culture'], district: 'hoerde' }));
    expect(screen.getByRole('heading', { name: 'Filter, 2 aktiv' })).toBeInTheDocument();
  });

  it('the reset button is enabled by a search alone', () => {
    const { reset } = renderPanel();
    act(() => state().updateFilters({ query: 'phoenix' }));
    expect(reset).toBeEnabled();
  });

  it('the reset button clears every facet, the place and the search', async () => {
    const user = userEvent.setup();
    const { categories, district, reset } = renderPanel();
    await user.click(within(categories).getByRole('checkbox', { name: /^Kultur / }));
    await user.selectOptions(district, 'hoerde');
    act(() => state().updateFilters({ query: 'phoenix', tags: ['water'], statuses: ['existing'] }));
    expect(reset).toBeEnabled();

    await user.click(reset);
    expect(state().filters).toEqual(EMPTY_FILTERS);
    expect(reset).toBeDisabled();
    expect(
      within(categories)
        .getAllByRole('checkbox')
        .filter((box) => (box as HTMLInputElement).checked),
    ).toEqual([]);
    expect(district).toHaveValue('');
    // Counts are back to the whole city.
    within(categories).getByRole('checkbox', {
      name: withCount(
        'Kultur',
        count((hotspot) => hotspot.category === 'culture'),
      ),
    });
  });

  it('the district select lists every district with its count', () => {
    const { district } = renderPanel();
    const options = within(district).getAllByRole('option');
    expect(options[0]).toHaveTextContent('Alle Stadtbezirke');
    expect(options).toHaveLength(data.districts!.length + 1);
    for (const area of data.districts!) {
      const name = withCount(
        area.name,
        count((hotspot) => hotspot.district === area.slug),
      );
      expect(within(district).getByRole('option', { name })).toHaveValue(area.slug);
    }
  });

  it('the neighbourhood select groups neighbourhoods by district, each with its count', () => {
    const { neighbourhood } = renderPanel();
    const hoerde = within(neighbourhood).getByRole('group', { name: 'Hörde' });
    const inHoerde = data.neighbourhoods!.filter((area) => area.district === 'hoerde');
    expect(within(hoerde).getAllByRole('option')).toHaveLength(inHoerde.length);
    within(hoerde).getByRole('option', {
      name: withCount(
        'Hörde',
        count((hotspot) => hotspot.neighbourhood === 'hoerde'),
      ),
    });
    within(hoerde).getByRole('option', {
      name: withCount(
        'Syburg',
        count((hotspot) => hotspot.neighbourhood === 'syburg'),
      ),
    });
  });

  it('place counts follow the other filters', async () => {
    const user = userEvent.setup();
    const { categories, district } = renderPanel();
    await user.click(within(categories).getByRole('checkbox', { name: /^Stadtentwicklung / }));
    const urbanInHoerde = count((hotspot) => hotspot.category === 'urban' && hotspot.district === 'hoerde');
    expect(urbanInHoerde).toBeLessThan(count((hotspot) => hotspot.district === 'hoerde'));
    within(district).getByRole('option', { name: withCount('Hörde', urbanInHoerde) });
  });

  it('choosing a district narrows the category counts; choosing a neighbourhood then clears the district', async () => {
    const user = userEvent.setup();
    const { categories, district, neighbourhood } = renderPanel();
    await user.selectOptions(district, 'hoerde');
    expect(state().filters).toMatchObject({ district: 'hoerde', neighbourhood: null });
    const urbanInHoerde = count((hotspot) => hotspot.category === 'urban' && hotspot.district === 'hoerde');
    within(categories).getByRole('checkbox', { name: withCount('Stadtentwicklung', urbanInHoerde) });

    await user.selectOptions(neighbourhood, 'city');
    expect(state().filters).toMatchObject({ district: null, neighbourhood: 'city' });
    expect(district).toHaveValue('');
    expect(neighbourhood).toHaveValue('city');

    await user.selectOptions(district, 'eving');
    expect(state().filters).toMatchObject({ district: 'eving', neighbourhood: null });
    expect(neighbourhood).toHaveValue('');

    await user.selectOptions(district, '');
    expect(state().filters).toMatchObject({ district: null, neighbourhood: null });
  });

  it('opens the folded sections by itself when they hold an active filter', () => {
    act(() => state().updateFilters({ statuses: ['planned'], tags: ['water'] }));
    renderPanel();
    expect(screen.getByText('Status und Träger').closest('details')).toHaveAttribute('open');
    expect(screen.getByText(/^Schlagworte \(1\)$/).closest('details')).toHaveAttribute('open');
  });

  // Regression: with `open={active || undefined}` React removed `open` when the last filter inside
  // went, and a section the user had opened folded away under the pointer (and the focus).
  it.each([
    ['Status und Träger', /^Geplant \(Vision\)/],
    ['Schlagworte', /^Wasser /],
  ])('a section the user opened (%s) stays open when its last filter is unchecked', async (summaryText, option) => {
    const user = userEvent.setup();
    renderPanel();
    const summary = screen.getByText(summaryText, { selector: 'summary' });
    const details = summary.closest('details')!;
    await user.click(summary);
    expect(details).toHaveAttribute('open');
    const box = within(details).getByRole('checkbox', { name: option });
    await user.click(box);
    expect(box).toBeChecked();
    await user.click(box);
    expect(box).not.toBeChecked();
    expect(details).toHaveAttribute('open');
  });

  it('speaks English when the language is English', () => {
    useAppStore.setState({ language: 'en' });
    render(
      <FilteredViewProvider>
        <FilterPanel />
      </FilteredViewProvider>,
    );
    const categories = screen.getByRole('group', { name: 'Category' });
    within(categories).getByRole('checkbox', {
      name: withCount(
        'Science',
        count((hotspot) => hotspot.category === 'science'),
      ),
    });
    expect(screen.getByRole('button', { name: 'Reset all filters' })).toBeDisabled();
  });
});
