import { z } from 'zod';

/** What HR may subscribe to (issue #18). */
export const WEBHOOK_EVENTS = ['round.closed', 'pool.available', 'survey.changed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const webhookEventSchema = z.enum(WEBHOOK_EVENTS);

/** A receiver HR configured: operations side, never a person. */
export const webhookDocSchema = z.object({
  _id: z.string().regex(/^wh_[0-9a-f]{16}$/),
  url: z.string().url(),
  events: z.array(webhookEventSchema).min(1),
  description: z.string().max(200).nullable().default(null),
  /** `whsec_…`: signs every message (Standard Webhooks); shown once at creation. */
  secret: z.string().startsWith('whsec_'),
  createdAt: z.date(),
  /** Deleted receivers are kept (their delivery log stays readable) and get nothing more. */
  deletedAt: z.date().nullable().default(null),
});
export type WebhookDoc = z.infer<typeof webhookDocSchema>;

export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;

/**
 * One message to one receiver, stored before it is sent (an outbox): a restart loses none, and
 * retries follow `nextAttemptAt` for 24 hours. `payload` is the exact body that is signed.
 */
export const webhookDeliveryDocSchema = z.object({
  /** The message id (`webhook-id`): the same for every retry, so a receiver can drop a repeat. */
  _id: z.string().regex(/^msg_[0-9a-f]{32}$/),
  webhookId: z.string(),
  event: webhookEventSchema,
  payload: z.string(),
  state: z.enum(WEBHOOK_DELIVERY_STATES),
  attempts: z.number().int().min(0),
  createdAt: z.date(),
  nextAttemptAt: z.date(),
  /** Held by one instance while it sends, so two never send the same message at once. */
  claimedUntil: z.date().nullable().default(null),
  lastAttemptAt: z.date().nullable().default(null),
  /** The receiver's last HTTP status (null: no answer). */
  lastStatus: z.number().int().nullable().default(null),
  lastError: z.string().nullable().default(null),
  deliveredAt: z.date().nullable().default(null),
});
export type WebhookDeliveryDoc = z.infer<typeof webhookDeliveryDocSchema>;
