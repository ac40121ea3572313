/**
 * The kiosk's idle clock as a pure state machine, so the timings can be tested without timers.
 *
 *   active ──idleSeconds without input──▶ countdown ──countdownSeconds──▶ reset, then attract (the tour, if on)
 *      ▲                                      │                                   │
 *      └──────────────── any input ───────────┴───────────────────────────────────┘
 */
export type IdlePhase = 'active' | 'countdown' | 'attract';

export interface IdleState {
  phase: IdlePhase;
  /** When the last input happened (ms). */
  lastInput: number;
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
  return { phase: 'active', lastInput: now, secondsLeft: 0 };
}

export function stepIdle(state: IdleState, event: IdleEvent, timings: IdleTimings): IdleStep {
  if (event.type === 'input') {
    return { state: { phase: 'active', lastInput: event.now, secondsLeft: 0 }, reset: false };
  }
  if (state.phase === 'attract') return { state, reset: false };
  const idleFor = (event.now - state.lastInput) / 1000;
  // Unchanged states are returned as the same object, so a tick that changes nothing renders nothing.
  if (idleFor < timings.idleSeconds) {
    return { state: state.phase === 'active' ? state : { ...state, phase: 'active', secondsLeft: 0 }, reset: false };
  }
  const left = Math.ceil(timings.idleSeconds + timings.countdownSeconds - idleFor);
  if (left > 0) {
    const same = state.phase === 'countdown' && state.secondsLeft === left;
    return { state: same ? state : { ...state, phase: 'countdown', secondsLeft: left }, reset: false };
  }
  // After the reset the kiosk rests (playing the tour, if one is on) until someone touches it; it does
  // not count down again while nobody is there.
  return { state: { phase: 'attract', lastInput: event.now, secondsLeft: 0 }, reset: true };
}
