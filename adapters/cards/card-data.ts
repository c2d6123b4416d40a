import { z } from 'zod';
import type { RawAnswer } from '../../src/domain/answer.js';
import type { MessageKey } from '../../src/domain/i18n/en.js';
import type { FollowUpState } from '../../src/domain/follow-up-state.js';
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
  /** The follow-ups the card shows (comma-separated parent ids) and those answered: the card's own state, never stored. */
  readonly f?: string;
  readonly fa?: string;
  /**
   * On a question's action: the questions the card shows answered (comma-separated), so that the
   * card drawn after this answer needs no ledger read (issue #21); absent on older cards.
   */
  readonly an?: string;
}

export const inputId = (questionId: string) => `a-${questionId}`;

const idList = z
  .string()
  .max(2500)
  .refine((list) => list === '' || list.split(',').every((id) => QUESTION_ID_PATTERN.test(id)))
  .optional();

const linkSchema = z.object({
  r: z.string().min(1).max(120),
  t: z.uuid(),
  g: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,43}$/)
    .optional(),
  f: idList,
  fa: idList,
  an: idList,
});

const ids = (list: string | undefined): Set<string> => new Set(list === undefined || list === '' ? [] : list.split(','));

/** The follow-up state a card's action carries. */
export function followUpsOf(link: Pick<CardLink, 'f' | 'fa'>): FollowUpState {
  return { shown: ids(link.f), answered: ids(link.fa) };
}

/** The questions a card's action says the card shows answered; null on a card from before it said. */
export function shownAnsweredOf(link: Pick<CardLink, 'an'>): ReadonlySet<string> | null {
  return link.an === undefined ? null : ids(link.an);
}

/** The link fields that carry a follow-up state (none when nothing is shown). */
export function followUpFields(state: FollowUpState): Pick<CardLink, 'f' | 'fa'> {
  return state.shown.size === 0 ? {} : { f: [...state.shown].join(','), fa: [...state.answered].join(',') };
}
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
