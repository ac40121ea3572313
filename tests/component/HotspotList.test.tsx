import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LoadedData } from '@/data/loadData';
import { HotspotList } from '@/features/hotspots/HotspotList';
import { FilteredViewProvider } from '@/state/FilteredView';
import { useAppStore } from '@/state/store';
import { storeWithRealData } from '../fixtures/unit/realStore';

let data: LoadedData;

function renderList() {
  render(
    <FilteredViewProvider>
      <HotspotList />
    </FilteredViewProvider>,
  );
  const section = screen.getByRole('region', { name: 'Orte' });
  return { section, list: within(section).getByRole('list') };
}

const nameOf = (item: HTMLElement) => item.querySelector('.hotspot-list__name')?.textContent ?? '';

beforeEach(async () => {
  data = await storeWithRealData();
});

describe('HotspotList', () => {
  it('shows one list item per hotspot in a list', () => {
    const { list } = renderList();
    expect(list.tagName).toBe('UL');
    expect(within(list).getAllByRole('listitem')).toHaveLength(51);
    expect(within(list).getAllByRole('button')).toHaveLength(51);
  });

  it('sorts by name with the language’s collation', () => {
    const { list } = renderList();
    const names = within(list).getAllByRole('listitem').map(nameOf);
    const collator = new Intl.Collator('de', { sensitivity: 'base' });
    expect(names).toEqual([...names].sort(collator.compare));
    expect(names).toEqual(data.hotspots!.map((hotspot) => hotspot.name).sort(collator.compare));
    // Case and umlauts do not split the order: "adesso SE" is among the A's, not after Z.
    expect(names.indexOf('adesso SE')).toBeLessThan(names.indexOf('BINARIUM'));
  });

  it('shows the category and the area of each place', () => {
    const { list } = renderList();
    const phoenix = within(list).getByRole('button', { name: /Phoenix-See/ });
    expect(phoenix).toHaveTextContent('Stadtentwicklung');
    expect(phoenix).toHaveTextContent('Hörde');
  });

  it('a button opens the details (selects the place) and marks it current', async () => {
    const { list } = renderList();
    const button = within(list).getByRole('button', { name: /TechnologieZentrumDortmund/ });
    await userEvent.click(button);
    expect(useAppStore.getState().selectedId).toBe('tzdo');
    expect(button).toHaveAttribute('aria-current', 'true');
    expect(
      within(list)
        .getAllByRole('button')
        .filter((candidate) => candidate.hasAttribute('aria-current')),
    ).toHaveLength(1);
  });

  it('hover and focus highlight the place; leaving and blurring clear it', () => {
    const { list } = renderList();
    const button = within(list).getByRole('button', { name: /Dortmunder U/ });
    fireEvent.mouseEnter(button);
    expect(useAppStore.getState().hoveredId).toBe('dortmunder-u');
    fireEvent.mouseLeave(button);
    expect(useAppStore.getState().hoveredId).toBeNull();
    act(() => button.focus());
    expect(useAppStore.getState().hoveredId).toBe('dortmunder-u');
    act(() => button.blur());
    expect(useAppStore.getState().hoveredId).toBeNull();
  });

  it('says it is loading before the data is there', async () => {
    useAppStore.setState({ data: { ...data, hotspots: null, hotspotGeoJSON: null } });
    renderList();
    expect(screen.getByText('Orte werden geladen …')).toBeInTheDocument();
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('renders names as text', () => {
    const html = '<img src=x onerror=alert(1)>';
    const [first, ...rest] = data.hotspots!;
    useAppStore.setState({ data: { ...data, hotspots: [{ ...first!, name: html }, ...rest] } });
    renderList();
    expect(screen.getByRole('button', { name: new RegExp(html.replace(/[()]/g, '\\$&')) })).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
