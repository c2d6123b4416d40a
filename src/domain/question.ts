import type { Driver } from './drivers.js';
import type { MessageKey } from './i18n/en.js';

/** A labelled answer option of a choice or multi-select question. */
export interface QuestionOption {
  readonly value: string;
  readonly labelKey: MessageKey;
}

interface QuestionBase {
  /** Stable id, also the key under which answers are counted. Letters, digits, `-` and `_`. */
  readonly id: string;
  readonly textKey: MessageKey;
  /** The engagement driver this question measures, if any (eNPS and exit questions have none). */
  readonly driver?: Driver;
}

/** 0–10 buttons; eNPS is a scale question. */
export interface ScaleQuestion extends QuestionBase {
  readonly kind: 'scale';
  readonly lowLabelKey: MessageKey;
  readonly highLabelKey: MessageKey;
}

/** 1–5 labelled buttons; 4 and 5 count as favourable. */
export interface LikertQuestion extends QuestionBase {
  readonly kind: 'likert';
  readonly labels: 'agreement' | 'quality';
}

export interface ChoiceQuestion extends QuestionBase {
  readonly kind: 'choice';
  readonly options: readonly QuestionOption[];
}

export interface MultiQuestion extends QuestionBase {
  readonly kind: 'multi';
  readonly options: readonly QuestionOption[];
}

/** Optional free text, stored as an anonymous comment. */
export interface TextQuestion extends QuestionBase {
  readonly kind: 'text';
}

export type Question = ScaleQuestion | LikertQuestion | ChoiceQuestion | MultiQuestion | TextQuestion;
export type QuestionKind = Question['kind'];

export const LIKERT_VALUES = [1, 2, 3, 4, 5] as const;
export const SCALE_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const MAX_COMMENT_LENGTH = 2000;

/** The catalog key of a Likert step label, e.g. `likert.agreement.4`. */
export function likertLabelKey(question: LikertQuestion, value: (typeof LIKERT_VALUES)[number]): MessageKey {
  return `likert.${question.labels}.${value}`;
}
