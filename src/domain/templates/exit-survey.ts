import type { MessageKey } from '../i18n/en.js';
import type { BuiltinQuestion, LikertQuestion, MultiQuestion, TextQuestion } from '../question.js';
import { ENPS_QUESTION } from './enps.js';

export const EXIT_REASONS = ['leadership', 'environment', 'pay', 'growth', 'workload', 'role', 'relocation', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const EXIT_REASONS_QUESTION: MultiQuestion<MessageKey> = {
  id: 'exit-reasons',
  kind: 'multi',
  text: 'exit.reasons',
  options: EXIT_REASONS.map((reason) => ({ value: reason, label: `exit.reason.${reason}` as MessageKey })),
};

function rating(topic: 'leadership' | 'environment' | 'pay'): LikertQuestion<MessageKey> {
  return { id: `exit-rate-${topic}`, kind: 'likert', labels: 'quality', text: `exit.rate.${topic}` };
}

const keep: TextQuestion<MessageKey> = { id: 'exit-keep', kind: 'text', text: 'exit.keep' };
const comment: TextQuestion<MessageKey> = { id: 'exit-comment', kind: 'text', text: 'exit.comment' };

/** The exit survey, in the order the leaver sees it. */
export const EXIT_SURVEY_QUESTIONS: readonly BuiltinQuestion[] = [
  EXIT_REASONS_QUESTION,
  rating('leadership'),
  rating('environment'),
  rating('pay'),
  ENPS_QUESTION,
  keep,
  comment,
];
