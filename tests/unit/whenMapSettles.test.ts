import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenMapSettles } from '@/app/whenMapSettles';
import { useAppStore } from '@/state/store';
import { resetStore } from '../fixtures/unit/realStore';

const DEADLINE_MS = 10_000;

describe('whenMapSettles', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    resetStore();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits while the map loads and runs once when it is ready', () => {
    const task = vi.fn();
    whenMapSettles(useAppStore, task, DEADLINE_MS);
    useAppStore.getState().setLanguage('en');
    vi.advanceTimersByTime(DEADLINE_MS - 1);
    expect(task).not.toHaveBeenCalled();

    useAppStore.getState().setMapStatus('ready');
    expect(task).toHaveBeenCalledTimes(1);

    // Later changes (a lost context, a restart, the deadline) do not run it again.
    useAppStore.getState().setMapStatus('loading');
    useAppStore.getState().setMapStatus('failed');
    vi.advanceTimersByTime(DEADLINE_MS);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it.each(['failed', 'unsupported'] as const)('runs when the map is %s', (status) => {
    const task = vi.fn();
    whenMapSettles(useAppStore, task, DEADLINE_MS);
    useAppStore.getState().setMapStatus(status);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs at once when the map has settled already', () => {
    useAppStore.getState().setMapStatus('unsupported');
    const task = vi.fn();
    whenMapSettles(useAppStore, task, DEADLINE_MS);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(DEADLINE_MS);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs at the deadline when the map never settles', () => {
    const task = vi.fn();
    whenMapSettles(useAppStore, task, DEADLINE_MS);
    vi.advanceTimersByTime(DEADLINE_MS);
    expect(task).toHaveBeenCalledTimes(1);
    useAppStore.getState().setMapStatus('ready');
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled', () => {
    const task = vi.fn();
    const cancel = whenMapSettles(useAppStore, task, DEADLINE_MS);
    cancel();
    useAppStore.getState().setMapStatus('ready');
    vi.advanceTimersByTime(DEADLINE_MS);
    expect(task).not.toHaveBeenCalled();
  });
});
