import type { ServiceDeps } from './services/deps.js';
import { deliverDue, type PlatformRegistry } from './services/deliver-due.js';
import { runTimedWork, sendAllDue } from './services/schedule-tick.js';

export interface DeliveryLoop {
  /** Sends what is due at once, then runs a pass (many calls coalesce into one send and one pass). */
  kick(): void;
  /** Resolves when the current pass (if any) and any pass it asked for have finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the schedule tick (open, close, remind, send) on a timer and on demand, one pass at a
 * time; asking during a pass runs one more pass after it. Sending has its own lane beside the
 * passes: a kick sends what is due at once, even while a pass is busy opening another round
 * (a fan-out of thousands takes seconds), and a pass's own send step joins that lane, so this
 * process never runs two sends side by side.
 */
export function startDeliveryLoop(deps: ServiceDeps, platforms: PlatformRegistry, everyMs: number | null = 15_000): DeliveryLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let sending: Promise<void> | null = null;
  let sendAsked = false;
  let stopped = false;
  const stopping = new AbortController();
  const batch = 500;
  // Due prompts are streamed from one query per pass: FerretDB scans the whole collection for
  // each query, so a round of 20,000 costs one scan rather than forty.
  const sendBatch = 20_000;

  /** Sends what is due, joining a send under way; asking during one sends again after it. */
  const sendDue = (): Promise<void> => {
    sendAsked = true;
    if (sending === null && !stopped) {
      sending = (async () => {
        while (sendAsked && !stopped) {
          sendAsked = false;
          try {
            // What fan-outs in this process are writing first, as they write it; then the query.
            if (deps.fresh?.active === true) await deliverDue(deps, platforms, { source: deps.fresh.stream(stopping.signal), signal: stopping.signal });
            await sendAllDue(deps, platforms, sendBatch, stopping.signal);
          } catch (error) {
            deps.logger.error({ err: error }, 'sending due prompts failed');
          }
        }
      })().finally(() => {
        sending = null;
        // Asked between the last check and here: that ask is served too.
        if (sendAsked && !stopped) void sendDue();
      });
    }
    return sending ?? Promise.resolve();
  };

  const pass = async (): Promise<void> => {
    do {
      again = false;
      await runTimedWork(deps, platforms, batch);
      await sendDue();
    } while (again && !stopped);
  };
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'delivery pass failed'))
      .finally(() => {
        running = null;
      });
  };
  const kick = (): void => {
    void sendDue();
    run();
  };
  const timer = everyMs === null ? null : setInterval(run, everyMs);
  timer?.unref();
  const settled = async (): Promise<void> => {
    while (running !== null || sending !== null) await Promise.all([running, sending]);
  };
  return {
    kick,
    idle: settled,
    async stop() {
      stopped = true;
      stopping.abort();
      if (timer) clearInterval(timer);
      await settled();
    },
  };
}
