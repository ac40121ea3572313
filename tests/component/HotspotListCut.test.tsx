import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { HotspotList } from '@/features/hotspots/HotspotList';
import { FilteredViewProvider } from '@/state/FilteredView';
import { useAppStore } from '@/state/store';
import { storeWithRealData } from '../fixtures/unit/realStore';

// The virtualiser's code cannot be loaded (a failed chunk request).
vi.mock('@/features/hotspots/VirtualHotspotItems', () => {
  throw new Error('chunk request failed');
});

describe('HotspotList when the virtualiser cannot be loaded', () => {
  it('lists the first 300 places plainly and says the list is cut', async () => {
    const data = await storeWithRealData();
    const base = data.hotspots ?? [];
    // 408 places: more than the 300 the list renders whole.
    const hotspots = Array.from({ length: 8 }, (_, copy) =>
      base.map((hotspot) => ({ ...hotspot, id: `${hotspot.id}-${copy}` })),
    ).flat();
    useAppStore.setState({ data: { ...data, hotspots } });
    render(
      <FilteredViewProvider>
        <HotspotList />
      </FilteredViewProvider>,
    );
    const section = screen.getByRole('region', { name: 'Orte' });
    expect(
      await within(section).findByText(
        'Die ersten 300 von 408 Orten. Der Rest lässt sich gerade nicht anzeigen; bitte laden Sie die Seite neu.',
      ),
    ).toBeInTheDocument();
    expect(within(section).getAllByRole('listitem')).toHaveLength(300);
  });
});
