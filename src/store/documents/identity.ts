import { z } from 'zod';
import { personAttributesSchema } from '../../domain/people/attributes.js';
import { localeSchema } from '../../domain/i18n/locale.js';
import { roleSchema } from '../../domain/roles.js';

/**
 * Identity side: who people are and what was sent to them. Nothing here says what anyone
 * answered.
 */

export const platformSchema = z.enum(['slack', 'teams', 'web']);

export { ROLES, roleSchema, type Role } from '../../domain/roles.js';

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
  /** Where the segment came from: the platform's groups, or an HR import (which the platform sync leaves alone). */
  segmentSource: z.enum(['platform', 'import']).nullable().default(null),
  /** The directory sync that last saw this person; people a sync no longer sees become inactive. */
  syncId: z.string().nullable().default(null),
  roles: z.array(roleSchema).default([]),
  /** Segments a leader sees (with everything below them). */
  leads: z.array(z.string()).default([]),
  active: z.boolean().default(true),
  /**
   * The day pulsebot first saw this person in a directory it had read before (a new joiner), for
   * audiences that leave out people who joined recently. Null: there from the first read of their
   * workspace or tenant, or stored before this was kept. A date only, on the identity side.
   */
  firstSeen: z.iso.date().nullable().default(null),
  /** Their manager's e-mail as the people import last gave it (a change raises `person.manager_changed`). */
  manager: z.string().nullable().default(null),
  /**
   * Set on every account but one of a person who has several (Slack and Teams, or two
   * workspaces, sharing a verified e-mail): the account that is invited and counted for them.
   * Linked accounts are never invited, so k counts people, not accounts (see `linkAccounts`).
   */
  linkedTo: z.string().nullable().default(null),
  /** HR attributes from the people import (issue #20): location, employment type, start date, remote, HR's own. */
  attributes: personAttributesSchema.optional(),
});
export type PersonDoc = z.infer<typeof personDocSchema>;

export const segmentDocSchema = z.object({
  _id: z.string().min(1),
  name: z.string().min(1),
  parentId: z.string().nullable().default(null),
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
  /** A language chosen for this prompt (an exit survey HR sent in a given language), else the person's. */
  locale: localeSchema.nullable().default(null),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int().min(0).default(0),
  claimedAt: z.date().nullable().default(null),
  /** The instance (random per process start) that claimed it: while that one is alive, nobody else judges the claim. */
  claimedBy: z.string().nullable().default(null),
  messageChannel: z.string().nullable().default(null),
  messageId: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
  /** Why the last send failed, typed (absent on deliveries stored before it was): `status` counts the unreachable. */
  failure: z.enum(['unreachable', 'rate_limited', 'error']).nullable().default(null),
  /** When this person's reminders are due (all of them fixed when the delivery is made). */
  reminders: z.array(z.date()).default([]),
  /**
   * The next reminder still to be processed. It moves on for everyone, answered or not, so this
   * document never records who had not answered.
   */
  nextReminderAt: z.date().nullable().default(null),
  /**
   * The prompt went out with its token bound to this person (see store/answer-id.ts promptTag):
   * every click on it must carry the tag. Prompts sent before binding existed have none.
   */
  bound: z.boolean().default(false),
  /** After this the prompt takes no answers (exit surveys expire); null = when the round closes. */
  expiresAt: z.date().nullable().default(null),
  /** The person's values of the round's reportable attributes (issue #20), copied onto their answers until the round closes. */
  cut: z.array(z.string()).optional(),
});
export type DeliveryDoc = z.infer<typeof deliveryDocSchema>;

/**
 * The claim on one attempt to send a delivery: `_id` is `deliveryId#attempt`. A unique insert is
 * the one compare-and-set that is atomic on every MongoDB-protocol server (FerretDB applies a
 * filtered update as a read and a write, so two instances could both "win" a conditional update).
 * Kept until the round closes, so a process holding an old read can never take the same attempt.
 */
export interface SendLockDoc {
  readonly _id: string;
  readonly roundId: string;
  readonly at: Date;
}

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

export const EVENT_REQUEST_STATES = ['scheduled', 'sent', 'cancelled', 'expired'] as const;

/**
 * One survey prompt an event asked for (issue #18): a resignation (the exit survey), a first week,
 * a ticket closed. Identity side: it says who is asked and when, never what they answered. Its id
 * is `exitRequestId(person)` for the exit survey (one open per person, as HR asks for it) and
 * `eventRequestId(...)` for the others (one per event and step: the idempotency key).
 */
export const eventRequestDocSchema = z.object({
  _id: z.string().min(1),
  surveyId: z.string().min(1),
  personKey: z.string().min(1),
  /** The event that asked for it (`person.leaving`, `ticket.resolved`…). */
  event: z.string().min(1),
  /** Which delay of the trigger's series (0 for a single delay). */
  step: z.number().int().min(0).default(0),
  state: z.enum(EVENT_REQUEST_STATES),
  roundId: z.string().min(1),
  /** Who asked: an operator (`api:<key>`, a person key) or an event source (`source:<name>`, `pulsebot`). */
  requestedBy: z.string().min(1),
  /** The day it is sent, in the person's zone. */
  sendDate: z.iso.date(),
  sendAt: z.date(),
  expiresAt: z.date(),
  locale: localeSchema.nullable().default(null),
});
export type EventRequestDoc = z.infer<typeof eventRequestDocSchema>;

/** The exit survey's request of a person: one open at a time, so its id is the person's. */
export function exitRequestId(person: PersonKey): string {
  return `exit|${person}`;
}
