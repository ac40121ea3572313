/**
 * Runs `work` in the browser's idle periods until it reports that it is done: each call gets the time
 * left in the current idle period and should stop well before it ends. Without requestIdleCallback
 * (Safari, jsdom) short timeouts stand in. Returns a function that stops the work.
 */
export function whileIdle(work: (timeLeft: () => number) => boolean): () => void {
  let stopped = false;
  let cancel = () => {};
  const run = (timeLeft: () => number) => {
    if (stopped || work(timeLeft)) return;
    schedule();
  };
  const schedule = () => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback((deadline) => run(() => deadline.timeRemaining()));
      cancel = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(() => {
        // A 10 ms slice from when the timeout fires.
        const started = performance.now();
        run(() => 10 - (performance.now() - started));
      }, 20);
      cancel = () => clearTimeout(handle);
    }
  };
  schedule();
  return () => {
    stopped = true;
    cancel();
  };
}
