/**
 * Runs `task` once the browser has painted the current frame: a task queued from inside an animation
 * frame callback runs after that frame's paint. Work started here never delays the first paint.
 */
export function afterPaint(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(task, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(task, 0));
}
