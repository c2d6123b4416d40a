import { randomUUID } from 'node:crypto';
import type { AnonymitySettings } from '../../src/domain/anonymity/thresholds.js';
import type { QuestionSnapshot } from '../../src/domain/question-snapshot.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { COUNTER_ANSWERED, COUNTER_INVITED, COUNTER_RESPONDENTS, ROUND_QUESTION } from '../../src/store/documents/answers.js';
import { roundId, type RoundDoc } from '../../src/store/documents/rounds.js';

export interface SegmentAnswers {
  readonly invited?: number;
  readonly respondents: number;
  /** eNPS answers by value 0–10. */
  readonly enps?: Record<number, number>;
  /** Likert answers by question id, then value 1–5. */
  readonly likert?: Record<string, Record<number, number>>;
  readonly comments?: readonly string[];
  /** Choice answers by question id, then value (multi-select: one count per value chosen). */
  readonly choices?: Record<string, Record<string, number>>;
}

export interface ClosedRoundSeed {
  readonly surveyId: string;
  readonly date: string;
  readonly segmentParents: Record<string, string | null>;
  readonly anonymity?: AnonymitySettings;
  /** Answers filed under each reporting segment. */
  readonly bySegment: Record<string, SegmentAnswers>;
  /** An open round holds its counts so far (the dashboard's live participation reads them). */
  readonly state?: 'open' | 'closed';
  /** Snapshots of questions that are not built in (an action's follow-up), and who each was asked of. */
  readonly questions?: readonly QuestionSnapshot[];
  readonly questionScopes?: Record<string, string[]>;
}

/**
 * A closed round as closing one leaves it: final counters per reporting segment (invited,
 * respondents, answers per value and `_answered`) and the raw comments. Summaries read these.
 */
export async function seedClosedRound(deps: ServiceDeps, seed: ClosedRoundSeed): Promise<RoundDoc> {
  for (const id of Object.keys(seed.segmentParents)) {
    const existing = await deps.store.database.collections.segments.findOne({ _id: id });
    if (existing === null) await deps.store.segments.upsert({ _id: id, name: id.toUpperCase(), parentId: seed.segmentParents[id] ?? null });
  }
  const questionIds = new Set<string>();
  for (const answers of Object.values(seed.bySegment)) {
    if (answers.enps) questionIds.add('enps');
    for (const q of Object.keys(answers.likert ?? {})) questionIds.add(q);
    if (answers.comments) questionIds.add('comment');
    for (const q of Object.keys(answers.choices ?? {})) questionIds.add(q);
  }
  const id = roundId(seed.surveyId, seed.date);
  const at = new Date(`${seed.date}T09:00:00Z`);
  const { round } = await deps.store.rounds.createOnce({
    _id: id,
    surveyId: seed.surveyId,
    kind: 'pulse',
    date: seed.date,
    index: 0,
    questionIds: [...questionIds],
    questions: [...(seed.questions ?? [])],
    ...(seed.questionScopes === undefined ? {} : { questionScopes: seed.questionScopes }),
    anonymity: seed.anonymity ?? { minGroupSize: 5, minCommentGroupSize: 5 },
    opensAt: at,
    closesAt: new Date(at.getTime() + 5 * 86_400_000),
    state: seed.state ?? 'closed',
    countsFinal: (seed.state ?? 'closed') === 'closed',
    segmentParents: seed.segmentParents,
    fannedOut: true,
  });
  const rows: { segment: string; questionId: string; value: string; n: number }[] = [];
  const sum = (counts: Record<number, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  for (const [segment, a] of Object.entries(seed.bySegment)) {
    rows.push({ segment, questionId: ROUND_QUESTION, value: COUNTER_INVITED, n: a.invited ?? a.respondents });
    rows.push({ segment, questionId: ROUND_QUESTION, value: COUNTER_RESPONDENTS, n: a.respondents });
    const scale = (questionId: string, counts: Record<number, number>) => {
      for (const [value, n] of Object.entries(counts)) rows.push({ segment, questionId, value, n });
      rows.push({ segment, questionId, value: COUNTER_ANSWERED, n: sum(counts) });
    };
    if (a.enps) scale('enps', a.enps);
    for (const [q, counts] of Object.entries(a.likert ?? {})) scale(q, counts);
    for (const [q, counts] of Object.entries(a.choices ?? {})) {
      for (const [value, n] of Object.entries(counts)) rows.push({ segment, questionId: q, value, n });
      rows.push({ segment, questionId: q, value: COUNTER_ANSWERED, n: a.respondents });
    }
    if (a.comments) {
      rows.push({ segment, questionId: 'comment', value: COUNTER_ANSWERED, n: a.comments.length });
      for (const text of a.comments) {
        await deps.store.answers.addComment({ _id: randomUUID(), roundId: id, roundDate: seed.date, questionId: 'comment', segment, text });
      }
    }
  }
  await deps.store.counters.set(id, rows);
  return round;
}

/** `n` answers spread as evenly as possible over `values`. */
export function spread(n: number, values: readonly number[]): Record<number, number> {
  const out: Record<number, number> = {};
  values.forEach((v, i) => (out[v] = Math.floor(n / values.length) + (i < n % values.length ? 1 : 0)));
  return out;
}
