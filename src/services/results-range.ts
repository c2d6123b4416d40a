import { quarterOf } from '../domain/anonymity/exit-pooling.js';
import type { Driver } from '../domain/drivers.js';
import { DomainError } from '../domain/errors.js';
import { EXIT_SURVEY_ID } from '../domain/exit-schedule.js';
import type { Enps } from '../domain/metrics/enps.js';
import type { LikertSummary } from '../domain/metrics/likert.js';
import { COUNTER_INVITED, COUNTER_RESPONDENTS, ROUND_QUESTION } from '../store/documents/answers.js';
import { isPooled, roundDocSchema } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';
import { exitResults, type ExitResults } from './exit-results.js';
import { questionResults, type QuestionResult } from './question-results.js';
import { resolveSegment } from './segment-ids.js';
import { countRound, driversFor, enpsFor, type RoundCounts } from './results-counts.js';

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
  /** False: below the threshold (or hidden against subtraction); nothing else is filled in. */
  readonly visible: boolean;
  readonly invited: number | null;
  readonly respondents: number | null;
  readonly participationRate: number | null;
  readonly enps: Enps | null;
  readonly drivers: readonly DriverSlice[];
  /** Every question of the round with its type's figures; hidden questions carry none. Empty when the segment is hidden. */
  readonly questions: readonly QuestionResult[];
}

export interface RoundSlices {
  /** Event-triggered surveys: the quarters this pool holds (`YYYY-Qn`, oldest first), and which delay of the series. */
  readonly quarters?: readonly string[];
  readonly step?: number;
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

function roundSlices(c: RoundCounts, segments: readonly string[], names: ReadonlyMap<string, string>): RoundSlices {
  return {
    roundId: c.round._id,
    date: c.round.date,
    segments: segments.map((segment): SegmentSlice => {
      const name = names.get(segment) ?? null;
      if (!c.shown.has(segment))
        return { segment, name, visible: false, invited: null, respondents: null, participationRate: null, enps: null, drivers: [], questions: [] };
      const invited = c.count(segment, ROUND_QUESTION, COUNTER_INVITED);
      const respondents = c.count(segment, ROUND_QUESTION, COUNTER_RESPONDENTS);
      return {
        segment,
        name,
        visible: true,
        invited,
        respondents,
        participationRate: invited > 0 ? (respondents / invited) * 100 : null,
        enps: enpsFor(c, segment),
        drivers: [...driversFor(c, segment)].map(([driver, summary]) => ({ driver, ...summary })),
        questions: questionResults(c, segment),
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
  const known =
    (await deps.store.rounds.survey(query.survey)) !== null ||
    (await deps.store.database.collections.rounds.countDocuments({ surveyId: query.survey }, { limit: 1 })) > 0;
  if (!known) throw new DomainError('UNKNOWN_SURVEY', `no survey ${query.survey}`);
  const filter = {
    surveyId: query.survey,
    state: 'closed' as const,
    ...(query.from || query.to ? { date: { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) } } : {}),
  };
  // An event survey's quarter that rolled into the next pool has nothing of its own to show.
  const rounds = (await deps.store.database.collections.rounds.find(filter).sort({ date: -1, step: 1 }).toArray())
    .map((doc) => roundDocSchema.parse(doc))
    .filter((round) => round.mergedInto === null);
  const counters = await deps.store.counters.forRounds(rounds.map((r) => r._id));
  const names = new Map((await deps.store.segments.all()).map((s) => [s._id, s.name]));
  return {
    kind: 'pulse',
    survey: query.survey,
    rounds: rounds.map((round) => {
      // Each round is judged on the tree it ran with, so later changes to the tree cannot open a subtraction.
      const c = countRound(
        round,
        counters.filter((x) => x.roundId === round._id),
        deps.settings.anonymity,
      );
      const root = query.segment ?? c.tree.root;
      const slices = roundSlices(c, c.tree.has(root) ? c.tree.subtree(root) : [], names);
      if (!isPooled(round)) return slices;
      return { ...slices, quarters: round.pooledQuarters.length > 0 ? round.pooledQuarters : [quarterOf(round.date)], step: round.step };
    }),
  };
}
