import type { Driver } from '../domain/drivers.js';
import { change } from '../domain/metrics/change.js';
import type { LikertSummary } from '../domain/metrics/likert.js';
import { COUNTER_INVITED, COUNTER_RESPONDENTS, ROUND_QUESTION } from '../store/documents/answers.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';
import type { DriverSlice, SegmentSlice } from './results-range.js';
import { countRound, driversFor, enpsFor, segmentsInScope } from './results-counts.js';

export interface DriverResult extends DriverSlice {
  /** Change in mean since the previous round that asked this driver (both visible), else null. */
  readonly changeInMean: number | null;
}

/** A segment of the latest round, as a range slice plus the changes since the round before. */
export interface SegmentResult extends Omit<SegmentSlice, 'drivers' | 'questions'> {
  readonly enpsChange: number | null;
  readonly drivers: readonly DriverResult[];
}

export interface RoundResults {
  readonly round: Pick<RoundDoc, '_id' | 'date' | 'state' | 'surveyId'>;
  readonly segments: readonly SegmentResult[];
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
  const names = new Map((await deps.store.segments.all()).map((s) => [s._id, s.name]));
  const counters = await deps.store.counters.forRounds(rounds.map((r) => r._id));
  const now = countRound(
    current,
    counters.filter((c) => c.roundId === current._id),
    deps.settings.anonymity,
  );
  const before = previous
    ? countRound(
        previous,
        counters.filter((c) => c.roundId === previous._id),
        deps.settings.anonymity,
      )
    : null;

  const segments = segmentsInScope(now.tree, scope).map((segment): SegmentResult => {
    if (!now.shown.has(segment)) {
      return {
        segment,
        name: names.get(segment) ?? null,
        visible: false,
        invited: null,
        respondents: null,
        participationRate: null,
        enps: null,
        enpsChange: null,
        drivers: [],
      };
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
