export interface SendSchedule {
  /** Resolves when the next call may start. */
  turn(): Promise<void>;
  /** No call starts for `ms` from now (the platform said Retry-After). */
  holdFor(ms: number): void;
}

/** How late a call may start and still keep its slot: about what a timer overshoots by. */
const SLACK_MS = 2;

/**
 * A gate that lets one call start at a time, on a beat of `intervalMs`. Each call has a slot, the
 * previous slot plus the interval, so the timer's usual lateness (a millisecond or so per wait)
 * does not add up: spacing each call from the last one's real start loses that millisecond on
 * every call, 10% at 100 calls a second. A call later than its slot by more than `SLACK_MS` (a
 * stalled event loop, an idle gap) moves the beat instead: it never catches up, so no two calls
 * start closer together than the interval less `SLACK_MS`, and no burst reaches a platform that
 * counts over sliding windows. A hold (a 429's Retry-After) stops the beat until it ends, so calls
 * do not pile up behind a paused client and leave together.
 */
export function sendSchedule(intervalMs: number, now: () => number = () => performance.now()): SendSchedule {
  let queue: Promise<void> = Promise.resolve();
  let slot = Number.NEGATIVE_INFINITY;
  let heldUntil = Number.NEGATIVE_INFINITY;
  return {
    turn() {
      const turn = queue.then(async () => {
        slot = Math.max(slot + intervalMs, now() - SLACK_MS, heldUntil);
        for (let wait = slot - now(); wait > 0; wait = slot - now()) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          slot = Math.max(slot, heldUntil);
        }
      });
      queue = turn;
      return turn;
    },
    holdFor(ms) {
      heldUntil = Math.max(heldUntil, now() + ms);
    },
  };
}
