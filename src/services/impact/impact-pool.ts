import { DateTime } from 'luxon';
import { visibleSegments } from '../../domain/anonymity/suppression.js';
import { effectiveThresholds } from '../../domain/anonymity/thresholds.js';
import type { Driver } from '../../domain/drivers.js';
import { IMPACT_MONTHS } from '../../domain/insight/driver-impact.js';
import { addSums, NO_PAIRS, type PairSums } from '../../domain/insight/pair-sums.js';
import type { Question } from '../../domain/question.js';
import type { RoundDoc } from '../../store/documents/rounds.js';
import type { Store } from '../../store/store.js';
import type { ServiceDeps } from '../deps.js';
import { treeOf } from '../results-counts.js';
import { roundQuestion } from '../round-questions.js';
import { fromImpactDoc, impactCollection, impactDocSchema, type ImpactFigure } from './impact-doc.js';

/** At most a year of weekly rounds (and a spare). */
const MAX_ROUNDS = 60;

/** One stored figure a pool uses: which round, group and question, over how many pairs. */
export interface ImpactSource {
  readonly roundId: string;
  readonly segment: string;
  readonly questionId: string;
  readonly n: number;
}

/**
 * A year of a survey's pair sums, each round's judged again by today's threshold (the stricter
 * of the round's and today's, with the subtraction rule on the pairs' counts): a group's sums are
 * the visible figures added up, nothing else.
 */
export interface ImpactPool {
  /** The rounds pooled, oldest first. */
  readonly rounds: readonly RoundDoc[];
  /** Every stored figure the pool adds up (what the differencing attacker reads). */
  readonly sources: readonly ImpactSource[];
  /** The questions paired with eNPS, with what they measure (the latest round's wording). */
  readonly questions: ReadonlyMap<string, Question>;
  /** Pooled sums of one question in a group. */
  sums(segment: string, questionId: string): PairSums;
  /** Pooled sums of a driver's questions in a group. */
  driverSums(segment: string, driver: Driver): PairSums;
}

const cache = new WeakMap<Store, Map<string, { key: string; pool: ImpactPool }>>();

/** Visible figures of one round at today's threshold. */
function visibleFigures(deps: ServiceDeps, round: RoundDoc, figures: readonly ImpactFigure[]): ImpactFigure[] {
  const k = effectiveThresholds(round.anonymity, deps.settings.anonymity).minGroupSize;
  const tree = treeOf(round);
  const byQuestion = new Map<string, ImpactFigure[]>();
  for (const f of figures) {
    const list = byQuestion.get(f.questionId) ?? [];
    list.push(f);
    byQuestion.set(f.questionId, list);
  }
  const out: ImpactFigure[] = [];
  for (const list of byQuestion.values()) {
    // Groups not stored were hidden at close: they count as nothing here, so they stay hidden.
    const shown = visibleSegments(tree, new Map(list.map((f) => [f.segment, f.sums.n])), k);
    out.push(...list.filter((f) => shown.has(f.segment)));
  }
  return out;
}

/** The survey's impact pool over the twelve months up to its latest closed round. */
export async function loadImpactPool(deps: ServiceDeps, surveyId: string): Promise<ImpactPool> {
  const newestFirst = await deps.store.rounds.latestClosed(surveyId, MAX_ROUNDS);
  const latest = newestFirst[0];
  const from = latest === undefined ? '' : (DateTime.fromISO(latest.date).minus({ months: IMPACT_MONTHS }).toISODate() ?? '');
  const rounds = newestFirst.filter((r) => r.date > from && r.kind === 'pulse').reverse();
  const { minGroupSize } = deps.settings.anonymity;
  const key = `${rounds.map((r) => r._id).join(',')}|${minGroupSize}`;
  const perStore = cache.get(deps.store) ?? new Map<string, { key: string; pool: ImpactPool }>();
  cache.set(deps.store, perStore);
  const cached = perStore.get(surveyId);
  if (cached?.key === key) return cached.pool;

  const docs =
    rounds.length === 0
      ? []
      : await impactCollection(deps.store.database)
          .find({ _id: { $in: rounds.map((r) => r._id) } })
          .toArray();
  const byRound = new Map(docs.map((raw) => impactDocSchema.parse(raw)).map((doc) => [doc._id, fromImpactDoc(doc)]));
  const totals = new Map<string, PairSums>(); // `segment|question` → sums
  const sources: ImpactSource[] = [];
  const questions = new Map<string, Question>();
  for (const round of rounds) {
    for (const f of visibleFigures(deps, round, byRound.get(round._id) ?? [])) {
      const question = roundQuestion(round, f.questionId);
      if (question === undefined) continue;
      questions.set(f.questionId, question);
      const at = `${f.segment}|${f.questionId}`;
      totals.set(at, addSums(totals.get(at) ?? NO_PAIRS, f.sums));
      sources.push({ roundId: round._id, segment: f.segment, questionId: f.questionId, n: f.sums.n });
    }
  }
  const sums = (segment: string, questionId: string) => totals.get(`${segment}|${questionId}`) ?? NO_PAIRS;
  const pool: ImpactPool = {
    rounds,
    sources,
    questions,
    sums,
    driverSums: (segment, driver) =>
      [...questions.values()].filter((q) => q.driver === driver).reduce((total, q) => addSums(total, sums(segment, q.id)), NO_PAIRS),
  };
  perStore.set(surveyId, { key, pool });
  return pool;
}
