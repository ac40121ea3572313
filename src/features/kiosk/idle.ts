/**
 * The kiosk's idle clock as a pure state machine, so the timings can be tested without timers.
 *
 *   active ──idleSeconds without input──▶ countdown ──countdownSeconds──▶ reset, then attract (the tour, if on)
 *      ▲                                      │                                   │
 *      └──────────────── any input ───────────┴───────────────────────────────────┘
 *
 * The countdown runs from the moment it appears, not from idleSeconds after the last input: a tick that
 * comes late (a busy main thread, a long frame) must not cost the visitor part of their warning.
 */
export type IdlePhase = 'active' | 'countdown' | 'attract';

export interface IdleState {
  phase: IdlePhase;
  /** When the last input happened (ms). */
  lastInput: number;
  /** When the countdown appeared (ms), while phase is countdown; 0 otherwise. */
  countdownSince: number;
  /** Seconds left in the countdown, while phase is countdown. */
  secondsLeft: number;
}

export interface IdleTimings {
  idleSeconds: number;
  countdownSeconds: number;
  tour: boolean;
}

export type IdleEvent = { type: 'input'; now: number } | { type: 'tick'; now: number };

export interface IdleStep {
  state: IdleState;
  /** True exactly once, when the countdown runs out: the app resets itself. */
  reset: boolean;
}

export function initialIdleState(now: number): IdleState {
  return { phase: 'active', lastInput: now, countdownSince: 0, secondsLeft: 0 };
}

function resetStep(now: number): IdleStep {
  // After the reset the kiosk rests (playing the tour, if one is on) until someone touches it; it does
  // not count down again while nobody is there.
  return { state: { phase: 'attract', lastInput: now, countdownSince: 0, secondsLeft: 0 }, reset: true };
}

export function stepIdle(state: IdleState, event: IdleEvent, timings: IdleTimings): IdleStep {
  if (event.type === 'input') {
    return { state: initialIdleState(event.now), reset: false };
  }
  if (state.phase === 'attract') return { state, reset: false };

  if (state.phase === 'active') {
    const idleFor = (event.now - state.lastInput) / 1000;
    // Unchanged states are returned as the same object, so a tick that changes nothing renders nothing.
    if (idleFor < timings.idleSeconds) return { state, reset: false };
    // Idle for longer than the warning and the countdown together: the tab slept (timers stop in a hidden
    // tab) and nobody has been there for a while, so a countdown now would warn no one.
    if (idleFor >= timings.idleSeconds + timings.countdownSeconds) return resetStep(event.now);
    const countdown: IdleState = {
      phase: 'countdown',
      lastInput: state.lastInput,
      countdownSince: event.now,
      secondsLeft: timings.countdownSeconds,
    };
    return { state: countdown, reset: false };
  }

  const shownFor = (event.now - state.countdownSince) / 1000;
  const left = timings.countdownSeconds - Math.floor(shownFor);
  if (left <= 0) return resetStep(event.now);
  return { state: left === state.secondsLeft ? state : { ...state, secondsLeft: left }, reset: false };
}
