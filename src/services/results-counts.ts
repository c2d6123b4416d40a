import { buildSegmentTree, type SegmentTree } from '../domain/anonymity/segment-tree.js';
import { visibleSegments } from '../domain/anonymity/suppression.js';
import { effectiveThresholds, type AnonymitySettings } from '../domain/anonymity/thresholds.js';
import type { Driver } from '../domain/drivers.js';
import { computeEnps, type Enps } from '../domain/metrics/enps.js';
import { summarizeLikert, type LikertSummary } from '../domain/metrics/likert.js';
import { roundQuestion } from './round-questions.js';
import { ENPS_QUESTION } from '../domain/templates/enps.js';
import type { CounterDoc } from '../store/documents/answers.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import { countSlices, type SliceCounts } from './slice-counts.js';

/** Counts of one round, rolled up the segment tree it ran with, with what may be shown. */
export interface RoundCounts extends SliceCounts {
  readonly round: RoundDoc;
  /** The thresholds applied: the stricter of the round's and today's (see `effectiveThresholds`). */
  readonly thresholds: AnonymitySettings;
  /** Segments whose comments may be shown: the comment threshold + subtraction, and scores shown. */
  readonly commentsShown: () => ReadonlySet<string>;
}

export function treeOf(round: RoundDoc): SegmentTree {
  return buildSegmentTree(Object.entries(round.segmentParents).map(([id, parentId]) => ({ id, parentId })));
}

/**
 * The one slicer with the one k rule: a round's counters rolled up its own segment tree, judged
 * by the stricter of the round's thresholds and `current` (today's settings). Every results
 * entry point (chat, summaries, App Home, dashboard, HR API, CSV) reads rounds through this.
 */
export function countRound(round: RoundDoc, counters: readonly CounterDoc[], current: AnonymitySettings): RoundCounts {
  const thresholds = effectiveThresholds(round.anonymity, current);
  const slices = countSlices(treeOf(round), counters, thresholds.minGroupSize);
  let comments: Set<string> | null = null;
  return {
    ...slices,
    round,
    thresholds,
    commentsShown: () => {
      comments ??= new Set(
        [...visibleSegments(slices.tree, slices.respondents(), thresholds.minCommentGroupSize)].filter((segment) => slices.shown.has(segment)),
      );
      return comments;
    },
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
    const question = roundQuestion(c.round, id);
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
