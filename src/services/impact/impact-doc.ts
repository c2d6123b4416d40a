import { z } from 'zod';
import type { Collection } from 'mongodb';
import type { PairSums } from '../../domain/insight/pair-sums.js';
import type { Database } from '../../store/database.js';

/**
 * What a closed pulse round keeps of the links between one prompt's answers (issue #20): for each
 * group visible when it closed and each scored question, the sums of (eNPS, answer) pairs. One
 * document per round (`impact_sums`, id = round id), read by id: FerretDB scans a collection for
 * any other filter. Parallel arrays, as FerretDB stores no nested arrays. Answer side: counts and
 * sums per group and question, nothing about people, no link.
 */
const SEP = '\u001f';
const numbers = z.array(z.number());

export const impactDocSchema = z
  .object({
    _id: z.string().min(1),
    /** `segment␟questionId`, one per stored figure. */
    keys: z.array(z.string()),
    n: z.array(z.number().int().min(1)),
    sx: numbers,
    sy: numbers,
    sxy: numbers,
    sxx: numbers,
    syy: numbers,
  })
  .refine((doc) => [doc.n, doc.sx, doc.sy, doc.sxy, doc.sxx, doc.syy].every((a) => a.length === doc.keys.length), 'arrays differ in length');
export type ImpactDoc = z.infer<typeof impactDocSchema>;

export const impactCollection = (database: Database): Collection<ImpactDoc> => database.db.collection<ImpactDoc>('impact_sums');

/** One stored figure: a group's pair sums for one scored question. */
export interface ImpactFigure {
  readonly segment: string;
  readonly questionId: string;
  readonly sums: PairSums;
}

export function toImpactDoc(roundId: string, figures: readonly ImpactFigure[]): ImpactDoc {
  return {
    _id: roundId,
    keys: figures.map((f) => `${f.segment}${SEP}${f.questionId}`),
    n: figures.map((f) => f.sums.n),
    sx: figures.map((f) => f.sums.sx),
    sy: figures.map((f) => f.sums.sy),
    sxy: figures.map((f) => f.sums.sxy),
    sxx: figures.map((f) => f.sums.sxx),
    syy: figures.map((f) => f.sums.syy),
  };
}

export function fromImpactDoc(doc: ImpactDoc): ImpactFigure[] {
  return doc.keys.map((key, i) => {
    const [segment = '', questionId = ''] = key.split(SEP);
    const at = (a: readonly number[]) => a[i] ?? 0;
    return { segment, questionId, sums: { n: at(doc.n), sx: at(doc.sx), sy: at(doc.sy), sxy: at(doc.sxy), sxx: at(doc.sxx), syy: at(doc.syy) } };
  });
}
