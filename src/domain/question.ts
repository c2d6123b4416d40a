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

/** 0–10 buttons; eNPS is a scale question. */
export interface ScaleQuestion<W extends Wording = Wording> extends QuestionBase<W> {
  readonly kind: 'scale';
  readonly low: W;
  readonly high: W;
}

/** 1–5 labelled buttons; 4 and 5 count as favourable. */
export interface LikertQuestion<W extends Wording = Wording> extends QuestionBase<W> {
  readonly kind: 'likert';
  readonly labels: 'agreement' | 'quality';
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
