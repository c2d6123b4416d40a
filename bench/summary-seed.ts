import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Driver } from '../src/domain/drivers.js';
import { DRIVERS } from '../src/domain/drivers.js';
import { seededRandom } from '../src/domain/seeded-random.js';
import type { Database } from '../src/store/database.js';
import {
  COUNTER_ANSWERED,
  COUNTER_INVITED,
  COUNTER_RESPONDENTS,
  ROUND_QUESTION,
  counterId,
  type CommentDoc,
  type CounterDoc,
} from '../src/store/documents/answers.js';
import type { PersonDoc } from '../src/store/documents/identity.js';
import type { RoundDoc } from '../src/store/documents/rounds.js';
import { addSums, NO_PAIRS, pairOf, type PairSums } from '../src/domain/insight/pair-sums.js';
import { visibleImpactFigures } from '../src/services/impact/impact-at-close.js';
import { impactCollection, toImpactDoc } from '../src/services/impact/impact-doc.js';
import { treeOf } from '../src/services/results-counts.js';
import { BENCH_ATTRIBUTES, benchValues, seedAttributeRound } from './summary-seed-attributes.js';

export interface SeedShape {
  readonly people: number;
  readonly rounds: number;
  readonly teamSize: number;
  readonly teamsPerDepartment: number;
  /** The Monday of the latest closed round. */
  readonly lastRound: string;
}

export interface SeedReport {
  readonly teams: number;
  readonly departments: number;
  readonly counters: number;
  readonly comments: number;
}

async function insertAll<T extends object>(insert: (docs: T[]) => Promise<unknown>, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 2000) await insert(docs.slice(i, i + 2000));
}

/**
 * A directory of `people` in teams under departments, one leader per team and department and
 * two HR people, and a year of weekly closed rounds as closing leaves them: final counters per
 * team (eNPS, three rotating drivers, comments), the raw comments, the pair sums driver impact
 * reads and the answers counted per location, remote work and tenure (issue #20). Deterministic.
 */
export async function seedSummaryBench(database: Database, shape: SeedShape): Promise<SeedReport> {
  const random = seededRandom('summary-bench');
  const { collections: c } = database;
  const teams = Math.max(1, Math.round(shape.people / shape.teamSize));
  const departments = Math.max(1, Math.ceil(teams / shape.teamsPerDepartment));
  const segmentParents: Record<string, string | null> = {};
  const teamIds: string[] = [];
  for (let d = 0; d < departments; d++) {
    const dept = `d${String(d + 1).padStart(3, '0')}`;
    segmentParents[dept] = null;
    for (let t = 0; t < shape.teamsPerDepartment && teamIds.length < teams; t++) {
      const team = `${dept}-t${String(t + 1).padStart(2, '0')}`;
      segmentParents[team] = dept;
      teamIds.push(team);
    }
  }
  await c.segments.insertMany(Object.entries(segmentParents).map(([id, parentId]) => ({ _id: id, name: `Segment ${id}`, parentId })));

  const zones = ['Europe/Oslo', 'Europe/Stockholm', 'America/New_York', 'Asia/Kolkata'];
  const locales = ['en', 'nb', 'sv'] as const;
  const teamSize = new Map<string, number>();
  const people: PersonDoc[] = [];
  const heads = new Set<string>();
  for (let i = 0; i < shape.people; i++) {
    const segment = teamIds[i % teamIds.length] ?? 'org';
    teamSize.set(segment, (teamSize.get(segment) ?? 0) + 1);
    const dept = segmentParents[segment] ?? null;
    const leadsTeam = (teamSize.get(segment) ?? 0) === 1;
    const leadsDept = !leadsTeam && dept !== null && !heads.has(dept);
    if (leadsDept && dept !== null) heads.add(dept);
    const hr = i === shape.people - 1 || i === shape.people - 2;
    people.push({
      _id: `slack:T1:U${i}`,
      platform: 'slack',
      tenant: 'T1',
      userId: `U${i}`,
      email: null,
      firstSeen: null,
      manager: null,
      timezone: zones[i % zones.length] ?? null,
      locale: locales[i % locales.length] ?? 'en',
      segment,
      segmentSource: 'platform',
      syncId: 'bench',
      linkedTo: null,
      roles: hr ? ['hr'] : leadsTeam || leadsDept ? ['leader'] : [],
      leads: leadsTeam ? [segment] : leadsDept && dept !== null ? [dept] : [],
      active: true,
    });
  }
  await insertAll((docs) => c.people.insertMany(docs), people);
  // Attribute cuts (issue #20): who sits in which team with which values, the same every round.
  const invitedWith = people.map((p, i) => ({ segment: p.segment ?? 'org', values: benchValues(i) }));
  const members = new Map<string, number[]>();
  invitedWith.forEach((p, i) => members.set(p.segment, [...(members.get(p.segment) ?? []), i]));

  let counters = 0;
  let comments = 0;
  const last = DateTime.fromISO(shape.lastRound, { zone: 'utc' });
  for (let r = shape.rounds - 1; r >= 0; r--) {
    const date = last.minus({ weeks: r }).toISODate() ?? '';
    const id = `pulse:${date}`;
    const drivers: Driver[] = [0, 1, 2].map((k) => DRIVERS[(r * 3 + k) % DRIVERS.length] as Driver);
    const likert = drivers.map((d) => `${d}-1`);
    const round: RoundDoc = {
      _id: id,
      surveyId: 'pulse',
      kind: 'pulse',
      step: 0,
      announced: true,
      date,
      index: shape.rounds - 1 - r,
      questionIds: ['enps', ...likert, 'comment'],
      questions: [],
      surveyName: null,
      anonymity: { minGroupSize: 5, minCommentGroupSize: 5 },
      opensAt: new Date(`${date}T09:00:00Z`),
      closesAt: new Date(`${date}T09:00:00Z`),
      state: 'closed',
      countsFinal: true,
      segmentParents,
      fannedOut: true,
      sendNow: false,
      keyedOrder: true,
      pooledQuarters: [],
      mergedInto: null,
      attributes: [...BENCH_ATTRIBUTES],
    };
    await c.rounds.insertOne(round);
    const docs: CounterDoc[] = [];
    const texts: CommentDoc[] = [];
    const add = (segment: string, questionId: string, value: string, n: number) => {
      if (n > 0) docs.push({ _id: counterId(id, segment, questionId, value), roundId: id, segment, questionId, value, n });
    };
    // Driver impact (issue #20): each respondent's (eNPS, answer) pairs, as closing sums them.
    const own = new Map<string, Map<string, PairSums>>();
    const answered: { values: readonly string[]; answers: Map<string, number> }[] = [];
    for (const team of teamIds) {
      const invited = teamSize.get(team) ?? 0;
      const respondents = Math.round(invited * (0.55 + random() * 0.4));
      for (const i of (members.get(team) ?? []).slice(0, respondents))
        answered.push({
          values: invitedWith[i]?.values ?? [],
          answers: new Map([['enps', Math.floor(random() * 11)], ...likert.map((q) => [q, 1 + Math.floor(random() * 5)] as [string, number])]),
        });
      add(team, ROUND_QUESTION, COUNTER_INVITED, invited);
      add(team, ROUND_QUESTION, COUNTER_RESPONDENTS, respondents);
      const scale = (questionId: string, values: number[]) => {
        const counts = new Map<number, number>();
        for (let k = 0; k < respondents; k++) {
          const v = values[Math.floor(random() * values.length)] ?? 0;
          counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        for (const [v, n] of counts) add(team, questionId, String(v), n);
        add(team, questionId, COUNTER_ANSWERED, respondents);
      };
      scale('enps', [0, 3, 5, 6, 7, 7, 8, 8, 9, 9, 10, 10]);
      for (const q of likert) scale(q, [1, 2, 3, 3, 4, 4, 4, 5, 5]);
      likert.forEach((q, d) => {
        let sums = NO_PAIRS;
        for (let k = 0; k < respondents; k++) {
          const x = Math.floor(random() * 11);
          // The round's first driver rises with eNPS; the others only by chance.
          const y = d === 0 ? Math.min(5, Math.max(1, Math.round(1 + x * 0.35 + random() * 1.5 - 0.75))) : 1 + Math.floor(random() * 5);
          sums = addSums(sums, pairOf(x, y));
        }
        const bySegment = own.get(q) ?? new Map<string, PairSums>();
        bySegment.set(team, sums);
        own.set(q, bySegment);
      });
      const commenters = Math.floor(respondents * 0.1);
      add(team, 'comment', COUNTER_ANSWERED, commenters);
      for (let k = 0; k < commenters; k++)
        texts.push({ _id: randomUUID(), roundId: id, roundDate: date, questionId: 'comment', segment: team, text: `Comment ${k} of ${team} in ${date}` });
    }
    await impactCollection(database).insertOne(toImpactDoc(id, visibleImpactFigures(treeOf(round), own, round.anonymity.minGroupSize)));
    await seedAttributeRound(database, id, round.anonymity.minGroupSize, invitedWith, answered);
    await insertAll((batch) => c.counters.insertMany(batch), docs);
    await insertAll((batch) => c.comments.insertMany(batch), texts);
    counters += docs.length;
    comments += texts.length;
  }
  return { teams, departments, counters, comments };
}
