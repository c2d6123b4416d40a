import type { ServiceDeps } from './services/deps.js';
import type { PlatformRegistry } from './services/deliver-due.js';
import { runScheduleTick, sendAllDue } from './services/schedule-tick.js';

export interface DeliveryLoop {
  /** Sends what is due as soon as possible (coalesces many calls into one pass). */
  kick(): void;
  /** Resolves when the current pass (if any) and any pass it asked for have finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the schedule tick (open, close, remind, send) on a timer and on demand, one pass at a
 * time; asking during a pass runs one more pass after it.
 */
export function startDeliveryLoop(deps: ServiceDeps, platforms: PlatformRegistry, everyMs: number | null = 15_000): DeliveryLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let asked = false;
  let stopped = false;
  const stopping = new AbortController();
  const batch = 500;
  // Due prompts are streamed from one query per pass: FerretDB scans the whole collection for
  // each query, so a round of 20,000 costs one scan rather than forty.
  const sendBatch = 20_000;

  const pass = async (): Promise<void> => {
    do {
      again = false;
      // Asked for (send-now, each page a fan-out writes): what is due goes out first, and again
      // while more is asked for, before the tick opens other rounds (a whole fan-out each) or
      // settles old claims.
      while (asked && !stopped) {
        asked = false;
        await sendAllDue(deps, platforms, sendBatch, stopping.signal);
      }
      await runScheduleTick(deps, platforms, batch, stopping.signal, sendBatch);
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
    asked = true;
    run();
  };
  const timer = everyMs === null ? null : setInterval(run, everyMs);
  timer?.unref();
  return {
    kick,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      stopping.abort();
      if (timer) clearInterval(timer);
      while (running) await running;
    },
  };
}
