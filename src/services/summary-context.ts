import type { Store } from '../store/store.js';
import type { ServiceDeps } from './deps.js';
import { countRound, type RoundCounts } from './results-counts.js';
import { loadRoundComments, type CommentsBySegment } from './summary-comments.js';
import { closedRoundCounters } from './summary-snapshots.js';
import { loadImpactPool, type ImpactPool } from './impact/impact-pool.js';
import { loadAttributeCuts, type RoundCuts } from './attribute-cuts/load-cuts.js';

/** How many closed rounds a summary looks back over (trend, chart, driver changes). */
export const SUMMARY_ROUNDS = 12;

/**
 * What every summary of one survey this week is built from: its latest closed rounds, oldest
 * first, each rolled up its own segment tree with what may be shown, and the latest round's
 * comments. Built once and shared by every reader's summary. Scores come only from counters.
 */
export interface SummaryContext {
  readonly surveyId: string;
  readonly surveyName: string;
  readonly rounds: readonly RoundCounts[];
  readonly names: ReadonlyMap<string, string>;
  /** The latest round's comments by segment (shown only where the comment threshold passes). */
  readonly comments: CommentsBySegment;
  /** A year of pair sums: what goes with eNPS (issue #20). */
  readonly impact: ImpactPool;
  /** The rounds' results cut by HR's attributes, judged (issue #20): for readers of the whole organisation only. */
  readonly cuts: RoundCuts;
}

/** Closed rounds' counters never change, so a context stays valid while the set of rounds does. */
const cache = new WeakMap<Store, Map<string, { key: string; context: SummaryContext }>>();

/** The survey's summary context, or null when it has no closed round yet. */
export async function loadSummaryContext(deps: ServiceDeps, surveyId: string, maxRounds = SUMMARY_ROUNDS): Promise<SummaryContext | null> {
  const { store } = deps;
  const newestFirst = await store.rounds.latestClosed(surveyId, maxRounds);
  if (newestFirst.length === 0) return null;
  const rounds = [...newestFirst].reverse();
  const names = new Map((await store.segments.all()).map((s) => [s._id, s.name]));
  const surveyName = (await store.rounds.survey(surveyId))?.definition.name ?? surveyId;
  // The thresholds are part of the key: raising PULSE_MIN_GROUP_SIZE must hide groups at once.
  const { minGroupSize, minCommentGroupSize } = deps.settings.anonymity;
  const key = `${rounds.map((r) => r._id).join(',')}|${minGroupSize}|${minCommentGroupSize}`;
  const perStore = cache.get(store) ?? new Map<string, { key: string; context: SummaryContext }>();
  cache.set(store, perStore);
  const cached = perStore.get(surveyId);
  if (cached?.key === key) return { ...cached.context, names, surveyName };

  const byRound = await closedRoundCounters(deps, rounds);
  const counted = rounds.map((round) => countRound(round, byRound.get(round._id) ?? [], deps.settings.anonymity));
  const context: SummaryContext = {
    surveyId,
    surveyName,
    rounds: counted,
    cuts: await loadAttributeCuts(deps, counted),
    names,
    comments: await loadRoundComments(deps, rounds[rounds.length - 1]?._id ?? ''),
    // A year of rounds, not twelve: it changes only when a round closes, which changes the key too.
    impact: await loadImpactPool(deps, surveyId),
  };
  perStore.set(surveyId, { key, context });
  return context;
}
