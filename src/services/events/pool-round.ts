import { DateTime } from 'luxon';
import { quarterOf } from '../../domain/anonymity/exit-pooling.js';
import { ORG_ROOT } from '../../domain/anonymity/segment-tree.js';
import type { AnonymitySettings } from '../../domain/anonymity/thresholds.js';
import { quarterStart } from '../../domain/exit-schedule.js';
import type { QuestionSnapshot } from '../../domain/question-snapshot.js';
import type { RoundDoc } from '../../store/documents/rounds.js';
import type { ServiceDeps } from '../deps.js';

/**
 * Event-triggered surveys (the exit survey among them) go to one person at a time, so their
 * answers pool by quarter: one round per survey, step of its series and quarter, open until the
 * quarter ends (and the last prompt sent in it expires). A quarter that closes below the
 * threshold rolls into the next (exit-pool-close.ts), so no pool shows fewer than k people and
 * never a single event's answers.
 */
export function poolRoundId(surveyId: string, step: number, date: string): string {
  const quarter = quarterOf(date);
  return step === 0 ? `${surveyId}:${quarter}` : `${surveyId}:${quarter}.${step}`;
}

export interface PoolRoundSpec {
  readonly surveyId: string;
  readonly kind: 'exit' | 'event';
  readonly step: number;
  /** The send date (the person's calendar); the pool is its quarter's. */
  readonly date: string;
  readonly questionIds: readonly string[];
  readonly questions: readonly QuestionSnapshot[];
  readonly surveyName: string | null;
  readonly anonymity: AnonymitySettings;
  /** The last moment a prompt of this pool takes answers: the pool stays open past it. */
  readonly expiresAt: DateTime;
}

/** Makes sure the pool round for `spec` exists, takes answers and stays open past `spec.expiresAt`; its id. */
export async function ensurePoolRound(deps: ServiceDeps, spec: PoolRoundSpec): Promise<string> {
  const id = poolRoundId(spec.surveyId, spec.step, spec.date);
  const start = quarterStart(spec.date);
  const quarterEnd = DateTime.fromISO(start, { zone: 'utc' }).plus({ months: 3 });
  const closesAt = DateTime.max(quarterEnd, spec.expiresAt.toUTC()).plus({ days: 1 });
  await deps.store.rounds.createOnce({
    _id: id,
    surveyId: spec.surveyId,
    kind: spec.kind,
    step: spec.step,
    date: start,
    index: 0,
    questionIds: [...spec.questionIds],
    questions: [...spec.questions],
    surveyName: spec.surveyName,
    anonymity: spec.anonymity,
    opensAt: deps.clock.now().toJSDate(),
    closesAt: closesAt.toJSDate(),
    state: 'open',
    countsFinal: false,
    fannedOut: true,
    segmentParents: await deps.store.segments.parents(),
  });
  await deps.store.rounds.extendClose(id, closesAt.toJSDate());
  return id;
}

/** The pool of the quarter after `round`'s, for a quarter that closed below the threshold. */
export function nextPoolRound(round: RoundDoc): { id: string; date: string } {
  const date = DateTime.fromISO(quarterStart(round.date), { zone: 'utc' }).plus({ months: 3 }).toISODate() ?? round.date;
  return { id: poolRoundId(round.surveyId, round.step, date), date };
}

/**
 * The segment a person's pooled answers are filed under: their department (the top of their
 * branch of the segment tree) when it has at least k active people, else the whole organisation,
 * so the answer side never names a group too small to hide in. Reports then show a department
 * only once its pooled answers pass the threshold.
 */
export async function poolingSegment(deps: ServiceDeps, segment: string | null): Promise<string> {
  const tree = await deps.store.segments.tree();
  if (segment === null || !tree.has(segment)) return ORG_ROOT;
  let department = segment;
  for (let up = tree.parent(department); up !== null && up !== tree.root; up = tree.parent(department)) department = up;
  if (department === tree.root) return ORG_ROOT;
  const people = await deps.store.database.collections.people.countDocuments({ active: true, segment: { $in: tree.subtree(department) } });
  return people >= deps.settings.anonymity.minGroupSize ? department : ORG_ROOT;
}
