import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { newWebhookSecret } from '../../lib/standard-webhooks.js';
import { webhookDeliveryDocSchema, webhookDocSchema, webhookEventSchema, type WebhookDoc, type WebhookEvent } from '../../store/documents/webhooks.js';

export { WEBHOOK_EVENTS } from '../../store/documents/webhooks.js';
import type { ServiceDeps } from '../deps.js';

/** What HR sends to configure a receiver (HR API and CLI). */
export const newWebhookSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://hr.example.com/pulsebot' })
    .max(2000, 'must be at most 2000 characters')
    .meta({ description: 'Where pulsebot POSTs the messages (https in production).' }),
  events: z
    .array(webhookEventSchema, { error: 'must be a list of round.closed, pool.available, survey.changed' })
    .min(1, 'name at least one event: round.closed, pool.available, survey.changed')
    .meta({ description: 'Which messages to send.' }),
  description: z.string().trim().max(200).optional().meta({ description: 'A note for you: what receives it.' }),
});
export type NewWebhook = z.infer<typeof newWebhookSchema>;

export interface WebhookInfo {
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly description: string | null;
  readonly createdAt: Date;
}

const info = (doc: WebhookDoc): WebhookInfo => ({ id: doc._id, url: doc.url, events: doc.events, description: doc.description, createdAt: doc.createdAt });

/** Adds a receiver; its `whsec_` secret is returned this once. */
export async function createWebhook(deps: ServiceDeps, input: NewWebhook): Promise<{ webhook: WebhookInfo; secret: string }> {
  const doc = webhookDocSchema.parse({
    _id: `wh_${randomBytes(8).toString('hex')}`,
    url: input.url,
    events: [...new Set(input.events)],
    description: input.description ?? null,
    secret: newWebhookSecret(),
    createdAt: deps.clock.now().toJSDate(),
  });
  await deps.store.database.collections.webhooks.insertOne(doc);
  return { webhook: info(doc), secret: doc.secret };
}

export async function listWebhooks(deps: ServiceDeps): Promise<WebhookInfo[]> {
  const docs = await deps.store.database.collections.webhooks.find({ deletedAt: null }).sort({ createdAt: 1 }).toArray();
  return docs.map((doc) => info(webhookDocSchema.parse(doc)));
}

/** Stops a receiver at once: nothing more is sent to it, not even messages waiting for a retry. */
export async function deleteWebhook(deps: ServiceDeps, id: string): Promise<boolean> {
  const { webhooks, webhookDeliveries } = deps.store.database.collections;
  const result = await webhooks.updateOne({ _id: id, deletedAt: null }, { $set: { deletedAt: deps.clock.now().toJSDate() } });
  if (result.modifiedCount === 0) return false;
  await webhookDeliveries.updateMany({ webhookId: id, state: 'pending' }, { $set: { state: 'failed', lastError: 'the webhook was deleted' } });
  return true;
}

export interface WebhookDeliveryInfo {
  readonly id: string;
  readonly event: WebhookEvent;
  readonly state: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly createdAt: Date;
  readonly lastAttemptAt: Date | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date | null;
  readonly deliveredAt: Date | null;
}

/** A receiver's delivery log, newest first (the last `limit`); null when there is no such webhook. */
export async function webhookDeliveries(deps: ServiceDeps, id: string, limit = 100): Promise<WebhookDeliveryInfo[] | null> {
  const { webhooks, webhookDeliveries: deliveries } = deps.store.database.collections;
  if ((await webhooks.countDocuments({ _id: id }, { limit: 1 })) === 0) return null;
  const docs = await deliveries.find({ webhookId: id }).sort({ createdAt: -1, _id: 1 }).limit(limit).toArray();
  return docs.map((raw) => {
    const doc = webhookDeliveryDocSchema.parse(raw);
    return {
      id: doc._id,
      event: doc.event,
      state: doc.state,
      attempts: doc.attempts,
      createdAt: doc.createdAt,
      lastAttemptAt: doc.lastAttemptAt,
      lastStatus: doc.lastStatus,
      lastError: doc.lastError,
      nextAttemptAt: doc.state === 'pending' ? doc.nextAttemptAt : null,
      deliveredAt: doc.deliveredAt,
    };
  });
}
