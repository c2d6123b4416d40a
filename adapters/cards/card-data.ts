import { z } from 'zod';
import type { RawAnswer } from '../../src/domain/answer.js';
import type { MessageKey } from '../../src/domain/i18n/en.js';
import { QUESTION_ID_PATTERN, type Question } from '../../src/domain/question.js';

export const ANSWER_VERB = 'pulse.answer';
export const REFRESH_VERB = 'pulse.refresh';

/**
 * What every card action carries: the round and the prompt's random token (never stored by us).
 * The question's input value comes back next to it under `a-<question id>`.
 */
export interface CardLink {
  readonly r: string;
  readonly t: string;
  /** The token's recipient tag (absent on cards sent before tokens were bound). */
  readonly g?: string;
}

export const inputId = (questionId: string) => `a-${questionId}`;

const linkSchema = z.object({
  r: z.string().min(1).max(120),
  t: z.uuid(),
  g: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,43}$/)
    .optional(),
});
const answerSchema = linkSchema.extend({ q: z.string().regex(QUESTION_ID_PATTERN) });

export type AnswerData = z.infer<typeof answerSchema> & { readonly raw: string | undefined };

/** Reads an answer action's data; null for anything malformed or forged-looking. */
export function parseAnswerData(data: unknown): AnswerData | null {
  const parsed = answerSchema.safeParse(data);
  if (!parsed.success) return null;
  const raw = (data as Record<string, unknown>)[inputId(parsed.data.q)];
  if (raw !== undefined && (typeof raw !== 'string' || raw.length > 4000)) return null;
  return { ...parsed.data, raw };
}

export function parseLink(data: unknown): CardLink | null {
  const parsed = linkSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** A card input's value as the answer service takes it (inputs always come back as strings). */
export function rawFor(question: Question | undefined, raw: string | undefined): RawAnswer {
  const value = raw ?? '';
  if (question?.kind === 'multi')
    return value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  return value;
}

const ANSWER_ERRORS: Partial<Record<string, MessageKey>> = {
  ROUND_CLOSED: 'ui.roundClosed',
  ROUND_NOT_FOUND: 'ui.roundClosed',
  INVALID_ANSWER: 'answer.invalid',
  UNKNOWN_QUESTION: 'answer.invalid',
  NOT_INVITED: 'answer.notInvited',
};

/** The note a card shows when recording an answer failed with the domain error `code`. */
export function answerErrorKey(code: string): MessageKey {
  return ANSWER_ERRORS[code] ?? 'answer.invalid';
}
