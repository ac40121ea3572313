import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from '@/app/afterFirstPaint';

/** A stand-in for the browser's PerformanceObserver that the test feeds paint entries by hand. */
class FakePaintObserver {
  static supportedEntryTypes = ['paint', 'largest-contentful-paint'];
  static instances: FakePaintObserver[] = [];
  observed: PerformanceObserverInit | null = null;
  disconnected = false;
  constructor(private readonly callback: (entries: { getEntriesByName: (name: string) => unknown[] }) => void) {
    FakePaintObserver.instances.push(this);
  }
  observe(options: PerformanceObserverInit) {
    this.observed = options;
  }
  disconnect() {
    this.disconnected = true;
  }
  /** Delivers one paint entry, as the browser does once the frame is presented. */
  paint(name: 'first-paint' | 'first-contentful-paint') {
    this.callback({ getEntriesByName: (wanted) => (wanted === name ? [{ name }] : []) });
  }
}

function setVisibility(state: DocumentVisibilityState) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
}

describe('afterFirstPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakePaintObserver.instances = [];
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);
    setVisibility('visible');
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for the first contentful paint, not the first paint, and then runs the task once', () => {
    const task = vi.fn();
    afterFirstPaint(task, 1000);
    const [observer] = FakePaintObserver.instances;
    expect(observer?.observed).toEqual({ type: 'paint', buffered: true });

    observer?.paint('first-paint');
    expect(task).not.toHaveBeenCalled();
    observer?.paint('first-contentful-paint');
    expect(task).toHaveBeenCalledTimes(1);
    expect(observer?.disconnected).toBe(true);

    // The fallback timer still fires later; it must not start the app a second time.
    vi.advanceTimersByTime(2000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('starts after the fallback time when no contentful paint comes (an off-screen iframe)', () => {
    const task = vi.fn();
    afterFirstPaint(task, 1000);
    vi.advanceTimersByTime(999);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    FakePaintObserver.instances[0]?.paint('first-contentful-paint');
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('in a hidden tab, starts after the next frame without waiting for a paint', () => {
    setVisibility('hidden');
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const task = vi.fn();
    afterFirstPaint(task, 1000);
    expect(FakePaintObserver.instances).toHaveLength(0);
    expect(frames).toHaveLength(1);
    frames[0]?.(0);
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('without paint timing in the browser, starts after the next frame', () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const task = vi.fn();
    afterFirstPaint(task, 1000);
    frames[0]?.(0);
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
