import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Hotspot } from '@/domain/hotspot';
import { HotspotDetails } from '@/features/hotspots/HotspotDetails';
import { useAppStore } from '@/state/store';
import { makeHotspot } from '../fixtures/unit/hotspot';
import { storeWithRealData } from '../fixtures/unit/realStore';

const place = makeHotspot({
  id: 'test-place',
  name: 'Werkstatt am See',
  category: 'culture',
  sector: 'civic',
  status: 'planned',
  district: 'hoerde',
  neighbourhood: 'hoerde',
  summary: { de: 'Ein Ort zum Ausprobieren.', en: 'A place to try things out.' },
  tags: ['robotics', 'not-in-vocabulary'],
  website: 'https://example.org/werkstatt',
  since: 2021,
});

/** The value shown next to a label in the facts list (<dt>label</dt><dd>value</dd>). */
function fact(label: string): string | null {
  const term = screen.getByText(label, { selector: 'dt' });
  const value = term.nextElementSibling;
  expect(value?.tagName).toBe('DD');
  return value?.textContent ?? null;
}

function spyOnSelect() {
  const select = vi.fn<(id: string | null) => void>();
  useAppStore.setState({ select });
  return select;
}

beforeEach(async () => {
  await storeWithRealData();
});

describe('HotspotDetails', () => {
  it('shows the name as a heading and moves focus to it', () => {
    render(<HotspotDetails hotspot={place} />);
    const heading = screen.getByRole('heading', { level: 2, name: 'Werkstatt am See' });
    expect(heading).toHaveFocus();
  });

  it('shows translated labels, area names and the German summary', () => {
    render(<HotspotDetails hotspot={place} />);
    expect(screen.getByText('Ein Ort zum Ausprobieren.')).toHaveAttribute('lang', 'de');
    expect(fact('Kategorie')).toBe('Kultur');
    expect(fact('Status')).toBe('Geplant (Vision)');
    expect(fact('Getragen von')).toBe('Zivilgesellschaft');
    expect(fact('Stadtbezirk')).toBe('Hörde');
    expect(fact('Statistischer Bezirk')).toBe('Hörde');
    expect(fact('Adresse')).toBe(place.address);
    expect(fact('Seit')).toBe('2021');
    // A known tag is translated; one outside the vocabulary is shown by its slug.
    expect(fact('Schlagworte')).toBe('Robotik, not-in-vocabulary');
  });

  it('switches to English: summary and labels', () => {
    render(<HotspotDetails hotspot={place} />);
    act(() => useAppStore.getState().setLanguage('en'));
    expect(screen.getByText('A place to try things out.')).toHaveAttribute('lang', 'en');
    expect(screen.queryByText('Ein Ort zum Ausprobieren.')).not.toBeInTheDocument();
    expect(fact('Category')).toBe('Culture');
    expect(fact('Status')).toBe('Planned (vision)');
    expect(fact('Driven by')).toBe('Civil society');
    expect(fact('District')).toBe('Hörde');
  });

  it('says "unknown" for a district the data does not know', () => {
    render(<HotspotDetails hotspot={{ ...place, district: null, neighbourhood: 'atlantis' }} />);
    expect(fact('Stadtbezirk')).toBe('nicht bekannt');
    expect(fact('Statistischer Bezirk')).toBe('nicht bekannt');
  });

  it('links the website in a new tab with rel=noopener', () => {
    render(<HotspotDetails hotspot={place} />);
    const link = screen.getByRole('link', { name: /example\.org/ });
    expect(link).toHaveAttribute('href', 'https://example.org/werkstatt');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')?.split(/\s+/)).toContain('noopener');
    expect(link).toHaveTextContent('(öffnet in neuem Tab)');
  });

  it.each(['javascript:alert(1)', 'http://example.org/', 'data:text/html,hi', 'https://user:pw@example.org/'])(
    'renders no link for the unsafe website %s',
    (website) => {
      const unsafe: Hotspot = { ...place, website };
      const { container } = render(<HotspotDetails hotspot={unsafe} />);
      expect(screen.queryByRole('link')).not.toBeInTheDocument();
      expect(container.querySelector('a')).toBeNull();
    },
  );

  it('renders no link without a website', () => {
    const withoutWebsite: Hotspot = { ...place };
    delete withoutWebsite.website;
    render(<HotspotDetails hotspot={withoutWebsite} />);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('renders a name with HTML as text', () => {
    const html = '<img src=x onerror=alert(1)>';
    const { container } = render(<HotspotDetails hotspot={{ ...place, name: html, address: html }} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(html);
    expect(container.querySelector('img')).toBeNull();
  });

  it('the close button calls select(null)', async () => {
    const select = spyOnSelect();
    render(<HotspotDetails hotspot={place} />);
    await userEvent.click(screen.getByRole('button', { name: 'Details schließen' }));
    expect(select).toHaveBeenCalledWith(null);
  });

  it('Escape calls select(null)', () => {
    const select = spyOnSelect();
    render(<HotspotDetails hotspot={place} />);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(select).toHaveBeenCalledWith(null);
  });

  it('ignores other keys, and an Escape something else already handled', () => {
    const select = spyOnSelect();
    render(<HotspotDetails hotspot={place} />);
    fireEvent.keyDown(window, { key: 'Enter' });
    const handled = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
    handled.preventDefault();
    window.dispatchEvent(handled);
    expect(select).not.toHaveBeenCalled();
  });

  it('closing really clears the selection in the store', async () => {
    useAppStore.getState().select('phoenix-see');
    render(<HotspotDetails hotspot={place} />);
    await userEvent.click(screen.getByRole('button', { name: 'Details schließen' }));
    expect(useAppStore.getState().selectedId).toBeNull();
  });
});
