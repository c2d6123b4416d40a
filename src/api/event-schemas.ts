import { z } from 'zod';
import { eventNameSchema } from '../domain/events/event-trigger.js';

/** `POST /api/v1/events` (issue #18): the field names are a published contract. */
export const eventBodySchema = z
  .strictObject({
    event: eventNameSchema.meta({ description: 'What happened, e.g. `ticket.resolved`: a survey HR wrote with an event trigger names it.' }),
    person: z
      .union([z.strictObject({ email: z.email('is not an e-mail address').max(254) }), z.strictObject({ platformUserId: z.string().min(1).max(100) })], {
        error: 'is {"email": "…"} or {"platformUserId": "…"}',
      })
      .meta({ description: 'Who it happened to: their e-mail as their chat account has it, or their chat user id.' }),
    occurredAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO date-time with a zone, e.g. 2026-12-07T14:30:00Z' })
      .meta({ description: 'When it happened; the survey’s delay counts from this day in the person’s time zone.' }),
    idempotencyKey: z
      .string()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .meta({ description: 'Your id for this event (a ticket id): the same key twice changes nothing.' }),
  })
  .meta({ id: 'Event' });

export const eventAcceptedSchema = z
  .object({
    status: z.literal('accepted'),
    duplicate: z.boolean().meta({ description: 'True when this idempotency key was seen before: nothing was done.' }),
    scheduled: z.number().int().min(0).meta({ description: 'Survey prompts scheduled by this call (0 when the person is in no audience).' }),
  })
  .meta({ id: 'EventAccepted' });
