import { buildSegmentTree, type SegmentTree } from '../domain/anonymity/segment-tree.js';
import { effectiveThresholds } from '../domain/anonymity/thresholds.js';
import type { Driver } from '../domain/drivers.js';
import { DomainError } from '../domain/errors.js';
import { EXIT_SURVEY_ID } from '../domain/exit-schedule.js';
import type { Enps } from '../domain/metrics/enps.js';
import { summarizeLikert, type LikertSummary } from '../domain/metrics/likert.js';
import { questionById } from '../domain/templates/catalog.js';
import { ENPS_QUESTION } from '../domain/templates/enps.js';
import { COUNTER_INVITED, COUNTER_RESPONDENTS, ROUND_QUESTION } from '../store/documents/answers.js';
import { roundDocSchema, type RoundDoc } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';
import { exitResults, type ExitResults } from './exit-results.js';
import { resolveSegment } from './segment-ids.js';
import { countSlices, sliceEnps, type SliceCounts } from './slice-counts.js';

/**
 * Aggregated results for the HR API and the CSV export: every closed round of a survey in a date
 * range (or the exit pools), each slice judged by the thresholds and the subtraction rule on the
 * round's own segment tree. Hidden slices carry no numbers. Unlike `results.ts` (latest round,
 * for chat), this covers a range and leaves formatting to the caller.
 */

export interface DriverSlice extends LikertSummary {
  readonly driver: Driver;
}

export interface SegmentSlice {
  readonly segment: string;
  readonly name: string | null;
  readonly visible: boolean;
  readonly invited: number | null;
  readonly respondents: number | null;
  readonly participationRate: number | null;
  readonly enps: Enps | null;
  readonly drivers: readonly DriverSlice[];
}

export interface RoundSlices {
  readonly roundId: string;
  readonly date: string;
  readonly segments: readonly SegmentSlice[];
}

export interface ResultsQuery {
  readonly survey: string;
  /** Only this segment and those below it (visibility is still judged on the whole tree). */
  readonly segment?: string;
  /** ISO dates, inclusive: rounds dated in the range (exit: pools with a quarter in it). */
  readonly from?: string;
  readonly to?: string;
}

export type ResultsInRange =
  | { readonly kind: 'pulse'; readonly survey: string; readonly rounds: readonly RoundSlices[] }
  | { readonly kind: 'exit'; readonly survey: string; readonly exit: ExitResults };

function driverSlices(slices: SliceCounts, round: RoundDoc, segment: string): DriverSlice[] {
  const counts = new Map<Driver, Record<number, number>>();
  const hidden = new Set<Driver>();
  for (const id of round.questionIds) {
    const question = questionById(id);
    if (question?.kind !== 'likert' || question.driver === undefined) continue;
    if (!slices.shownFor(id).has(segment)) {
      hidden.add(question.driver);
      continue;
    }
    const byValue = counts.get(question.driver) ?? {};
    for (let v = 1; v <= 5; v++) byValue[v] = (byValue[v] ?? 0) + slices.count(segment, id, String(v));
    counts.set(question.driver, byValue);
  }
  const out: DriverSlice[] = [];
  for (const [driver, byValue] of counts) {
    const summary = hidden.has(driver) ? null : summarizeLikert(byValue);
    if (summary !== null) out.push({ driver, ...summary });
  }
  return out;
}

function roundSlices(round: RoundDoc, slices: SliceCounts, segments: readonly string[], names: ReadonlyMap<string, string>): RoundSlices {
  return {
    roundId: round._id,
    date: round.date,
    segments: segments.map((segment): SegmentSlice => {
      const name = names.get(segment) ?? null;
      if (!slices.shown.has(segment)) return { segment, name, visible: false, invited: null, respondents: null, participationRate: null, enps: null, drivers: [] };
      const invited = slices.count(segment, ROUND_QUESTION, COUNTER_INVITED);
      const respondents = slices.count(segment, ROUND_QUESTION, COUNTER_RESPONDENTS);
      return {
        segment,
        name,
        visible: true,
        invited,
        respondents,
        participationRate: invited > 0 ? (respondents / invited) * 100 : null,
        enps: round.questionIds.includes(ENPS_QUESTION.id) ? sliceEnps(slices, segment, ENPS_QUESTION.id) : null,
        drivers: driverSlices(slices, round, segment),
      };
    }),
  };
}

/** Results of `query`. Throws UNKNOWN_SURVEY / UNKNOWN_SEGMENT for names that do not exist. */
export async function resultsInRange(deps: ServiceDeps, query: ResultsQuery): Promise<ResultsInRange> {
  const current = await deps.store.segments.tree();
  if (query.segment !== undefined) {
    const resolved = await resolveSegment(deps, query.segment);
    if (resolved === null) throw new DomainError('UNKNOWN_SEGMENT', `no segment ${query.segment}`);
    query = { ...query, segment: resolved };
  }
  if (query.survey === EXIT_SURVEY_ID) {
    const exit = await exitResults(deps, { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}), comments: false });
    if (query.segment === undefined || query.segment === current.root) return { kind: 'exit', survey: EXIT_SURVEY_ID, exit };
    const wanted = new Set(current.subtree(query.segment));
    const pools = exit.pools.map((pool) => ({ ...pool, departments: pool.departments.filter((d) => wanted.has(d.segment)) }));
    return { kind: 'exit', survey: EXIT_SURVEY_ID, exit: { ...exit, pools } };
  }
  const known = (await deps.store.rounds.survey(query.survey)) !== null || (await deps.store.database.collections.rounds.countDocuments({ surveyId: query.survey }, { limit: 1 })) > 0;
  if (!known) throw new DomainError('UNKNOWN_SURVEY', `no survey ${query.survey}`);
  const filter = {
    surveyId: query.survey,
    state: 'closed' as const,
    ...(query.from || query.to ? { date: { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) } } : {}),
  };
  const rounds = (await deps.store.database.collections.rounds.find(filter).sort({ date: -1 }).toArray()).map((doc) => roundDocSchema.parse(doc));
  const counters = await deps.store.counters.forRounds(rounds.map((r) => r._id));
  const names = new Map((await deps.store.segments.all()).map((s) => [s._id, s.name]));
  const k = (round: RoundDoc) => effectiveThresholds(round.anonymity, deps.settings.anonymity).minGroupSize;
  return {
    kind: 'pulse',
    survey: query.survey,
    rounds: rounds.map((round) => {
      // Each round is judged on the tree it ran with, so later changes to the tree cannot open a subtraction.
      const tree: SegmentTree = buildSegmentTree(Object.entries(round.segmentParents).map(([id, parentId]) => ({ id, parentId })));
      const slices = countSlices(tree, counters.filter((c) => c.roundId === round._id), k(round));
      const root = query.segment ?? tree.root;
      const segments = tree.has(root) ? tree.subtree(root) : [];
      return roundSlices(round, slices, segments, names);
    }),
  };
}
