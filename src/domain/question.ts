import type { Driver } from './drivers.js';
import type { MessageKey } from './i18n/en.js';
import type { Locale } from './i18n/locale.js';

/** A text written out in every language pulsebot speaks (a snapshot of HR's own words, fallbacks filled in). */
export type LocalizedTexts = { readonly [L in Locale]: string };

/**
 * What a question says: a catalog key for the built-in bank, or HR's own words (issue #17),
 * snapshotted into the round that asks them.
 */
export type Wording = MessageKey | LocalizedTexts;

/** A labelled answer option of a choice or multi-select question. */
export interface QuestionOption<W extends Wording = Wording> {
  readonly value: string;
  readonly label: W;
}

interface QuestionBase<W extends Wording> {
  /** Stable id, also the key under which answers are counted. Letters, digits, `-` and `_`. */
  readonly id: string;
  readonly text: W;
  /** The engagement driver this question measures, if any (eNPS and exit questions have none). */
  readonly driver?: Driver;
}

/**
 * A free-text question asked in place, on the same prompt, only of someone whose answer to a
 * scored question is at or below `atOrBelow` ("What would make this better?").
 */
export interface FollowUp<W extends Wording = Wording> {
  readonly atOrBelow: number;
  readonly text: W;
}

/** 0–10 buttons; eNPS is a scale question. */
export interface ScaleQuestion<W extends Wording = Wording> extends QuestionBase<W> {
  readonly kind: 'scale';
  readonly low: W;
  readonly high: W;
  readonly followUp?: FollowUp<W>;
}

/** 1–5 labelled buttons; 4 and 5 count as favourable. */
export interface LikertQuestion<W extends Wording = Wording> extends QuestionBase<W> {
  readonly kind: 'likert';
  readonly labels: 'agreement' | 'quality';
  readonly followUp?: FollowUp<W>;
}

export interface ChoiceQuestion<W extends Wording = Wording> extends QuestionBase<W> {
  readonly kind: 'choice';
  readonly options: readonly QuestionOption<W>[];
  /** A yes/no question (options `yes` and `no`): reported as shares. */
  readonly yesno?: true;
}

export interface MultiQuestion<W extends Wording = Wording> extends QuestionBase<W> {
  readonly kind: 'multi';
  readonly options: readonly QuestionOption<W>[];
}

/** Optional free text, stored as an anonymous comment. */
export interface TextQuestion<W extends Wording = Wording> extends QuestionBase<W> {
  readonly kind: 'text';
}

export type Question<W extends Wording = Wording> = ScaleQuestion<W> | LikertQuestion<W> | ChoiceQuestion<W> | MultiQuestion<W> | TextQuestion<W>;
export type QuestionKind = Question['kind'];
/** A built-in question: every text a catalog key. */
export type BuiltinQuestion = Question<MessageKey>;

/**
 * Every question id a prompt may carry: the bank's (`growth-1`), HR's own (lowercase letters,
 * digits, `-` and `_`), and a follow-up's (`<id>.followup`).
 */
export const QUESTION_ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,79}$/;

export const LIKERT_VALUES = [1, 2, 3, 4, 5] as const;
export const SCALE_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const MAX_COMMENT_LENGTH = 2000;

/** The catalog key of a Likert step label, e.g. `likert.agreement.4`. */
export function likertLabel(question: LikertQuestion, value: (typeof LIKERT_VALUES)[number]): MessageKey {
  return `likert.${question.labels}.${value}`;
}

/** A wording in `locale`: HR's words as snapshotted, or the catalog's through `t`. */
export function worded(wording: Wording, locale: Locale, t: (key: MessageKey) => string): string {
  return typeof wording === 'string' ? t(wording) : wording[locale];
}

const FOLLOW_UP_SUFFIX = '.followup';

/** The id a scored question's follow-up is answered and counted under (HR's ids cannot contain a dot). */
export function followUpId(parentId: string): string {
  return `${parentId}${FOLLOW_UP_SUFFIX}`;
}

/** The parent question id of a follow-up id, or null for any other id. */
export function followUpParent(id: string): string | null {
  return id.endsWith(FOLLOW_UP_SUFFIX) ? id.slice(0, -FOLLOW_UP_SUFFIX.length) : null;
}

/** A scored question's follow-up as the text question it is asked as, or null when it has none. */
export function followUpQuestion(question: Question): TextQuestion | null {
  if ((question.kind !== 'likert' && question.kind !== 'scale') || question.followUp === undefined) return null;
  return { id: followUpId(question.id), kind: 'text', text: question.followUp.text };
}

/** Whether `value` (as clicked) is an answer to `question` that asks its follow-up. */
export function asksFollowUp(question: Question | undefined, value: unknown): boolean {
  if (question === undefined || (question.kind !== 'likert' && question.kind !== 'scale') || question.followUp === undefined) return false;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n <= question.followUp.atOrBelow;
}

/** The question type HR's documents and the results API name (`agreement`, `enps`, `yesno`…). */
export type QuestionType = 'agreement' | 'scale' | 'enps' | 'choice' | 'multi' | 'yesno' | 'text';

export function questionType(question: Question): QuestionType {
  switch (question.kind) {
    case 'scale':
      return question.id === 'enps' ? 'enps' : 'scale';
    case 'likert':
      return 'agreement';
    case 'choice':
      return question.yesno === true ? 'yesno' : 'choice';
    default:
      return question.kind;
  }
}
