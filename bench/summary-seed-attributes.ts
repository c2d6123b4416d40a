import { TENURE_BANDS } from '../src/domain/people/attributes.js';
import { CellsTally } from '../src/services/attribute-cuts/cells-at-fan-out.js';
import {
  cellsCollection,
  countsCollection,
  keptValues,
  OTHER_VALUE,
  RESPONDENTS_KEY,
  toCountsDoc,
  type AttributeCount,
} from '../src/services/attribute-cuts/cuts-docs.js';
import type { Database } from '../src/store/database.js';
import { COUNTER_ANSWERED } from '../src/store/documents/answers.js';

/** The attributes every bench person has, all reportable (issue #20). */
export const BENCH_ATTRIBUTES = ['location', 'remote', 'tenure'] as const;
const CITIES = ['Oslo', 'Stockholm', 'Bergen', 'Gothenburg'] as const;

/** Person `i`'s values: locations and tenure bands spread within teams, remote work for a third. */
export function benchValues(i: number): string[] {
  return [
    CITIES[Math.floor(i / 3) % CITIES.length] ?? 'Oslo',
    i % 3 === 0 ? 'yes' : 'no',
    TENURE_BANDS[Math.floor(i / 2) % TENURE_BANDS.length] ?? '2_to_5_years',
  ];
}

/**
 * One closed round's attribute documents as fan-out and close leave them: the invited
 * combinations (through the fan-out's own tally) and the answers counted per single attribute.
 */
export async function seedAttributeRound(
  database: Database,
  roundId: string,
  k: number,
  invited: readonly { segment: string; values: readonly string[] }[],
  answers: readonly { values: readonly string[]; answers: ReadonlyMap<string, number> }[],
): Promise<void> {
  const tally = new CellsTally(BENCH_ATTRIBUTES, '2026-11-16');
  for (const person of invited) tally.add(person.segment, person.values);
  const cells = tally.doc(roundId, k);
  const kept = keptValues(cells);
  const counts = new Map<string, AttributeCount>();
  const bump = (attribute: string, value: string, questionId: string, answer: string) => {
    const key = `${attribute}|${value}|${questionId}|${answer}`;
    counts.set(key, { attribute, value, questionId, answer, n: (counts.get(key)?.n ?? 0) + 1 });
  };
  for (const respondent of answers) {
    BENCH_ATTRIBUTES.forEach((attribute, i) => {
      const raw = respondent.values[i] ?? '';
      const value = raw === '' || kept.get(attribute)?.has(raw) === true ? raw : OTHER_VALUE;
      bump(attribute, value, ...RESPONDENTS_KEY);
      for (const [questionId, answer] of respondent.answers) {
        bump(attribute, value, questionId, String(answer));
        bump(attribute, value, questionId, COUNTER_ANSWERED);
      }
    });
  }
  await cellsCollection(database).insertOne(cells);
  await countsCollection(database).insertOne(toCountsDoc(roundId, [...counts.values()]));
}
