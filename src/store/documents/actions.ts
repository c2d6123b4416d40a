import { z } from 'zod';
import { ACTION_STATUSES, actionScoreSchema, actionWordsSchema } from '../../domain/action-plan.js';
import { DRIVERS } from '../../domain/drivers.js';

export type { ActionScore } from '../../domain/action-plan.js';

/**
 * An action a leader committed to (issue #19). Leader side, like the roles: it names its owner
 * (the leader, who is known) and the group, never anyone who answered.
 */
export const actionDocSchema = z.object({
  _id: z.string().min(1),
  surveyId: z.string().min(1),
  segment: z.string().min(1),
  driver: z.enum(DRIVERS).nullable(),
  words: actionWordsSchema,
  owner: z.string().min(1),
  dueDate: z.iso.date(),
  status: z.enum(ACTION_STATUSES),
  /** The day it was committed (the organisation's zone). */
  committedOn: z.iso.date(),
  /** The driver's score in the group when it was committed (null: no driver, or not shown then). */
  before: actionScoreSchema.nullable(),
  /** The group's "You said, we're doing" message: owed, being sent, sent, or off for this survey. */
  announcement: z.enum(['pending', 'sending', 'sent', 'off']),
  /** Rounds that asked the follow-up question (at most FOLLOW_UP_ROUNDS). */
  followUpRounds: z.array(z.string()),
  /** Set once FOLLOW_UP_ROUNDS rounds asked it (new rounds stop looking at it). */
  followUpsDone: z.boolean().optional(),
});
export type ActionDoc = z.infer<typeof actionDocSchema>;
