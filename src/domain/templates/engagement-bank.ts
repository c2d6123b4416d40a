import { DRIVERS, type Driver } from '../drivers.js';
import type { MessageKey } from '../i18n/en.js';
import type { LikertQuestion, TextQuestion } from '../question.js';

/** How many statements the bank holds for each driver (keys `q.<driver>.<n>` in the catalogs). */
const QUESTIONS_PER_DRIVER: Record<Driver, number> = {
  recognition: 3,
  growth: 3,
  management: 4,
  peers: 3,
  wellness: 3,
  workload: 3,
  alignment: 3,
  autonomy: 3,
  satisfaction: 3,
  ambassadorship: 3,
};

function statement(driver: Driver, n: number): LikertQuestion {
  return {
    id: `${driver}-${n}`,
    kind: 'likert',
    labels: 'agreement',
    driver,
    textKey: `q.${driver}.${n}` as MessageKey,
  };
}

function buildBank(): Record<Driver, readonly LikertQuestion[]> {
  const bank = {} as Record<Driver, readonly LikertQuestion[]>;
  for (const driver of DRIVERS) {
    bank[driver] = Array.from({ length: QUESTIONS_PER_DRIVER[driver] }, (_, i) => statement(driver, i + 1));
  }
  return bank;
}

/** The engagement question bank: agreement statements, grouped by driver. */
export const ENGAGEMENT_BANK: Readonly<Record<Driver, readonly LikertQuestion[]>> = buildBank();

/** The optional free-text question that closes every pulse. */
export const PULSE_COMMENT_QUESTION: TextQuestion = { id: 'comment', kind: 'text', textKey: 'q.comment' };
