import type { ServiceDeps } from '../deps.js';
import { announceMissedRounds } from './announce.js';
import { dispatchDueWebhooks, type DispatchReport, type WebhookPost } from './dispatch.js';

export interface WebhookLoop {
  /** Sends what is due now; a call while a pass runs makes one more pass after it. */
  run(): Promise<DispatchReport>;
}

/**
 * One dispatch at a time per process: a message stored (`webhooks.due`) is sent at once, and the
 * scheduler's minute job sends the retries that come due. Instances share the work through the
 * messages' claims.
 */
export function startWebhookLoop(deps: ServiceDeps, post?: WebhookPost): WebhookLoop {
  let running: Promise<DispatchReport> | null = null;
  let again = false;
  const pass = async (): Promise<DispatchReport> => {
    let total = { delivered: 0, retrying: 0, failed: 0 };
    do {
      again = false;
      await announceMissedRounds(deps);
      const report = await dispatchDueWebhooks(deps, post);
      total = { delivered: total.delivered + report.delivered, retrying: total.retrying + report.retrying, failed: total.failed + report.failed };
    } while (again);
    return total;
  };
  const run = (): Promise<DispatchReport> => {
    if (running !== null) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = null;
    });
    return running;
  };
  deps.events?.on('webhooks.due', () => {
    run().catch((error: unknown) => deps.logger.warn({ err: error }, 'webhook dispatch failed; the next minute tries again'));
  });
  return { run };
}
