import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppStore } from '@/state/store';
import { initialIdleState, stepIdle, type IdleState, type IdleTimings } from './idle';

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Everything a reset clears: filters, selection, panels, language (back to the one the kiosk was started
 * in: its URL's `?lang=`, else German); the camera flies home.
 */
export function resetKiosk(home: { center: [number, number]; zoom: number } | null): void {
  const store = useAppStore.getState();
  store.resetFilters();
  store.select(null);
  store.chooseAmong(null);
  store.setAboutOpen(false);
  store.setSheet('peek');
  store.setOnlyVisible(false);
  store.setChoropleth(false);
  store.setLanguage(store.launch.language ?? 'de');
  store.requestCamera(home ? home.center : null, home ? home.zoom : null);
}

/**
 * How often the idle clock looks at the time. Four times a second keeps each number of the countdown on
 * screen for a second give or take a quarter; a tick that changes nothing returns the same state and
 * renders nothing.
 */
const TICK_MS = 250;

/**
 * Drives the idle state machine from real input and a regular tick. Input listeners are passive and
 * in the capture phase, so no control can swallow a touch before the kiosk sees it.
 */
export function useKioskIdle(timings: IdleTimings | null, onReset: () => void): IdleState {
  const [state, setState] = useState<IdleState>(() => initialIdleState(Date.now()));
  const stateRef = useRef(state);
  const onResetRef = useRef(onReset);
  useEffect(() => {
    onResetRef.current = onReset;
  }, [onReset]);

  const apply = useCallback(
    (event: Parameters<typeof stepIdle>[1]) => {
      if (!timings) return;
      const step = stepIdle(stateRef.current, event, timings);
      if (step.state !== stateRef.current) {
        stateRef.current = step.state;
        setState(step.state);
      }
      if (step.reset) onResetRef.current();
    },
    [timings],
  );

  useEffect(() => {
    if (!timings) return undefined;
    const onInput = () => {
      // Only a change of phase needs a render; the time of the last input is kept in the ref.
      const current = stateRef.current;
      if (current.phase === 'active') stateRef.current = { ...current, lastInput: Date.now() };
      else apply({ type: 'input', now: Date.now() });
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    const timer = window.setInterval(() => apply({ type: 'tick', now: Date.now() }), TICK_MS);
    return () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
      window.clearInterval(timer);
    };
  }, [timings, apply]);

  return state;
}
