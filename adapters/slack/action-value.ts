import { z } from 'zod';
import { QUESTION_ID_PATTERN } from '../../src/domain/question.js';

/** Action ids the bot's messages use; handlers match on them. */
export const ACTIONS = {
  answer: /^pulse:answer:/,
  submitMulti: /^pulse:multi-submit:/,
  multiBox: /^pulse:multi:/,
  openComment: /^pulse:comment:/,
  openReplies: /^pulse:replies:/,
} as const;

export const COMMENT_VIEW_CALLBACK = 'pulse:comment-view';
export const REPLIES_VIEW_CALLBACK = 'pulse:replies-view';
export const PROMPT_EVENT_TYPE = 'pulsebot_prompt';

/**
 * What a button carries: the round, the prompt's random token (never stored by us), the
 * question, and for answer buttons the value. Short keys keep it far under Slack's 2,000 chars.
 */
export const actionValueSchema = z.object({
  r: z.string().min(1).max(120),
  t: z.uuid(),
  q: z.string().regex(QUESTION_ID_PATTERN),
  v: z.union([z.number().int().min(0).max(10), z.string().max(64)]).optional(),
  /** The token's recipient tag (absent on prompts sent before tokens were bound). */
  g: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,43}$/)
    .optional(),
});
export type ActionValue = z.infer<typeof actionValueSchema>;

export function encodeActionValue(value: ActionValue): string {
  return JSON.stringify(value);
}

/** Parses a button value; null for anything malformed or forged-looking. */
export function decodeActionValue(raw: unknown): ActionValue | null {
  if (typeof raw !== 'string' || raw.length > 2000) return null;
  try {
    const parsed = actionValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The comment modal's private_metadata: the answer link plus where the prompt message is. */
export const commentMetadataSchema = actionValueSchema.extend({
  channel: z.string().min(1).max(64),
  ts: z.string().min(1).max(64),
  /** The follow-ups the prompt message showed, and those answered (see follow-ups.ts): its state, carried through the modal. */
  f: z.array(z.string().regex(QUESTION_ID_PATTERN)).max(30).optional(),
  fa: z.array(z.string().regex(QUESTION_ID_PATTERN)).max(30).optional(),
});
export type CommentMetadata = z.infer<typeof commentMetadataSchema>;

/** The replies modal's private_metadata: the prompt's link and the comment the thread is on. */
export const repliesMetadataSchema = actionValueSchema.extend({ c: z.uuid() });
export type RepliesMetadata = z.infer<typeof repliesMetadataSchema>;
