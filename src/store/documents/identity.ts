import { z } from 'zod';
import { localeSchema } from '../../domain/i18n/locale.js';

/**
 * Identity side: who people are and what was sent to them. Nothing here says what anyone
 * answered.
 */

export const platformSchema = z.enum(['slack', 'teams', 'web']);

export const ROLES = ['admin', 'hr', 'leader'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** `platform:tenant:userId`, the one key a person is known by inside pulsebot. */
export type PersonKey = string;

export const personDocSchema = z.object({
  _id: z.string().min(1),
  platform: platformSchema,
  tenant: z.string().min(1),
  userId: z.string().min(1),
  email: z.string().nullable().default(null),
  timezone: z.string().nullable().default(null),
  locale: localeSchema.nullable().default(null),
  /** The person's place in the segment tree (a team, usually), or null for none. */
  segment: z.string().nullable().default(null),
  roles: z.array(roleSchema).default([]),
  /** Segments a leader sees (with everything below them). */
  leads: z.array(z.string()).default([]),
  active: z.boolean().default(true),
});
export type PersonDoc = z.infer<typeof personDocSchema>;

export const segmentDocSchema = z.object({
  _id: z.string().min(1),
  name: z.string().min(1),
  parentId: z.string().nullable(),
});
export type SegmentDoc = z.infer<typeof segmentDocSchema>;

export const DELIVERY_STATES = ['pending', 'claimed', 'sent', 'failed', 'closed'] as const;

export const deliveryDocSchema = z.object({
  /** `roundId|personKey`: one prompt per person per round. */
  _id: z.string().min(1),
  roundId: z.string().min(1),
  personKey: z.string().min(1),
  platform: platformSchema,
  /** The segment this person's answers are filed under (passes the threshold by invitation count). */
  reportingSegment: z.string().min(1),
  sendAt: z.date(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int().min(0).default(0),
  claimedAt: z.date().nullable().default(null),
  messageChannel: z.string().nullable().default(null),
  messageId: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
});
export type DeliveryDoc = z.infer<typeof deliveryDocSchema>;

/**
 * The participation ledger: only keyed hashes. It answers "has this person answered (this
 * question of) this round?" and never "what". Purged when the round closes.
 */
export const participationDocSchema = z.object({
  /** hex HMAC-SHA256(PULSE_SECRET, scope | roundId | personKey [| questionId]) */
  _id: z.string().regex(/^[0-9a-f]{64}$/),
  roundId: z.string().min(1),
  scope: z.enum(['round', 'question']),
  /** Only on `round` entries: the reporting segment, so respondents can be counted per segment. */
  segment: z.string().nullable().default(null),
});
export type ParticipationDoc = z.infer<typeof participationDocSchema>;
