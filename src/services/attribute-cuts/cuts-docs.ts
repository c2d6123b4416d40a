import type { Collection } from 'mongodb';
import { z } from 'zod';
import type { Combination } from '../../domain/anonymity/attribute-cuts.js';
import type { Database } from '../../store/database.js';
import { COUNTER_RESPONDENTS, ROUND_QUESTION } from '../../store/documents/answers.js';

/**
 * What a round keeps to cut its results by HR's attributes (issue #20). Two documents per round,
 * both read by id (FerretDB scans a collection for any other filter), parallel arrays (it stores
 * no nested arrays):
 *
 * - `attribute_cells` (operations side), written when the round fans out: the reportable
 *   attributes, the values invited by at least `k` people (the others are folded into OTHER_VALUE,
 *   as small teams are filed under their department), and which (reporting group, values…)
 *   combinations hold an invited person. A set: no counts, no answers.
 * - `attribute_counts` (answer side), written when the round closes: per attribute, value,
 *   question and answer value, how many answers; never per combination of attributes.
 */
export const SEP = '\u001f';
/** The value of people whose own value was invited by fewer than k people. */
export const OTHER_VALUE = '\u001eother';
/** The question id and answer of a value's respondent count. */
export const RESPONDENTS_KEY = [ROUND_QUESTION, COUNTER_RESPONDENTS] as const;

export const cellsDocSchema = z.object({
  _id: z.string().min(1),
  attributes: z.array(z.string().min(1)),
  /** `attribute␟value` for each value invited by at least k people. */
  kept: z.array(z.string()),
  /** `segment␟value…` (values in `attributes`' order, '' for none, small ones as OTHER_VALUE). */
  combos: z.array(z.string()),
});
export type CellsDoc = z.infer<typeof cellsDocSchema>;

export const countsDocSchema = z
  .object({
    _id: z.string().min(1),
    /** `attribute␟value␟questionId␟answer`. */
    keys: z.array(z.string()),
    n: z.array(z.number().int().min(1)),
  })
  .refine((doc) => doc.keys.length === doc.n.length, 'keys and n differ in length');
export type CountsDoc = z.infer<typeof countsDocSchema>;

export const cellsCollection = (database: Database): Collection<CellsDoc> => database.db.collection<CellsDoc>('attribute_cells');
export const countsCollection = (database: Database): Collection<CountsDoc> => database.db.collection<CountsDoc>('attribute_counts');

export function combinationsOf(doc: CellsDoc): Combination[] {
  return doc.combos.map((combo) => combo.split(SEP) as unknown as Combination);
}

/** Attribute → kept values. */
export function keptValues(doc: CellsDoc): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>(doc.attributes.map((a) => [a, new Set<string>()]));
  for (const entry of doc.kept) {
    const at = entry.indexOf(SEP);
    out.get(entry.slice(0, at))?.add(entry.slice(at + 1));
  }
  return out;
}

/** One stored count. */
export interface AttributeCount {
  readonly attribute: string;
  readonly value: string;
  readonly questionId: string;
  readonly answer: string;
  readonly n: number;
}

export function toCountsDoc(roundId: string, counts: readonly AttributeCount[]): CountsDoc {
  const sorted = [...counts].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return { _id: roundId, keys: sorted.map(keyOf), n: sorted.map((c) => c.n) };
}

function keyOf(c: Omit<AttributeCount, 'n'>): string {
  return [c.attribute, c.value, c.questionId, c.answer].join(SEP);
}

export function fromCountsDoc(doc: CountsDoc): AttributeCount[] {
  return doc.keys.map((key, i) => {
    const [attribute = '', value = '', questionId = '', answer = ''] = key.split(SEP);
    return { attribute, value, questionId, answer, n: doc.n[i] ?? 0 };
  });
}
