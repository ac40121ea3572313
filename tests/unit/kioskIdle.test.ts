import { describe, expect, it } from 'vitest';
import { initialIdleState, stepIdle, type IdleState, type IdleStep, type IdleTimings } from '@/features/kiosk/idle';

const TIMINGS: IdleTimings = { idleSeconds: 90, countdownSeconds: 10, tour: true };
const T0 = 1_000_000;
const at = (seconds: number) => T0 + seconds * 1000;
const tick = (state: IdleState, seconds: number, timings = TIMINGS): IdleStep =>
  stepIdle(state, { type: 'tick', now: at(seconds) }, timings);
const input = (state: IdleState, seconds: number, timings = TIMINGS): IdleStep =>
  stepIdle(state, { type: 'input', now: at(seconds) }, timings);

/** Ticks once a second from `from` to `to` (inclusive), collecting every step. */
function run(state: IdleState, from: number, to: number, timings = TIMINGS): { state: IdleState; steps: IdleStep[] } {
  const steps: IdleStep[] = [];
  let current = state;
  for (let second = from; second <= to; second += 1) {
    const step = tick(current, second, timings);
    steps.push(step);
    current = step.state;
  }
  return { state: current, steps };
}

describe('stepIdle: the kiosk idle clock', () => {
  it('starts active', () => {
    expect(initialIdleState(T0)).toEqual({ phase: 'active', lastInput: T0, countdownSince: 0, secondsLeft: 0 });
  });

  it('stays active, as the same object, until idleSeconds have passed without input', () => {
    const start = initialIdleState(T0);
    for (const seconds of [0, 1, 30, 89, 89.999]) {
      const step = tick(start, seconds);
      expect(step.state, `at ${seconds} s`).toBe(start);
      expect(step.reset).toBe(false);
    }
  });

  it('enters the countdown exactly at idleSeconds, with the whole countdown left', () => {
    const step = tick(initialIdleState(T0), 90);
    expect(step.state.phase).toBe('countdown');
    expect(step.state.secondsLeft).toBe(10);
    expect(step.reset).toBe(false);
  });

  it('counts the seconds left down by one each second, then resets', () => {
    const { steps } = run(initialIdleState(T0), 90, 100);
    expect(steps.slice(0, 10).map((step) => [step.state.phase, step.state.secondsLeft])).toEqual(
      [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((left) => ['countdown', left]),
    );
    const last = steps[10];
    expect(last?.reset).toBe(true);
    expect(last?.state.phase).toBe('attract');
  });

  it('gives the whole countdown when the tick that finds the kiosk idle comes late', () => {
    // A busy main thread delays a timer; the visitor must not lose part of the warning for it.
    for (const late of [0.5, 1.05, 4, 9.9]) {
      const step = tick(initialIdleState(T0), 90 + late);
      expect(step.state, `${late} s late`).toMatchObject({
        phase: 'countdown',
        secondsLeft: 10,
        countdownSince: at(90 + late),
      });
    }
  });

  it('counts from the moment the countdown appeared, each number for a whole second', () => {
    // A second after it appeared (to the millisecond, hence the whole milliseconds here) the next number.
    const shown = stepIdle(initialIdleState(T0), { type: 'tick', now: T0 + 92_300 }, TIMINGS).state;
    const leftAt = (ms: number) => stepIdle(shown, { type: 'tick', now: T0 + ms }, TIMINGS);
    const seen = [92_300, 92_500, 93_299, 93_300, 94_299, 94_300, 101_299, 101_300].map(
      (ms) => leftAt(ms).state.secondsLeft,
    );
    expect(seen).toEqual([10, 10, 10, 9, 9, 8, 2, 1]);
    expect(leftAt(102_299).reset).toBe(false);
    expect(leftAt(102_300).reset).toBe(true);
  });

  it('returns the same object for a tick that changes nothing within the countdown', () => {
    const first = tick(tick(initialIdleState(T0), 90).state, 91.1).state;
    expect(first.secondsLeft).toBe(9);
    const again = tick(first, 91.6);
    expect(again.state).toBe(first);
    expect(again.reset).toBe(false);
  });

  it('ticks four times a second show every number of the countdown, in order, once', () => {
    let state = initialIdleState(T0);
    const shown: number[] = [];
    let resets = 0;
    for (let ms = 89_100; ms <= 102_000; ms += 250) {
      const step = stepIdle(state, { type: 'tick', now: T0 + ms }, TIMINGS);
      if (step.reset) resets += 1;
      if (step.state.phase === 'countdown' && step.state.secondsLeft !== shown[shown.length - 1])
        shown.push(step.state.secondsLeft);
      state = step.state;
    }
    expect(shown).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(resets).toBe(1);
  });

  it('cancels the countdown on input: active again, from the time of the input', () => {
    const countdown = tick(initialIdleState(T0), 95).state;
    expect(countdown.phase).toBe('countdown');
    const step = input(countdown, 96);
    expect(step).toEqual({
      state: { phase: 'active', lastInput: at(96), countdownSince: 0, secondsLeft: 0 },
      reset: false,
    });
    // The full idle time has to pass again before the next countdown.
    expect(tick(step.state, 96 + 89).state.phase).toBe('active');
    expect(tick(step.state, 96 + 90).state.phase).toBe('countdown');
  });

  it('an input while active moves the idle clock', () => {
    const moved = input(initialIdleState(T0), 80).state;
    expect(tick(moved, 100).state.phase).toBe('active');
    expect(tick(moved, 170).state).toMatchObject({ phase: 'countdown', secondsLeft: 10 });
  });

  it('resets exactly once, then rests in the attract phase without counting down again', () => {
    const { steps, state } = run(initialIdleState(T0), 1, 90 + 10 + 600);
    expect(steps.filter((step) => step.reset)).toHaveLength(1);
    expect(state.phase).toBe('attract');
    const afterReset = steps.slice(steps.findIndex((step) => step.reset) + 1);
    expect(afterReset.length).toBeGreaterThan(500);
    expect(afterReset.every((step) => step.state.phase === 'attract' && !step.reset)).toBe(true);
    // No renders while nobody is there: every later tick returns the very same object.
    expect(afterReset.every((step) => step.state === state)).toBe(true);
  });

  it('a reset that is late (the tab slept) still happens once, straight from active', () => {
    expect(tick(initialIdleState(T0), 99.9).state.phase).toBe('countdown');
    expect(tick(initialIdleState(T0), 100).reset).toBe(true);
    const step = tick(initialIdleState(T0), 3600);
    expect(step.reset).toBe(true);
    expect(step.state.phase).toBe('attract');
    expect(tick(step.state, 7200)).toEqual({ state: step.state, reset: false });
  });

  it('a touch in the attract phase makes the kiosk active again, and the cycle starts over', () => {
    const attract = tick(initialIdleState(T0), 100).state;
    expect(attract.phase).toBe('attract');
    const touched = input(attract, 200).state;
    expect(touched).toEqual({ phase: 'active', lastInput: at(200), countdownSince: 0, secondsLeft: 0 });
    const { steps } = run(touched, 201, 300);
    expect(steps.filter((step) => step.reset)).toHaveLength(1);
    expect(steps.find((step) => step.reset)?.state.lastInput).toBe(at(300));
  });

  it('uses the timings it is given (the short e2e timings)', () => {
    const short: IdleTimings = { idleSeconds: 5, countdownSeconds: 3, tour: false };
    expect(tick(initialIdleState(T0), 4.9, short).state.phase).toBe('active');
    const shown = tick(initialIdleState(T0), 5, short).state;
    expect(shown).toMatchObject({ phase: 'countdown', secondsLeft: 3 });
    expect(tick(shown, 7.5, short).state).toMatchObject({ phase: 'countdown', secondsLeft: 1 });
    expect(tick(shown, 8, short).reset).toBe(true);
    expect(tick(initialIdleState(T0), 8, short).reset).toBe(true);
  });

  it('does not depend on the tour switch: the reset happens either way', () => {
    const withoutTour: IdleTimings = { ...TIMINGS, tour: false };
    expect(tick(initialIdleState(T0), 100, withoutTour)).toEqual(tick(initialIdleState(T0), 100, TIMINGS));
  });

  it('does not mutate the state it is given', () => {
    const start = Object.freeze(initialIdleState(T0));
    expect(() => tick(start, 95)).not.toThrow();
    const countdown = Object.freeze(tick(start, 95).state);
    expect(() => tick(countdown, 96)).not.toThrow();
    expect(() => input(countdown, 96)).not.toThrow();
  });
});
