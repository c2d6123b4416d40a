import { visibleSegments } from '../../domain/anonymity/suppression.js';
import type { SegmentTree } from '../../domain/anonymity/segment-tree.js';
import { effectiveThresholds } from '../../domain/anonymity/thresholds.js';
import { addSums, pairOf, type PairSums } from '../../domain/insight/pair-sums.js';
import { ENPS_QUESTION } from '../../domain/templates/enps.js';
import { insertOnce } from '../../store/database.js';
import type { RoundDoc } from '../../store/documents/rounds.js';
import type { ServiceDeps } from '../deps.js';
import { treeOf } from '../results-counts.js';
import { roundQuestions } from '../round-questions.js';
import { impactCollection, toImpactDoc, type ImpactFigure } from './impact-doc.js';

/** Whether a round's scored answers are linked while it is open: pulses that ask eNPS. */
export function linksAnswers(round: Pick<RoundDoc, 'kind' | 'questionIds'>): boolean {
  return round.kind === 'pulse' && round.questionIds.includes(ENPS_QUESTION.id);
}

/** The questions whose answers are paired with eNPS: every scored one (1–5 and 0–10) but eNPS. */
export function pairedQuestions(round: RoundDoc): string[] {
  return roundQuestions(round)
    .filter((q) => (q.kind === 'likert' || q.kind === 'scale') && q.id !== ENPS_QUESTION.id)
    .map((q) => q.id);
}

function rollUpSums(tree: SegmentTree, own: ReadonlyMap<string, PairSums>): Map<string, PairSums> {
  const total = new Map<string, PairSums>();
  for (const [segment, sums] of own) {
    for (let at: string | null = tree.has(segment) ? segment : tree.root; at !== null; at = tree.parent(at)) {
      const before = total.get(at);
      total.set(at, before === undefined ? sums : addSums(before, sums));
    }
  }
  return total;
}

/**
 * The figures a round keeps: each question's pair sums rolled up the tree, for the groups whose
 * pair count passes `k` and the subtraction rule (`visibleSegments`), and no other.
 */
export function visibleImpactFigures(tree: SegmentTree, own: ReadonlyMap<string, ReadonlyMap<string, PairSums>>, k: number): ImpactFigure[] {
  const figures: ImpactFigure[] = [];
  for (const [questionId, bySegment] of own) {
    const rolled = rollUpSums(tree, bySegment);
    const counts = new Map([...rolled].map(([segment, sums]) => [segment, sums.n]));
    for (const segment of visibleSegments(tree, counts, k)) {
      const sums = rolled.get(segment);
      if (sums !== undefined) figures.push({ segment, questionId, sums });
    }
  }
  return figures.sort((a, b) => a.questionId.localeCompare(b.questionId) || a.segment.localeCompare(b.segment));
}

/**
 * At close, before the round's answers are rewritten without their links: pairs each prompt's
 * eNPS with its other scored answers, sums the pairs per group and question, keeps the sums of
 * the groups that may be shown (the threshold and the subtraction rule on the pairs' count, as
 * for every figure), and stores them in one document. The links themselves go with the rewrite
 * (store/keyed-order.ts). Idempotent: once the document exists it is never recomputed, so a close
 * resumed after a crash halfway through the rewrite cannot store sums of half the answers.
 */
export async function reduceImpactAtClose(deps: ServiceDeps, round: RoundDoc): Promise<number> {
  if (!linksAnswers(round)) return 0;
  const collection = impactCollection(deps.store.database);
  if ((await collection.countDocuments({ _id: round._id })) > 0) return 0;
  const paired = new Set(pairedQuestions(round));
  const prompts = new Map<string, { segment: string; values: Map<string, number> }>();
  const cursor = deps.store.database.collections.responses.find(
    { roundId: round._id, link: { $exists: true } },
    { projection: { _id: 0, link: 1, segment: 1, questionId: 1, value: 1 } },
  );
  for await (const doc of cursor) {
    if (typeof doc.link !== 'string' || typeof doc.value !== 'number') continue;
    const prompt = prompts.get(doc.link) ?? { segment: doc.segment, values: new Map<string, number>() };
    prompt.values.set(doc.questionId, doc.value);
    prompts.set(doc.link, prompt);
  }
  const own = new Map<string, Map<string, PairSums>>(); // question → segment → sums
  for (const { segment, values } of prompts.values()) {
    const x = values.get(ENPS_QUESTION.id);
    if (x === undefined) continue;
    for (const [questionId, y] of values) {
      if (!paired.has(questionId)) continue;
      const bySegment = own.get(questionId) ?? new Map<string, PairSums>();
      const before = bySegment.get(segment);
      bySegment.set(segment, before === undefined ? pairOf(x, y) : addSums(before, pairOf(x, y)));
      own.set(questionId, bySegment);
    }
  }
  const k = effectiveThresholds(round.anonymity, deps.settings.anonymity).minGroupSize;
  const figures = visibleImpactFigures(treeOf(round), own, k);
  await insertOnce(collection, toImpactDoc(round._id, figures));
  return figures.length;
}
