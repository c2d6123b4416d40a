import { z } from 'zod';

/**
 * Answer side: what was answered, never by whom. Ids are random UUIDs (never ObjectIds, which
 * embed a creation time); the only date is the round's; the segment is a reporting segment,
 * which passed the threshold when the round started.
 */

const uuid = z.uuid();
const isoDate = z.iso.date();

export const responseDocSchema = z.object({
  _id: uuid,
  roundId: z.string().min(1),
  roundDate: isoDate,
  questionId: z.string().min(1),
  segment: z.string().min(1),
  value: z.union([z.number(), z.string(), z.array(z.string())]),
  /**
   * While its round is open, a scored answer of a pulse carries its prompt's link key (issue #20):
   * HMAC(PULSE_SECRET, the prompt's token), the same for every answer of one prompt and never a
   * person. Closing the round sums the linked pairs per visible group (services/impact) and
   * rewrites the round's answers without it.
   */
  link: z.string().min(1).optional(),
  /**
   * While its round is open, the values of HR's reportable attributes its prompt was sent with
   * (issue #20), in the order of the round's `attribute_cells`. Closing the round counts answers
   * per single attribute (services/attribute-cuts) and rewrites the round's answers without it.
   */
  cut: z.array(z.string()).optional(),
});
export type ResponseDoc = z.infer<typeof responseDocSchema>;

export const commentDocSchema = z.object({
  _id: uuid,
  roundId: z.string().min(1),
  roundDate: isoDate,
  questionId: z.string().min(1),
  segment: z.string().min(1),
  text: z.string().min(1),
});
export type CommentDoc = z.infer<typeof commentDocSchema>;

/** Special counter values beside the answer values. */
export const COUNTER_ANSWERED = '_answered';
export const COUNTER_INVITED = '_invited';
export const COUNTER_RESPONDENTS = '_respondents';
/** The question id of the round-level counters (invited, respondents). */
export const ROUND_QUESTION = '_round';

/** Pre-aggregated counts: round × segment × question × value. Summaries read only these. */
export const counterDocSchema = z.object({
  _id: z.string().min(1),
  roundId: z.string().min(1),
  segment: z.string().min(1),
  questionId: z.string().min(1),
  value: z.string().min(1),
  n: z.number().int().min(0),
});
export type CounterDoc = z.infer<typeof counterDocSchema>;

export function counterId(roundId: string, segment: string, questionId: string, value: string): string {
  return `${roundId}|${segment}|${questionId}|${value}`;
}
