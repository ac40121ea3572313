import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EMPTY_DATA, type LoadedData } from '@/data/loadData';
import type { FeatureProblem, FileProblem } from '@/data/problems';
import { DataAlerts } from '@/features/problems/DataAlerts';
import { useAppStore } from '@/state/store';
import { resetStore } from '../fixtures/unit/realStore';

function withProblems(fileProblems: FileProblem[], featureProblems: FeatureProblem[] = []): void {
  const data: LoadedData = { ...EMPTY_DATA, fileProblems, featureProblems };
  useAppStore.setState({ data, loadStatus: 'ready' });
}

const insecureLink: FeatureProblem = {
  file: 'hotspots.geojson',
  feature: 'tzdo',
  field: 'properties.website',
  code: 'insecure-link',
};

beforeEach(() => {
  resetStore();
});

describe('DataAlerts', () => {
  it('renders nothing when there are no problems', () => {
    const { container } = render(<DataAlerts />);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('names file, feature id and field of a skipped feature in an alert', () => {
    withProblems([], [insecureLink]);
    render(<DataAlerts />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Probleme mit den Daten');
    expect(alert).toHaveTextContent('1 Einträge wurden übersprungen');
    expect(
      within(alert).getByText('hotspots.geojson, Eintrag tzdo: Link ist nicht https (properties.website).'),
    ).toBeInTheDocument();
    // Feature problems alone offer no retry: the file itself loaded.
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });

  it('speaks the current language', () => {
    withProblems([], [insecureLink]);
    useAppStore.getState().setLanguage('en');
    render(<DataAlerts />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'hotspots.geojson, entry tzdo: link is not https (properties.website).',
    );
  });

  it('lists at most 8 skipped features and summarises the rest', () => {
    const problems = Array.from({ length: 11 }, (_, index): FeatureProblem => ({
      file: 'hotspots.geojson',
      feature: `#${index}`,
      field: 'type',
      code: 'invalid-feature',
    }));
    withProblems([], problems);
    render(<DataAlerts />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('11 Einträge wurden übersprungen');
    const items = within(alert).getAllByRole('listitem');
    expect(items).toHaveLength(9);
    expect(items.at(-1)).toHaveTextContent('…');
    expect(alert).toHaveTextContent('Eintrag #7:');
    expect(alert).not.toHaveTextContent('Eintrag #8:');
  });

  it('describes a file problem and offers a retry that calls loadData', async () => {
    const loadData = vi.fn(async () => {});
    useAppStore.setState({ loadData });
    withProblems([{ file: 'hotspots.geojson', code: 'http', status: 500 }]);
    render(<DataAlerts />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('hotspots.geojson konnte nicht geladen werden (HTTP 500).');
    await userEvent.click(within(alert).getByRole('button', { name: 'Erneut laden' }));
    expect(loadData).toHaveBeenCalledTimes(1);
  });

  it('lists each failing file', () => {
    withProblems([
      { file: 'hotspots.geojson', code: 'network' },
      { file: 'districts.geojson', code: 'not-json' },
    ]);
    render(<DataAlerts />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('hotspots.geojson konnte nicht geladen werden (keine Verbindung).');
    expect(alert).toHaveTextContent('districts.geojson ist keine gültige JSON-Datei.');
  });

  it('disables the retry button while loading', () => {
    withProblems([{ file: 'hotspots.geojson', code: 'network' }]);
    useAppStore.setState({ loadStatus: 'loading' });
    render(<DataAlerts />);
    expect(screen.getByRole('button', { name: 'Wird geladen …' })).toBeDisabled();
  });

  it('disappears when a retry fixes the data', () => {
    withProblems([{ file: 'hotspots.geojson', code: 'network' }]);
    render(<DataAlerts />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    act(() => withProblems([]));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('renders text from data as text, never as markup', () => {
    const html = '<img src=x onerror=alert(1)>';
    withProblems([], [{ file: 'hotspots.geojson', feature: html, field: html, code: 'invalid-value' }]);
    const { container } = render(<DataAlerts />);
    expect(screen.getByRole('alert')).toHaveTextContent(`Eintrag ${html}: ungültiger Wert in ${html}.`);
    expect(container.querySelector('img')).toBeNull();
  });
});
