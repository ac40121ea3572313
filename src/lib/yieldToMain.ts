/**
 * Lets the browser handle input, paint and other tasks before the caller goes on: resolves in a new
 * task. A message to itself rather than setTimeout, which a hidden tab throttles to once a second after a
 * few nested calls (a long job in slices would crawl in a background tab).
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
