import type { MessageKey } from '../i18n/en.js';
import type { LikertQuestion, MultiQuestion, Question, TextQuestion } from '../question.js';
import { ENPS_QUESTION } from './enps.js';

export const EXIT_REASONS = ['leadership', 'environment', 'pay', 'growth', 'workload', 'role', 'relocation', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const EXIT_REASONS_QUESTION: MultiQuestion = {
  id: 'exit-reasons',
  kind: 'multi',
  textKey: 'exit.reasons',
  options: EXIT_REASONS.map((reason) => ({ value: reason, labelKey: `exit.reason.${reason}` as MessageKey })),
};

function rating(topic: 'leadership' | 'environment' | 'pay'): LikertQuestion {
  return { id: `exit-rate-${topic}`, kind: 'likert', labels: 'quality', textKey: `exit.rate.${topic}` };
}

const keep: TextQuestion = { id: 'exit-keep', kind: 'text', textKey: 'exit.keep' };
const comment: TextQuestion = { id: 'exit-comment', kind: 'text', textKey: 'exit.comment' };

/** The exit survey, in the order the leaver sees it. */
export const EXIT_SURVEY_QUESTIONS: readonly Question[] = [
  EXIT_REASONS_QUESTION,
  rating('leadership'),
  rating('environment'),
  rating('pay'),
  ENPS_QUESTION,
  keep,
  comment,
];
