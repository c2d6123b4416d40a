import type { ServiceDeps } from './services/deps.js';
import { closeDueRounds } from './services/close-due-rounds.js';
import { deliverDue, type PlatformRegistry } from './services/deliver-due.js';

export interface DeliveryLoop {
  /** Sends what is due as soon as possible (coalesces many calls into one pass). */
  kick(): void;
  /** Resolves when the current pass (if any) and any pass it asked for have finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Closes rounds whose time is up and sends due prompts, on a timer and on demand. One pass at a time; a pass keeps going while a
 * full batch came back, so a big round drains without waiting for the next tick.
 */
export function startDeliveryLoop(deps: ServiceDeps, platforms: PlatformRegistry, everyMs = 15_000): DeliveryLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const batch = 500;

  const pass = async (): Promise<void> => {
    do {
      again = false;
      await closeDueRounds(deps, platforms);
      for (;;) {
        const report = await deliverDue(deps, platforms, { batch });
        if (report.sent + report.failed + report.retrying < batch || stopped) break;
      }
    } while (again && !stopped);
  };
  const kick = (): void => {
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
  const timer = setInterval(kick, everyMs);
  timer.unref();
  return {
    kick,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
