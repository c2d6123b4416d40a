import type { DateTime } from 'luxon';
import { signWebhook } from '../../lib/standard-webhooks.js';
import { webhookDeliveryDocSchema, type WebhookDeliveryDoc } from '../../store/documents/webhooks.js';
import type { ServiceDeps } from '../deps.js';

/** Retries stop this long after a message was stored; it is then marked failed. */
export const RETRY_WINDOW_HOURS = 24;
/** How long one instance holds a message while it sends it. */
const CLAIM_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;
const BATCH = 50;

/** 1, 2, 4 … minutes after each failure, at most an hour apart. */
export function retryDelayMs(failures: number): number {
  return Math.min(2 ** Math.max(0, failures - 1), 60) * 60_000;
}

/** How a message is POSTed (the tests pass their own only to watch; the default is fetch). */
export type WebhookPost = (url: string, headers: Record<string, string>, body: string) => Promise<number>;

const postWithFetch: WebhookPost = async (url, headers, body) => {
  const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  await response.body?.cancel();
  return response.status;
};

export interface DispatchReport {
  readonly delivered: number;
  readonly retrying: number;
  readonly failed: number;
}

async function claim(deps: ServiceDeps, doc: WebhookDeliveryDoc, now: DateTime): Promise<boolean> {
  const result = await deps.store.database.collections.webhookDeliveries.updateOne(
    { _id: doc._id, state: 'pending', attempts: doc.attempts, $or: [{ claimedUntil: null }, { claimedUntil: { $lte: now.toJSDate() } }] },
    { $set: { claimedUntil: now.plus({ milliseconds: CLAIM_MS }).toJSDate() } },
  );
  return result.modifiedCount === 1;
}

/**
 * Sends every stored message that is due, each signed afresh (Standard Webhooks) with its
 * receiver's secret. A 2xx marks it delivered; anything else (an error status, no answer, a
 * timeout) schedules the next try with backoff, until 24 hours after it was stored. Messages live
 * in the database, so a restart picks up where the last process stopped; a claim keeps two
 * instances from sending one message at once.
 */
export async function dispatchDueWebhooks(deps: ServiceDeps, post: WebhookPost = postWithFetch): Promise<DispatchReport> {
  const { webhooks, webhookDeliveries } = deps.store.database.collections;
  const now = deps.clock.now();
  const due = await webhookDeliveries
    .find({ state: 'pending', nextAttemptAt: { $lte: now.toJSDate() } })
    .sort({ nextAttemptAt: 1 })
    .limit(BATCH)
    .toArray();
  let delivered = 0;
  let retrying = 0;
  let failed = 0;
  for (const raw of due) {
    const doc = webhookDeliveryDocSchema.parse(raw);
    if (!(await claim(deps, doc, now))) continue;
    const receiver = await webhooks.findOne({ _id: doc.webhookId, deletedAt: null });
    if (receiver === null) {
      await webhookDeliveries.updateOne({ _id: doc._id }, { $set: { state: 'failed', lastError: 'the webhook was deleted', claimedUntil: null } });
      failed++;
      continue;
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'pulsebot-webhooks',
      ...signWebhook(receiver.secret, doc._id, deps.clock.now().toJSDate(), doc.payload),
    };
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await post(receiver.url, headers, doc.payload);
      if (status < 200 || status >= 300) error = `the receiver answered ${status}`;
    } catch (cause) {
      error = `no answer: ${cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message).slice(0, 200) : 'unknown error'}`;
    }
    const attempts = doc.attempts + 1;
    const at = deps.clock.now();
    if (error === null) {
      await webhookDeliveries.updateOne(
        { _id: doc._id },
        {
          $set: {
            state: 'delivered',
            attempts,
            lastAttemptAt: at.toJSDate(),
            lastStatus: status,
            lastError: null,
            deliveredAt: at.toJSDate(),
            claimedUntil: null,
          },
        },
      );
      delivered++;
      continue;
    }
    const next = at.plus({ milliseconds: retryDelayMs(attempts) });
    const givesUp = next.toJSDate() > new Date(doc.createdAt.getTime() + RETRY_WINDOW_HOURS * 3_600_000);
    await webhookDeliveries.updateOne(
      { _id: doc._id },
      {
        $set: {
          state: givesUp ? 'failed' : 'pending',
          attempts,
          lastAttemptAt: at.toJSDate(),
          lastStatus: status,
          lastError: error,
          nextAttemptAt: next.toJSDate(),
          claimedUntil: null,
        },
      },
    );
    if (givesUp) {
      failed++;
      deps.logger.warn({ webhookId: doc.webhookId, event: doc.event }, 'a webhook message failed for 24 hours and was given up');
    } else retrying++;
  }
  return { delivered, retrying, failed };
}

/** When the next stored message is due (null: none waiting). */
export async function nextWebhookAt(deps: ServiceDeps): Promise<Date | null> {
  const [next] = await deps.store.database.collections.webhookDeliveries.find({ state: 'pending' }).sort({ nextAttemptAt: 1 }).limit(1).toArray();
  return next?.nextAttemptAt ?? null;
}
