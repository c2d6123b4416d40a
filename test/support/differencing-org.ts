import fc from 'fast-check';
import { actionFollowUpQuestion, actionQuestionId } from '../../src/domain/action-plan.js';
import type { AnonymitySettings } from '../../src/domain/anonymity/thresholds.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { roundId } from '../../src/store/documents/rounds.js';
import { ATTACK_ROOT } from './differencing-attacker.js';
import { seedClosedRound, spread, type SegmentAnswers } from './summary-seed.js';
import { randomUUID } from 'node:crypto';
import type { QuestionSnapshot } from '../../src/domain/question-snapshot.js';
import { reduceImpactAtClose } from '../../src/services/impact/impact-at-close.js';

/**
 * Random organisations for the differencing property test: a segment tree that may change
 * between rounds (people move, teams are re-parented), cell sizes near k, optional questions
 * skipped, comments, round thresholds that differ from today's, and an open round whose live
 * participation the dashboard shows.
 */

export const SURVEY = 'pulse';
const SEGMENTS = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'] as const;
/** The two questions of one driver: a driver figure is shown only when both are. */
export const DRIVER_QUESTIONS = ['workload-1', 'workload-2'] as const;
/** An action's follow-up question (issue #19): asked only of one group's subtree. */
export const ACTION_ID = 't';
export const ACTION_QUESTION = 'action-t';
if (actionQuestionId(ACTION_ID) !== ACTION_QUESTION) throw new Error('the follow-up question id changed shape');
/** A scored question of HR's own (no driver), asked of everyone: a heatmap column of its own (issue #20). */
export const OWN_QUESTION = 'culture-own';
const ownQuestion: QuestionSnapshot = {
  id: OWN_QUESTION,
  kind: 'likert',
  labels: 'agreement',
  text: { en: 'I can be myself at work', nb: 'Jeg kan være meg selv på jobb', sv: 'Jag kan vara mig själv på jobbet' },
};
/** Driver impact (issue #20): the (eNPS, answer) pairs of one question, summed per group at close. */
export const PAIR_FAMILIES = DRIVER_QUESTIONS.map((q) => `pairs-${q}` as const);
/** The counts the attacker works on; `comments` is judged on respondents with the comment k. */
export const FAMILIES = ['respondents', 'enps', ...DRIVER_QUESTIONS, 'comments', ACTION_QUESTION, OWN_QUESTION, ...PAIR_FAMILIES] as const;
export type Family = (typeof FAMILIES)[number];

interface CellArb {
  readonly respondents: number;
  readonly skipEnps: number;
  readonly skip1: number;
  readonly skip2: number;
  readonly comments: number;
}

interface RoundArb {
  readonly parentPicks: readonly number[];
  readonly cells: readonly CellArb[];
  readonly kUp: number;
  readonly commentUp: number;
}

export interface OrgArb {
  readonly segments: number;
  readonly baseK: number;
  readonly currentK: number;
  readonly raiseBy: number;
  readonly rounds: readonly RoundArb[];
  readonly lastOpen: boolean;
  /** Which two of today's segments have a leader who reads their own results. */
  readonly leaders: readonly [number, number];
  /** Which of today's segments an action was committed for (its follow-up is asked of that subtree only). */
  readonly actionGroup: number;
}

/** Sizes cluster around the thresholds 3–5: that is where suppression decides. */
const cellArb: fc.Arbitrary<CellArb> = fc.record({
  respondents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 9 })),
  skipEnps: fc.integer({ min: 0, max: 2 }),
  skip1: fc.integer({ min: 0, max: 2 }),
  skip2: fc.integer({ min: 0, max: 2 }),
  comments: fc.integer({ min: 0, max: 2 }),
});

const roundArb: fc.Arbitrary<RoundArb> = fc.record({
  parentPicks: fc.array(fc.nat({ max: 7 }), { minLength: SEGMENTS.length, maxLength: SEGMENTS.length }),
  cells: fc.array(cellArb, { minLength: SEGMENTS.length + 1, maxLength: SEGMENTS.length + 1 }),
  kUp: fc.integer({ min: 0, max: 1 }),
  commentUp: fc.integer({ min: 0, max: 1 }),
});

export const orgArb: fc.Arbitrary<OrgArb> = fc.record({
  segments: fc.integer({ min: 2, max: SEGMENTS.length }),
  baseK: fc.integer({ min: 3, max: 5 }),
  currentK: fc.integer({ min: 3, max: 6 }),
  raiseBy: fc.integer({ min: 1, max: 2 }),
  rounds: fc.array(roundArb, { minLength: 1, maxLength: 3 }),
  lastOpen: fc.boolean(),
  leaders: fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: 6 })),
  actionGroup: fc.nat({ max: 6 }),
});

/** What was filed in one round: its tree, thresholds and each cell's own counts per family. */
export interface RoundTruth {
  readonly id: string;
  readonly date: string;
  readonly state: 'open' | 'closed';
  readonly parents: Readonly<Record<string, string | null>>;
  readonly anonymity: AnonymitySettings;
  readonly own: Readonly<Record<Family, ReadonlyMap<string, number>>>;
}

function parentsOf(org: OrgArb, round: RoundArb): Record<string, string | null> {
  const parents: Record<string, string | null> = {};
  SEGMENTS.slice(0, org.segments).forEach((id, i) => {
    // Segment i hangs under the root or an earlier segment, so the tree has no cycle.
    const pick = (round.parentPicks[i] ?? 0) % (i + 1);
    parents[id] = pick === 0 ? null : (SEGMENTS[pick - 1] ?? null);
  });
  return parents;
}

/** `segment` and every segment under it in a round's tree (`parents`: segment → parent, null for the root's children). */
function subtreeOf(parents: Readonly<Record<string, string | null>>, segment: string): string[] {
  const out = [segment];
  for (let grew = true; grew;) {
    grew = false;
    for (const [id, parent] of Object.entries(parents))
      if (parent !== null && out.includes(parent) && !out.includes(id)) {
        out.push(id);
        grew = true;
      }
  }
  return out;
}

/** Seeds the organisation's rounds (one a week, oldest first) and returns what each holds. */
export async function seedOrg(deps: ServiceDeps, org: OrgArb): Promise<RoundTruth[]> {
  const truths: RoundTruth[] = [];
  for (const [index, round] of org.rounds.entries()) {
    const date = `2026-11-${String(2 + 7 * index).padStart(2, '0')}`;
    const parents = parentsOf(org, round);
    const k = org.baseK + round.kUp;
    const anonymity = { minGroupSize: k, minCommentGroupSize: k + round.commentUp };
    const cellIds = [ATTACK_ROOT, ...Object.keys(parents)];
    const own: Record<Family, Map<string, number>> = {
      respondents: new Map(),
      enps: new Map(),
      'workload-1': new Map(),
      'workload-2': new Map(),
      comments: new Map(),
      [ACTION_QUESTION]: new Map(),
      [OWN_QUESTION]: new Map(),
      'pairs-workload-1': new Map(),
      'pairs-workload-2': new Map(),
    };
    // Each respondent's scored answers as one prompt gives them (issue #20): person j of a cell
    // answered eNPS when j < r − skipEnps, workload-1 when j < r − skip1, and so on.
    const prompts: { cell: string; values: Record<string, number> }[] = [];
    const group = SEGMENTS[org.actionGroup % org.segments] ?? 's1';
    const scope = subtreeOf(parents, group);
    const bySegment: Record<string, SegmentAnswers> = {};
    cellIds.forEach((cell, i) => {
      const c = round.cells[i];
      // Empty cells are seeded too (counters of 0), so every round asks the same questions.
      const r = c?.respondents ?? 0;
      if (c === undefined) return;
      const enps = Math.max(0, r - c.skipEnps);
      const w1 = Math.max(0, r - c.skip1);
      const w2 = Math.max(0, r - c.skip2);
      own.respondents.set(cell, r);
      own.comments.set(cell, r);
      own.enps.set(cell, enps);
      own['workload-1'].set(cell, w1);
      own['workload-2'].set(cell, w2);
      // HR's own question is answered by whoever answered the driver's second question.
      own[OWN_QUESTION].set(cell, w2);
      own['pairs-workload-1'].set(cell, Math.min(enps, w1));
      own['pairs-workload-2'].set(cell, Math.min(enps, w2));
      for (let j = 0; j < r; j++) {
        const values: Record<string, number> = {};
        if (j < enps) values.enps = (j * 7 + i) % 11;
        if (j < w1) values['workload-1'] = ((j * 3 + i) % 5) + 1;
        if (j < w2) values['workload-2'] = ((j * 2 + i) % 5) + 1;
        prompts.push({ cell, values });
      }
      // The follow-up: every respondent of the action's group answers it; nobody else is asked.
      const asked = scope.includes(cell);
      own[ACTION_QUESTION].set(cell, asked ? r : 0);
      bySegment[cell] = {
        ...(asked ? { choices: { [ACTION_QUESTION]: { yes: Math.ceil(r / 2), not_yet: Math.floor(r / 2) } } } : {}),
        respondents: r,
        invited: r + 1,
        enps: spread(enps, [10, 8, 3]),
        likert: { 'workload-1': spread(w1, [2, 4, 5]), 'workload-2': spread(w2, [1, 3, 4]), [OWN_QUESTION]: spread(w2, [5, 2, 4]) },
        comments: Array.from({ length: Math.min(r, c.comments) }, (_, n) => `comment ${n} in ${cell}`),
      };
    });
    const state = org.lastOpen && index === org.rounds.length - 1 && index > 0 ? 'open' : 'closed';
    const followUp = actionFollowUpQuestion(ACTION_ID, { text: 'Fewer meetings' });
    const seeded = await seedClosedRound(deps, {
      surveyId: SURVEY,
      date,
      segmentParents: parents,
      anonymity,
      bySegment,
      state,
      questions: [followUp, ownQuestion],
      questionScopes: { [ACTION_QUESTION]: scope },
    });
    // A closed round's links become pair sums per visible group, as closing does it.
    if (state === 'closed') {
      const docs = prompts.flatMap(({ cell, values }, p) =>
        Object.entries(values).map(([questionId, value]) => ({
          _id: randomUUID(),
          roundId: seeded._id,
          roundDate: date,
          questionId,
          segment: cell,
          value,
          link: `prompt-${p}`,
        })),
      );
      if (docs.length > 0) await deps.store.database.collections.responses.insertMany(docs);
      await reduceImpactAtClose(deps, seeded);
    }
    truths.push({ id: roundId(SURVEY, date), date, state, parents, anonymity, own });
  }
  // Today's directory is the latest round's tree: leaders are scoped to its segments.
  const latest = truths.at(-1)?.parents ?? {};
  for (const [id, parentId] of Object.entries(latest)) await deps.store.segments.upsert({ _id: id, name: id.toUpperCase(), parentId });
  // The action whose follow-up every round asked; its view shows the group's answers per round.
  await deps.store.database.collections.actions.insertOne({
    _id: ACTION_ID,
    surveyId: SURVEY,
    segment: SEGMENTS[org.actionGroup % org.segments] ?? 's1',
    driver: 'workload',
    words: { text: 'Fewer meetings' },
    owner: 'slack:T1:ULEAD',
    dueDate: '2026-12-31',
    status: 'in_progress',
    committedOn: '2026-11-01',
    before: null,
    announcement: 'sent',
    followUpRounds: truths.map((t) => t.id),
  });
  return truths;
}

/** The segments whose leaders read their own results (two of today's directory's). */
export function leaderScopes(org: OrgArb, truths: readonly RoundTruth[]): string[] {
  const today = Object.keys(truths.at(-1)?.parents ?? {});
  return [...new Set(org.leaders.map((i) => today[i % today.length]).filter((s): s is string => s !== undefined))];
}
