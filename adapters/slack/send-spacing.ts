/**
 * A gate that lets one call start at a time, at least `intervalMs` after the previous one
 * actually started. Each wait is measured when its turn comes, from the real start of the last
 * call, so a stalled event loop delays the queue but never releases a burst: timer-based
 * throttles (p-throttle, even in strict mode) schedule each slot ahead of time, and after a
 * stall fire several slots at once, which Slack's sliding window answers with 429s.
 */
export function sendSpacing(intervalMs: number): () => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  let lastStart = Number.NEGATIVE_INFINITY;
  return () => {
    const turn = queue.then(async () => {
      const wait = lastStart + intervalMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lastStart = performance.now();
    });
    queue = turn;
    return turn;
  };
}
