import { DRIVERS, type Driver } from '../drivers.js';
import type { MessageKey } from '../i18n/en.js';
import type { LikertQuestion, TextQuestion } from '../question.js';

/** How many statements the bank holds for each driver (keys `q.<driver>.<n>` in the catalogs, each noting its construct). */
const QUESTIONS_PER_DRIVER = 5;

function statement(driver: Driver, n: number): LikertQuestion<MessageKey> {
  return {
    id: `${driver}-${n}`,
    kind: 'likert',
    labels: 'agreement',
    driver,
    text: `q.${driver}.${n}` as MessageKey,
  };
}

function buildBank(count: (driver: Driver) => number): Record<Driver, readonly LikertQuestion<MessageKey>[]> {
  const bank = {} as Record<Driver, readonly LikertQuestion<MessageKey>[]>;
  for (const driver of DRIVERS) {
    bank[driver] = Array.from({ length: count(driver) }, (_, i) => statement(driver, i + 1));
  }
  return bank;
}

/** The engagement question bank: agreement statements, grouped by driver. */
export const ENGAGEMENT_BANK: Readonly<Record<Driver, readonly LikertQuestion<MessageKey>[]>> = buildBank(() => QUESTIONS_PER_DRIVER);

/**
 * The statements today's default pulse rotates through: the bank as it was before it grew (four
 * for management, three for every other driver), so an installation keeps asking the questions
 * its history was built on. Surveys HR writes may use the whole bank.
 */
export const PULSE_BANK: Readonly<Record<Driver, readonly LikertQuestion<MessageKey>[]>> = buildBank((driver) => (driver === 'management' ? 4 : 3));

/** The optional free-text question that closes every pulse. */
export const PULSE_COMMENT_QUESTION: TextQuestion<MessageKey> = { id: 'comment', kind: 'text', text: 'q.comment' };
