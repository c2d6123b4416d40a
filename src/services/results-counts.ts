import { buildSegmentTree, type SegmentTree } from '../domain/anonymity/segment-tree.js';
import { rollUp, visibleSegments } from '../domain/anonymity/suppression.js';
import { effectiveThresholds, type AnonymitySettings } from '../domain/anonymity/thresholds.js';
import type { Driver } from '../domain/drivers.js';
import { computeEnps, type Enps } from '../domain/metrics/enps.js';
import { summarizeLikert, type LikertSummary } from '../domain/metrics/likert.js';
import { questionById } from '../domain/templates/catalog.js';
import { ENPS_QUESTION } from '../domain/templates/enps.js';
import { COUNTER_ANSWERED, COUNTER_RESPONDENTS, ROUND_QUESTION, type CounterDoc } from '../store/documents/answers.js';
import type { RoundDoc } from '../store/documents/rounds.js';

/** Counts of one round, rolled up the segment tree it ran with, with what may be shown. */
export interface RoundCounts {
  readonly round: RoundDoc;
  readonly tree: SegmentTree;
  /** The thresholds applied: the stricter of the round's and today's (see `effectiveThresholds`). */
  readonly thresholds: AnonymitySettings;
  /** Segments whose scores may be shown (threshold + subtraction on respondents). */
  readonly shown: ReadonlySet<string>;
  /** Per question: what may be shown (threshold + subtraction, on that question's own counts). */
  readonly shownFor: (questionId: string) => ReadonlySet<string>;
  /** Segments whose comments may be shown: the comment threshold + subtraction, and scores shown. */
  readonly commentsShown: () => ReadonlySet<string>;
  readonly count: (segment: string, questionId: string, value: string) => number;
}

export function treeOf(round: RoundDoc): SegmentTree {
  return buildSegmentTree(Object.entries(round.segmentParents).map(([id, parentId]) => ({ id, parentId })));
}

/**
 * Rolls a round's counters up its own segment tree and works out what may be shown, judged by the
 * stricter of the round's thresholds and `current` (today's settings).
 */
export function countRound(round: RoundDoc, counters: readonly CounterDoc[], current: AnonymitySettings): RoundCounts {
  const tree = treeOf(round);
  // question → value → segment → n (own counts), rolled up the tree on first use.
  const own = new Map<string, Map<string, Map<string, number>>>();
  for (const c of counters) {
    const byValue = own.get(c.questionId) ?? new Map<string, Map<string, number>>();
    own.set(c.questionId, byValue);
    const bySegment = byValue.get(c.value) ?? new Map<string, number>();
    byValue.set(c.value, bySegment);
    bySegment.set(c.segment, (bySegment.get(c.segment) ?? 0) + c.n);
  }
  const rolled = new Map<string, Map<string, Map<string, number>>>();
  const empty = new Map<string, number>();
  const totals = (questionId: string, value: string): Map<string, number> => {
    let byValue = rolled.get(questionId);
    if (byValue === undefined) {
      byValue = new Map();
      rolled.set(questionId, byValue);
    }
    let t = byValue.get(value);
    if (t === undefined) {
      t = rollUp(tree, own.get(questionId)?.get(value) ?? empty);
      byValue.set(value, t);
    }
    return t;
  };
  const thresholds = effectiveThresholds(round.anonymity, current);
  const { minGroupSize: k, minCommentGroupSize: kComments } = thresholds;
  const respondents = totals(ROUND_QUESTION, COUNTER_RESPONDENTS);
  const shown = visibleSegments(tree, respondents, k);
  const perQuestion = new Map<string, Set<string>>();
  let comments: Set<string> | null = null;
  return {
    round,
    tree,
    thresholds,
    shown,
    shownFor: (questionId) => {
      let s = perQuestion.get(questionId);
      if (s === undefined) {
        const q = visibleSegments(tree, totals(questionId, COUNTER_ANSWERED), k);
        s = new Set([...q].filter((segment) => shown.has(segment)));
        perQuestion.set(questionId, s);
      }
      return s;
    },
    commentsShown: () => {
      comments ??= new Set([...visibleSegments(tree, respondents, kComments)].filter((segment) => shown.has(segment)));
      return comments;
    },
    count: (segment, questionId, value) => totals(questionId, value).get(segment) ?? 0,
  };
}

/** eNPS of a segment in a round, or null when not asked or not shown. */
export function enpsFor(c: RoundCounts, segment: string): Enps | null {
  if (!c.round.questionIds.includes(ENPS_QUESTION.id) || !c.shownFor(ENPS_QUESTION.id).has(segment)) return null;
  const counts: Record<number, number> = {};
  for (let v = 0; v <= 10; v++) counts[v] = c.count(segment, ENPS_QUESTION.id, String(v));
  return computeEnps(counts);
}

/**
 * Driver scores of a segment in a round. A driver with any of its questions hidden is left out
 * whole: showing the rest would let a hidden question be worked out from the driver's total.
 */
export function driversFor(c: RoundCounts, segment: string): Map<Driver, LikertSummary> {
  const byDriver = new Map<Driver, Record<number, number>>();
  const hidden = new Set<Driver>();
  for (const id of c.round.questionIds) {
    const question = questionById(id);
    if (question?.kind !== 'likert' || question.driver === undefined) continue;
    if (!c.shownFor(id).has(segment)) {
      hidden.add(question.driver);
      continue;
    }
    const counts = byDriver.get(question.driver) ?? {};
    for (let v = 1; v <= 5; v++) counts[v] = (counts[v] ?? 0) + c.count(segment, id, String(v));
    byDriver.set(question.driver, counts);
  }
  const out = new Map<Driver, LikertSummary>();
  for (const [driver, counts] of byDriver) {
    const summary = hidden.has(driver) ? null : summarizeLikert(counts);
    if (summary !== null) out.set(driver, summary);
  }
  return out;
}

/** Segments in `scope` (roots and everything below), in tree order. */
export function segmentsInScope(tree: SegmentTree, scope: 'all' | readonly string[]): string[] {
  const roots = scope === 'all' ? [tree.root] : scope.filter((s) => tree.has(s));
  return [...new Set(roots.flatMap((root) => tree.subtree(root)))];
}
