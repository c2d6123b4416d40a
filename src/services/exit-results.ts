import { randomUUID } from 'node:crypto';
import { quarterOf, type Quarter } from '../domain/anonymity/exit-pooling.js';
import { buildSegmentTree, ORG_ROOT } from '../domain/anonymity/segment-tree.js';
import type { Enps } from '../domain/metrics/enps.js';
import type { LikertSummary } from '../domain/metrics/likert.js';
import { seededShuffle } from '../domain/seeded-random.js';
import { EXIT_SURVEY_ID } from '../domain/exit-schedule.js';
import { ENPS_QUESTION } from '../domain/templates/enps.js';
import { EXIT_REASONS, EXIT_REASONS_QUESTION, type ExitReason } from '../domain/templates/exit-survey.js';
import { COUNTER_ANSWERED, COUNTER_RESPONDENTS, ROUND_QUESTION } from '../store/documents/answers.js';
import { roundDocSchema } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';
import { countSlices, sliceEnps, sliceLikert, type SliceCounts } from './slice-counts.js';

export const EXIT_RATING_TOPICS = ['leadership', 'environment', 'pay'] as const;
export type ExitRatingTopic = (typeof EXIT_RATING_TOPICS)[number];
export const EXIT_COMMENT_QUESTIONS = ['exit-keep', 'exit-comment'] as const;
export type ExitCommentQuestion = (typeof EXIT_COMMENT_QUESTIONS)[number];

export interface ExitReasonCount {
  readonly reason: ExitReason;
  /** Leavers who named this reason (each may name several). */
  readonly count: number;
  /** Percent of those who answered the reasons question. */
  readonly share: number;
}

export interface ExitComment {
  readonly questionId: ExitCommentQuestion;
  readonly text: string;
}

/** Exit results of one slice (the whole organisation, or one department) of one pool. */
export interface ExitSlice {
  readonly segment: string;
  readonly name: string | null;
  readonly respondents: number;
  /** Most named first; reasons nobody named are left out. Empty when the question is hidden. */
  readonly reasons: readonly ExitReasonCount[];
  readonly ratings: Readonly<Record<ExitRatingTopic, LikertSummary | null>>;
  readonly enps: Enps | null;
  /** Shuffled. null when the slice is below the comment threshold (or could be worked out by subtraction). */
  readonly comments: readonly ExitComment[] | null;
}

/** Quarters pooled until together they reach the threshold. */
export interface ExitPoolResults {
  /** `YYYY-Qn`, oldest first. */
  readonly quarters: readonly Quarter[];
  readonly organisation: ExitSlice;
  /** Departments that pass the threshold in this pool (and cannot be found by subtraction). */
  readonly departments: readonly ExitSlice[];
}

export interface ExitResults {
  /** Newest pool first. */
  readonly pools: readonly ExitPoolResults[];
  /**
   * Closed quarters whose answers are not shown yet: together still below the threshold, so
   * they roll into the next quarter. No counts are given for them.
   */
  readonly pendingQuarters: readonly Quarter[];
  /** The threshold applied to scores (the strictest of the settings and the rounds'). */
  readonly minGroupSize: number;
  readonly minCommentGroupSize: number;
}

export interface ExitResultsOptions {
  /** Only pools with a quarter in this range (ISO dates, inclusive). Pooling itself always uses every closed quarter. */
  readonly from?: string;
  readonly to?: string;
  /** Include comments (default true). */
  readonly comments?: boolean;
}

/**
 * Exit-survey results, read from counters (comments from the anonymous comments). Only closed
 * quarters count, so a shown number never changes afterwards (a later change could single out
 * one leaver). Quarters are pooled in order until they reach the threshold; inside a pool, a
 * department is shown only where it passes the threshold and cannot be found by subtraction.
 */
export async function exitResults(deps: ServiceDeps, options: ExitResultsOptions = {}): Promise<ExitResults> {
  const { collections } = deps.store.database;
  const rounds = (await collections.rounds.find({ surveyId: EXIT_SURVEY_ID, state: 'closed' }).toArray()).map((doc) => roundDocSchema.parse(doc));
  const k = Math.max(deps.settings.anonymity.minGroupSize, ...rounds.map((r) => r.anonymity.minGroupSize));
  const commentK = Math.max(k, deps.settings.anonymity.minCommentGroupSize, ...rounds.map((r) => r.anonymity.minCommentGroupSize));
  const counters = await deps.store.counters.forRounds(rounds.map((r) => r._id));
  const respondents = (roundId: string) =>
    counters.filter((c) => c.roundId === roundId && c.questionId === ROUND_QUESTION && c.value === COUNTER_RESPONDENTS).reduce((sum, c) => sum + c.n, 0);
  // Each closed exit round is one pool, its quarters fixed when it closed (it stayed open until it
  // passed k: exit-pool-close.ts). Pools are never merged here: a higher k only hides a pool.
  const pools = rounds
    .filter((round) => round.mergedInto === null)
    .map((round) => ({ round, quarters: round.pooledQuarters.length > 0 ? round.pooledQuarters : [quarterOf(round.date)] }))
    .sort((a, b) => (a.quarters[0] ?? '').localeCompare(b.quarters[0] ?? ''))
    .map(({ round, quarters }) => ({ round, quarters, visible: respondents(round._id) >= k }));
  const names = new Map((await deps.store.segments.all()).map((s) => [s._id, s.name]));
  const fromQ = options.from ? quarterOf(options.from) : null;
  const toQ = options.to ? quarterOf(options.to) : null;
  const inRange = (quarters: readonly Quarter[]) => quarters.some((q) => (fromQ === null || q >= fromQ) && (toQ === null || q <= toQ));

  const shown: ExitPoolResults[] = [];
  for (const pool of pools) {
    if (!pool.visible || !inRange(pool.quarters)) continue;
    const roundIds = new Set([pool.round._id]);
    const poolCounters = counters.filter((c) => roundIds.has(c.roundId));
    // Exit answers are filed under the organisation or a department: a flat tree.
    const departments = [...new Set(poolCounters.map((c) => c.segment))].filter((s) => s !== ORG_ROOT);
    const tree = buildSegmentTree(departments.map((id) => ({ id, parentId: null })));
    const scores = countSlices(tree, poolCounters, k);
    const commentsShown = countSlices(tree, poolCounters, commentK).shown;
    const slice = async (segment: string): Promise<ExitSlice> => ({
      segment,
      name: segment === ORG_ROOT ? null : (names.get(segment) ?? null),
      respondents: scores.count(segment, ROUND_QUESTION, COUNTER_RESPONDENTS),
      reasons: rankReasons(scores, segment),
      ratings: Object.fromEntries(EXIT_RATING_TOPICS.map((topic) => [topic, sliceLikert(scores, segment, `exit-rate-${topic}`)])) as Record<
        ExitRatingTopic,
        LikertSummary | null
      >,
      enps: sliceEnps(scores, segment, ENPS_QUESTION.id),
      comments:
        options.comments === false || !commentsShown.has(segment) || !scores.shown.has(segment) ? null : await loadComments(deps, [...roundIds], segment),
    });
    const visibleDepartments = departments.filter((d) => scores.shown.has(d)).sort();
    shown.push({
      quarters: pool.quarters,
      organisation: await slice(ORG_ROOT),
      departments: await Promise.all(visibleDepartments.map(slice)),
    });
  }
  return {
    pools: shown.reverse(),
    pendingQuarters: await pendingQuarters(deps),
    minGroupSize: k,
    minCommentGroupSize: commentK,
  };
}

/** Closed quarters pooled into an exit round still open (together still below k): shown as pending, with no counts. */
async function pendingQuarters(deps: ServiceDeps): Promise<Quarter[]> {
  const open = await deps.store.database.collections.rounds
    .find({ surveyId: EXIT_SURVEY_ID, state: { $in: ['open', 'closing'] } }, { projection: { pooledQuarters: 1 } })
    .toArray();
  return [...new Set(open.flatMap((round) => round.pooledQuarters ?? []))].sort();
}

function rankReasons(scores: SliceCounts, segment: string): ExitReasonCount[] {
  const id = EXIT_REASONS_QUESTION.id;
  if (!scores.shownFor(id).has(segment)) return [];
  const answered = scores.count(segment, id, COUNTER_ANSWERED);
  return EXIT_REASONS.map((reason) => ({ reason, count: scores.count(segment, id, reason) }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || EXIT_REASONS.indexOf(a.reason) - EXIT_REASONS.indexOf(b.reason))
    .map((r) => ({ ...r, share: answered > 0 ? (r.count / answered) * 100 : 0 }));
}

/** Comments of the pool in `segment` (the organisation: all of them), shuffled afresh each time. */
async function loadComments(deps: ServiceDeps, roundIds: readonly string[], segment: string): Promise<ExitComment[]> {
  const filter = { roundId: { $in: [...roundIds] }, questionId: { $in: [...EXIT_COMMENT_QUESTIONS] }, ...(segment === ORG_ROOT ? {} : { segment }) };
  const docs = await deps.store.database.collections.comments.find(filter, { projection: { questionId: 1, text: 1 } }).toArray();
  const comments = docs.map((d) => ({ questionId: d.questionId as ExitCommentQuestion, text: d.text }));
  return seededShuffle(comments, randomUUID());
}
