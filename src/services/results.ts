import { buildSegmentTree, type SegmentTree } from '../domain/anonymity/segment-tree.js';
import { rollUp, visibleSegments } from '../domain/anonymity/suppression.js';
import type { Driver } from '../domain/drivers.js';
import { change } from '../domain/metrics/change.js';
import { computeEnps, type Enps } from '../domain/metrics/enps.js';
import { summarizeLikert, type LikertSummary } from '../domain/metrics/likert.js';
import { questionById } from '../domain/templates/catalog.js';
import { ENPS_QUESTION } from '../domain/templates/enps.js';
import { COUNTER_ANSWERED, COUNTER_INVITED, COUNTER_RESPONDENTS, ROUND_QUESTION, type CounterDoc } from '../store/documents/answers.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';

export interface DriverResult extends LikertSummary {
  readonly driver: Driver;
  /** Change in mean since the previous round that asked this driver (both visible), else null. */
  readonly changeInMean: number | null;
}

export interface SegmentResult {
  readonly segment: string;
  readonly name: string | null;
  /** False: below the threshold (or hidden against subtraction); nothing else is filled in. */
  readonly visible: boolean;
  readonly invited: number | null;
  readonly respondents: number | null;
  readonly participationRate: number | null;
  readonly enps: Enps | null;
  readonly enpsChange: number | null;
  readonly drivers: readonly DriverResult[];
}

export interface RoundResults {
  readonly round: Pick<RoundDoc, '_id' | 'date' | 'state' | 'surveyId'>;
  readonly segments: readonly SegmentResult[];
}

/** Counts of one round, rolled up the segment tree, with what may be shown. */
interface RoundCounts {
  readonly round: RoundDoc;
  readonly shown: Set<string>;
  /** Per question: what may be shown (threshold + subtraction, on that question's own counts). */
  readonly shownFor: (questionId: string) => Set<string>;
  readonly count: (segment: string, questionId: string, value: string) => number;
}

function countRound(tree: SegmentTree, round: RoundDoc, counters: readonly CounterDoc[]): RoundCounts {
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
    let t = rolled.get(key);
    if (t === undefined) {
      t = rollUp(tree, own.get(key) ?? new Map());
      rolled.set(key, t);
    }
    return t;
  };
  const k = round.anonymity.minGroupSize;
  const shown = visibleSegments(tree, totals(ROUND_QUESTION, COUNTER_RESPONDENTS), k);
  const perQuestion = new Map<string, Set<string>>();
  return {
    round,
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
    count: (segment, questionId, value) => totals(questionId, value).get(segment) ?? 0,
  };
}

function enpsFor(c: RoundCounts, segment: string): Enps | null {
  if (!c.round.questionIds.includes(ENPS_QUESTION.id) || !c.shownFor(ENPS_QUESTION.id).has(segment)) return null;
  const counts: Record<number, number> = {};
  for (let v = 0; v <= 10; v++) counts[v] = c.count(segment, ENPS_QUESTION.id, String(v));
  return computeEnps(counts);
}

function driversFor(c: RoundCounts, segment: string): Map<Driver, LikertSummary> {
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
function segmentsInScope(tree: SegmentTree, scope: 'all' | readonly string[]): string[] {
  const roots = scope === 'all' ? [tree.root] : scope.filter((s) => tree.has(s));
  return [...new Set(roots.flatMap((root) => tree.subtree(root)))];
}

/**
 * Results of a survey's latest closed round for the segments in
 * `scope`, with changes against the round before. Reads only counters. A segment below the
 * threshold, or hidden so it cannot be found by subtraction, comes back with `visible: false`
 * and no numbers at all.
 */
export async function roundResults(deps: ServiceDeps, surveyId: string, scope: 'all' | readonly string[]): Promise<RoundResults | null> {
  const rounds = await deps.store.rounds.latestClosed(surveyId, 2);
  const [current, previous] = rounds;
  if (current === undefined) return null;
  // Each round is judged on the tree it ran with; the list shown follows the latest round's.
  const treeOf = (round: RoundDoc): SegmentTree => buildSegmentTree(Object.entries(round.segmentParents).map(([id, parentId]) => ({ id, parentId })));
  const tree = treeOf(current);
  const names = new Map((await deps.store.segments.all()).map((s) => [s._id, s.name]));
  const counters = await deps.store.counters.forRounds(rounds.map((r) => r._id));
  const now = countRound(tree, current, counters.filter((c) => c.roundId === current._id));
  const before = previous ? countRound(treeOf(previous), previous, counters.filter((c) => c.roundId === previous._id)) : null;

  const segments = segmentsInScope(tree, scope).map((segment): SegmentResult => {
    if (!now.shown.has(segment)) {
      return { segment, name: names.get(segment) ?? null, visible: false, invited: null, respondents: null, participationRate: null, enps: null, enpsChange: null, drivers: [] };
    }
    const invited = now.count(segment, ROUND_QUESTION, COUNTER_INVITED);
    const respondents = now.count(segment, ROUND_QUESTION, COUNTER_RESPONDENTS);
    const enps = enpsFor(now, segment);
    const previousEnps = before && before.shown.has(segment) ? enpsFor(before, segment) : null;
    const previousDrivers = before && before.shown.has(segment) ? driversFor(before, segment) : new Map<Driver, LikertSummary>();
    const drivers = [...driversFor(now, segment)].map(([driver, summary]) => ({
      driver,
      ...summary,
      changeInMean: change(summary.mean, previousDrivers.get(driver)?.mean),
    }));
    return {
      segment,
      name: names.get(segment) ?? null,
      visible: true,
      invited,
      respondents,
      participationRate: invited > 0 ? (respondents / invited) * 100 : null,
      enps,
      enpsChange: change(enps?.score, previousEnps?.score),
      drivers,
    };
  });
  return { round: { _id: current._id, date: current.date, state: current.state, surveyId: current.surveyId }, segments };
}
