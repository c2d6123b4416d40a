import { z } from 'zod';
import { anonymitySettingsSchema } from '../../domain/anonymity/thresholds.js';
import { questionSnapshotSchema } from '../../domain/question-snapshot.js';
import { surveyDefinitionSchema } from '../../domain/survey-definition.js';
import { surveyDocumentSchema } from '../../domain/survey-document.js';

export const surveyDocSchema = z.object({
  _id: z.string().min(1),
  /** What the scheduler runs: compiled from `document` for the surveys HR writes. */
  definition: surveyDefinitionSchema,
  /** The survey as HR wrote it (defaults filled in); null for the built-in pulse made at install. */
  document: surveyDocumentSchema.nullable().default(null),
  /** False while paused: no rounds open. */
  active: z.boolean().default(true),
  /** Archived: no more rounds, ever; results stay readable. */
  archived: z.boolean().default(false),
  updatedAt: z.date().nullable().default(null),
});
export type SurveyDoc = z.infer<typeof surveyDocSchema>;

export const ROUND_STATES = ['open', 'closing', 'closed'] as const;

export const roundDocSchema = z.object({
  /** `surveyId:YYYY-MM-DD`: a second fire of the same schedule finds the same round. */
  _id: z.string().min(1),
  surveyId: z.string().min(1),
  /** `pulse`: dated rounds for everyone; `exit` and `event`: prompts to one person at a time, pooled by quarter. */
  kind: z.enum(['pulse', 'exit', 'event']),
  /** Event-triggered rounds: which delay of the trigger's series this pool holds (0 for a single delay). */
  step: z.number().int().min(0).default(0),
  date: z.iso.date(),
  index: z.number().int().min(0),
  questionIds: z.array(z.string().min(1)).min(1),
  /**
   * HR's own questions of this round as they were asked (texts and options in every language):
   * editing the survey later never rewrites them. Built-in questions are named by id alone.
   */
  questions: z.array(questionSnapshotSchema).default([]),
  /**
   * Questions asked of some people only (an action's follow-up, issue #19): question id → the
   * reporting segments whose people are asked it. Absent: everyone is asked.
   */
  questionScopes: z.record(z.string(), z.array(z.string())).optional(),
  /** The name HR gave the survey, shown as the prompt's title; null: the built-in title of its kind. */
  surveyName: z.string().nullable().default(null),
  anonymity: anonymitySettingsSchema,
  opensAt: z.date(),
  closesAt: z.date(),
  state: z.enum(ROUND_STATES),
  /** Set once final counts are written at close, before the ledger is purged. */
  countsFinal: z.boolean().default(false),
  /**
   * The segment tree (segment → parent) as it was when the round started. Results of this round
   * are always computed on it, so a later change to the tree cannot turn "before" and "after"
   * into a subtraction that reveals a small group.
   */
  segmentParents: z.record(z.string(), z.string().nullable()).default({}),
  /**
   * Pooled (exit and event) rounds: the quarters pooled into this one so far (earlier quarters that stayed below the
   * threshold), and its own once it closes as a pool. Fixed when it closes.
   */
  pooledQuarters: z.array(z.string()).default([]),
  /** Pooled rounds: the round this quarter's answers were pooled into (it stayed below the threshold). */
  mergedInto: z.string().nullable().default(null),
  /** Set once the closed round's answers, comments and counters are stored in keyed-id order (see store/keyed-order.ts). */
  keyedOrder: z.boolean().default(false),
  /** Set once every recipient has a delivery, so a restarted fan-out knows where it stands. */
  fannedOut: z.boolean().default(false),
  /** Set once a closed round's webhook messages are stored (a sweep stores those a dead process missed). */
  announced: z.boolean().default(false),
  /** Opened by `/pulse send-now`: every prompt goes at once (also when a crashed fan-out resumes). */
  sendNow: z.boolean().default(false),
  /**
   * The attributes HR marked reportable when the round opened (issue #20), in the order each
   * prompt's values follow: fixed with the round, so a fan-out resumed after HR changed the list
   * still writes values in the round's order.
   */
  attributes: z.array(z.string().min(1)).default([]),
});
export type RoundDoc = z.infer<typeof roundDocSchema>;

export function roundId(surveyId: string, date: string): string {
  return `${surveyId}:${date}`;
}

/** Rounds whose answers pool by quarter (exit and other event-triggered surveys). */
export function isPooled(round: Pick<RoundDoc, 'kind'>): boolean {
  return round.kind !== 'pulse';
}
