export interface SendSchedule {
  /**
   * Resolves when the next call may start, with the function to call once that call has ended
   * (answered, refused for good or failed): until then it counts against the window.
   */
  turn(): Promise<() => void>;
  /** No call starts for `ms` from now (the platform said Retry-After). */
  holdFor(ms: number): void;
}

export interface SendLimit {
  /** Calls the platform accepts in any window of `windowMs`. */
  readonly calls: number;
  readonly windowMs: number;
}

/**
 * The limit "at most `perSecond` calls in any second", as a whole number of calls per window: a
 * fractional rate, such as 2.5, becomes 2 calls in any 800 ms.
 */
export function perSecond(rate: number): SendLimit {
  const calls = Math.max(1, Math.floor(rate));
  return { calls, windowMs: (1000 * calls) / rate };
}

/** Clocks of two processes (ours, the platform's) need not agree to the millisecond. */
const CLOCK_SLACK_MS = 2;

/**
 * A gate for a platform that accepts at most `limit.calls` calls in any sliding window. Calls
 * start one at a time on an even beat (`windowMs / calls`), and a call starts only while fewer
 * than `calls` others may still be counted in a window with it: those not yet ended, and those
 * ended less than a window ago. A call is counted when the platform receives it, which is after
 * it starts and before it ends, so this holds however long requests take on the way: no margin
 * to guess, and a request that is slow in transit delays the next window instead of bunching
 * with it. A call the client retries by itself is still a call not ended.
 *
 * Time the beat lost because nobody was ready to send (a slow database read between sends) is
 * made up at up to twice the beat, within the window, for up to one window; after a longer idle
 * gap the beat starts afresh, so a new fan-out does not open with a burst. A hold (a 429's
 * Retry-After) stops every start until it ends.
 */
export function sendSchedule(limit: SendLimit, now: () => number = () => performance.now()): SendSchedule {
  const calls = Math.max(1, Math.floor(limit.calls));
  const beatMs = limit.windowMs / calls;
  const catchUpGapMs = beatMs / 2;
  let queue: Promise<unknown> = Promise.resolve();
  /** When the beat says the next call starts. */
  let beat = Number.NEGATIVE_INFINITY;
  let lastStart = Number.NEGATIVE_INFINITY;
  let heldUntil = Number.NEGATIVE_INFINITY;
  let open = 0;
  /** When calls ended, oldest first; only the last window's are kept. */
  const ended: number[] = [];
  let endedWaiters: (() => void)[] = [];

  /** The earliest time the window lets a call start, or null while only an end can free it. */
  const windowFreeAt = (t: number): number | null => {
    while (ended.length > 0 && (ended[0] as number) + limit.windowMs + CLOCK_SLACK_MS <= t) ended.shift();
    const excess = open + ended.length - calls + 1;
    if (excess <= 0) return Number.NEGATIVE_INFINITY;
    if (excess > ended.length) return null;
    return (ended[excess - 1] as number) + limit.windowMs + CLOCK_SLACK_MS;
  };

  const start = async (): Promise<() => void> => {
    const t0 = now();
    // More than a window behind the beat: idle, not late. Start the beat again from now.
    beat = beat + beatMs < t0 - limit.windowMs ? t0 : beat + beatMs;
    for (;;) {
      const t = now();
      const free = windowFreeAt(t);
      if (free === null) {
        await new Promise<void>((resolve) => endedWaiters.push(resolve));
        continue;
      }
      const at = Math.max(beat, lastStart + catchUpGapMs, heldUntil, free);
      if (at <= t) break;
      await new Promise((resolve) => setTimeout(resolve, at - t));
    }
    lastStart = now();
    open++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      open--;
      ended.push(now());
      const waiters = endedWaiters;
      endedWaiters = [];
      for (const wake of waiters) wake();
    };
  };

  return {
    turn() {
      const turn = queue.then(start);
      queue = turn;
      return turn;
    },
    holdFor(ms) {
      heldUntil = Math.max(heldUntil, now() + ms);
    },
  };
}
