import { act, render, screen } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { chunk, useChunk, type Chunk } from '@/lib/chunk';

interface FakeModule {
  greeting: string;
}

/** An importer whose every call waits for the test to settle it. */
function controlledImporter() {
  const calls: { resolve: (module: FakeModule) => void; reject: (error: Error) => void }[] = [];
  const importer = () =>
    new Promise<FakeModule>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { importer, calls };
}

function Show({ source }: { source: Chunk<FakeModule> }) {
  const { module, failed } = useChunk(source);
  if (module) return <p>{module.greeting}</p>;
  return <p>{failed ? 'failed' : 'loading'}</p>;
}

describe('chunk', () => {
  it('imports once, however often it is asked', async () => {
    const { importer, calls } = controlledImporter();
    const source = chunk(importer);
    const first = source.load();
    const second = source.load();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ greeting: 'hallo' });
    await expect(first).resolves.toEqual({ greeting: 'hallo' });
    await expect(second).resolves.toEqual({ greeting: 'hallo' });
    expect(source.current).toEqual({ greeting: 'hallo' });
    await source.load();
    expect(calls).toHaveLength(1);
  });

  it('imports again after a failure', async () => {
    const { importer, calls } = controlledImporter();
    const source = chunk(importer);
    const failing = source.load();
    calls[0]!.reject(new Error('offline'));
    await expect(failing).rejects.toThrow('offline');
    expect(source.current).toBeNull();
    const retry = source.load();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ greeting: 'wieder da' });
    await expect(retry).resolves.toEqual({ greeting: 'wieder da' });
  });
});

describe('useChunk', () => {
  it('shows a placeholder until the code is here, then the component', async () => {
    const { importer, calls } = controlledImporter();
    const source = chunk(importer);
    render(<Show source={source} />);
    expect(screen.getByText('loading')).toBeInTheDocument();
    await act(async () => calls[0]!.resolve({ greeting: 'hallo' }));
    expect(screen.getByText('hallo')).toBeInTheDocument();
  });

  it('renders the component at once when the code is already here', async () => {
    const { importer, calls } = controlledImporter();
    const source = chunk(importer);
    const loaded = source.load();
    calls[0]!.resolve({ greeting: 'schon da' });
    await loaded;
    render(<Show source={source} />);
    expect(screen.getByText('schon da')).toBeInTheDocument();
  });

  it('shows code that arrives between its render and its effect', async () => {
    // In the browser: the import resolves after the component rendered, before React runs its effects.
    // Staged with a chunk whose module appears in a layout effect (those run after the render, before
    // the effects). Without an update from the effect the placeholder would stay for good (it did, in
    // a first version).
    const module: FakeModule = { greeting: 'gerade angekommen' };
    let arrived = false;
    const arriving: Chunk<FakeModule> = {
      get current() {
        return arrived ? module : null;
      },
      load: () => Promise.resolve(module),
    };
    function Arrive() {
      useLayoutEffect(() => {
        arrived = true;
      }, []);
      return null;
    }
    render(
      <>
        <Show source={arriving} />
        <Arrive />
      </>,
    );
    expect(await screen.findByText('gerade angekommen')).toBeInTheDocument();
  });

  it('reports a failed load, and a new mount tries again', async () => {
    const { importer, calls } = controlledImporter();
    const source = chunk(importer);
    const { unmount } = render(<Show source={source} />);
    await act(async () => calls[0]!.reject(new Error('offline')));
    expect(screen.getByText('failed')).toBeInTheDocument();
    unmount();
    render(<Show source={source} />);
    expect(calls).toHaveLength(2);
    await act(async () => calls[1]!.resolve({ greeting: 'wieder da' }));
    expect(screen.getByText('wieder da')).toBeInTheDocument();
  });
});
