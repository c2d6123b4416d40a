import type { SegmentTree } from '../domain/anonymity/segment-tree.js';
import { rollUp, visibleSegments } from '../domain/anonymity/suppression.js';
import { computeEnps, type Enps } from '../domain/metrics/enps.js';
import { summarizeLikert, type LikertSummary } from '../domain/metrics/likert.js';
import { COUNTER_ANSWERED, COUNTER_RESPONDENTS, ROUND_QUESTION, type CounterDoc } from '../store/documents/answers.js';

/**
 * Counters of one round, or of several pooled rounds, rolled up a segment tree, with what may be
 * shown: a segment is shown only when its respondents reach `k` and it cannot be worked out by
 * subtraction (see `visibleSegments`); each question is judged again on its own answer count.
 */
export interface SliceCounts {
  readonly tree: SegmentTree;
  /** Segments whose respondents may be shown. */
  readonly shown: ReadonlySet<string>;
  /** Segments where `questionId` may be shown (a subset of `shown`). */
  shownFor(questionId: string): ReadonlySet<string>;
  /** Rolled-up count of `value` for `questionId` in `segment` and everything below it. */
  count(segment: string, questionId: string, value: string): number;
  /** Respondents by segment, rolled up (what `shown` was judged on). */
  respondents(): ReadonlyMap<string, number>;
}

export function countSlices(tree: SegmentTree, counters: readonly CounterDoc[], k: number): SliceCounts {
  const own = new Map<string, Map<string, number>>(); // `question|value` → segment → n
  for (const c of counters) {
    const key = `${c.questionId}|${c.value}`;
    const bySegment = own.get(key) ?? new Map<string, number>();
    bySegment.set(c.segment, (bySegment.get(c.segment) ?? 0) + c.n);
    own.set(key, bySegment);
  }
  const rolled = new Map<string, Map<string, number>>();
  const totals = (questionId: string, value: string): Map<string, number> => {
    const key = `${questionId}|${value}`;
    let total = rolled.get(key);
    if (total === undefined) {
      total = rollUp(tree, own.get(key) ?? new Map());
      rolled.set(key, total);
    }
    return total;
  };
  const respondents = totals(ROUND_QUESTION, COUNTER_RESPONDENTS);
  const shown = visibleSegments(tree, respondents, k);
  const perQuestion = new Map<string, Set<string>>();
  return {
    tree,
    shown,
    shownFor(questionId) {
      let set = perQuestion.get(questionId);
      if (set === undefined) {
        const byAnswers = visibleSegments(tree, totals(questionId, COUNTER_ANSWERED), k);
        set = new Set([...byAnswers].filter((segment) => shown.has(segment)));
        perQuestion.set(questionId, set);
      }
      return set;
    },
    count: (segment, questionId, value) => totals(questionId, value).get(segment) ?? 0,
    respondents: () => respondents,
  };
}

/** eNPS of a 0–10 question in `segment`, or null when it may not be shown. */
export function sliceEnps(slices: SliceCounts, segment: string, questionId: string): Enps | null {
  if (!slices.shownFor(questionId).has(segment)) return null;
  const counts: Record<number, number> = {};
  for (let v = 0; v <= 10; v++) counts[v] = slices.count(segment, questionId, String(v));
  return computeEnps(counts);
}

/** Mean and % favourable of a 1–5 question in `segment`, or null when it may not be shown. */
export function sliceLikert(slices: SliceCounts, segment: string, questionId: string): LikertSummary | null {
  if (!slices.shownFor(questionId).has(segment)) return null;
  const counts: Record<number, number> = {};
  for (let v = 1; v <= 5; v++) counts[v] = slices.count(segment, questionId, String(v));
  return summarizeLikert(counts);
}
