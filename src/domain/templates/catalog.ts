import { DRIVERS } from '../drivers.js';
import type { BuiltinQuestion } from '../question.js';
import { ENGAGEMENT_BANK, PULSE_COMMENT_QUESTION } from './engagement-bank.js';
import { ENPS_QUESTION } from './enps.js';
import { EXIT_SURVEY_QUESTIONS } from './exit-survey.js';

/** Every built-in question by id, so a stored round can name its questions by id alone. */
export const QUESTIONS: ReadonlyMap<string, BuiltinQuestion> = new Map(
  [ENPS_QUESTION, PULSE_COMMENT_QUESTION, ...DRIVERS.flatMap((driver) => ENGAGEMENT_BANK[driver]), ...EXIT_SURVEY_QUESTIONS].map((question) => [
    question.id,
    question,
  ]),
);

export function questionById(id: string): BuiltinQuestion | undefined {
  return QUESTIONS.get(id);
}
