import { createHash } from 'node:crypto';
import { insertOnce } from '../../store/database.js';
import { webhookDeliveryDocSchema, type WebhookEvent } from '../../store/documents/webhooks.js';
import type { ServiceDeps } from '../deps.js';

/**
 * Stores one message per receiver subscribed to `event`, before anything is sent (the outbox), and
 * announces `webhooks.due`. `subject` names what the message is about (a round, a survey version):
 * the message id derives from it, so a close that runs twice stores one message. `data` must
 * already be what the results door shows: aggregates of visible groups, nothing about a person.
 */
export async function enqueueWebhook(deps: ServiceDeps, event: WebhookEvent, subject: string, data: Record<string, unknown>): Promise<number> {
  const { webhooks, webhookDeliveries } = deps.store.database.collections;
  const receivers = await webhooks.find({ deletedAt: null, events: event }).toArray();
  if (receivers.length === 0) return 0;
  const now = deps.clock.now();
  let stored = 0;
  for (const receiver of receivers) {
    const id = `msg_${createHash('sha256').update(`${receiver._id}\n${event}\n${subject}`).digest('hex').slice(0, 32)}`;
    const payload = JSON.stringify({ type: event, timestamp: now.toUTC().toISO(), data });
    const doc = webhookDeliveryDocSchema.parse({
      _id: id,
      webhookId: receiver._id,
      event,
      payload,
      state: 'pending',
      attempts: 0,
      createdAt: now.toJSDate(),
      nextAttemptAt: now.toJSDate(),
    });
    if (await insertOnce(webhookDeliveries, doc)) stored++;
  }
  if (stored > 0) deps.events?.emit('webhooks.due');
  return stored;
}
