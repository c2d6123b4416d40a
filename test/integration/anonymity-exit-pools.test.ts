import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeRound } from '../../src/services/close-round.js';
import { exitResults } from '../../src/services/exit-results.js';
import { requestExitSurvey } from '../../src/services/exit-surveys.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { runScheduleTick } from '../../src/services/schedule-tick.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps } from '../support/fixtures.js';

// The attackers: someone with a copy of the database, who counts the answers filed under each
// stored group of a closed exit round; and HR, who reads exit results before and after the
// threshold is raised and subtracts one pool from another.
describe('exit answers: no closed stored group, and no pool difference, holds fewer than k leavers', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let platform: RecordingPlatform;
  let people: Record<string, string[]>;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-01-05T06:00:00Z');
    platform = new RecordingPlatform(deps.clock);
    const keys = await seedPeople(deps, { eng: 8, sales: 12 });
    await deps.store.segments.upsert({ _id: 'eng', name: 'Engineering', parentId: null });
    await deps.store.segments.upsert({ _id: 'sales', name: 'Sales', parentId: null });
    people = { eng: keys.slice(0, 8), sales: keys.slice(8, 20) };
  });
  afterEach(async () => {
    await db.dispose();
  });

  const take = (group: string, n: number) => (people[group] ?? []).splice(0, n);
  /** Each leaver gets the survey on `date` and answers one rating through their prompt. */
  const leave = async (date: string, leavers: string[]) => {
    for (const person of leavers) await requestExitSurvey(deps, 'slack:T1:UHR', { target: person, date });
    deps.clock.set(DateTime.fromISO(`${date}T23:00:00Z`, { zone: 'utc' }));
    await runScheduleTick(deps, new Map([['slack', platform]]));
    for (const person of leavers) {
      const sent = platform.prompts.find(
        (p) => p.prompt.roundId.startsWith('exit:') && `slack:T1:${p.to.userId}` === person && p.at.toISOString().startsWith(date),
      )!;
      await recordAnswer(deps, {
        roundId: sent.prompt.roundId,
        person,
        responseToken: sent.prompt.responseToken,
        binding: sent.prompt.binding,
        questionId: 'exit-rate-pay',
        raw: 3,
      });
    }
  };
  const closeAll = async (at: string) => {
    deps.clock.set(DateTime.fromISO(at, { zone: 'utc' }));
    for (const round of await db.database.collections.rounds.find({ surveyId: 'exit', state: 'open' }).toArray()) {
      if (round.closesAt <= deps.clock.now().toJSDate()) await closeRound(deps, round._id, { graceMs: 0 });
    }
  };

  it('one leaver from a department of 8 is never a stored group of one once the pool closes', async () => {
    // Engineering has 8 active people (enough to be filed under it) but only one of them leaves.
    await leave('2026-02-03', [...take('eng', 1), ...take('sales', 4)]);
    await closeAll('2026-05-01T00:00:00Z');
    const closed = (await db.database.collections.rounds.find({ surveyId: 'exit', state: 'closed', mergedInto: null }).toArray()).map((r) => r._id);
    expect(closed).toHaveLength(1);
    // The database copy: per stored group of a closed round, how many leavers' answers.
    const groups = await db.database.collections.responses
      .aggregate<{ _id: { r: string; s: string }; n: number }>([
        { $match: { roundId: { $in: closed } } },
        { $group: { _id: { r: '$roundId', s: '$segment' }, n: { $sum: 1 } } },
      ])
      .toArray();
    const counters = await db.database.collections.counters.find({ roundId: { $in: closed }, questionId: '_round', value: '_respondents' }).toArray();
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.n, JSON.stringify(g)).toBeGreaterThanOrEqual(5);
    for (const c of counters) expect(c.n, JSON.stringify(c)).toBeGreaterThanOrEqual(5);
  });

  it('a quarter below k is pooled into the next in storage: its closed round holds no answers at all', async () => {
    await leave('2026-02-03', take('sales', 2));
    await closeAll('2026-04-05T00:00:00Z');
    const q1 = await db.database.collections.rounds.findOne({ _id: 'exit:2026-Q1' });
    expect(q1?.mergedInto).toBe('exit:2026-Q2');
    expect(await db.database.collections.responses.countDocuments({ roundId: 'exit:2026-Q1' })).toBe(0);
    expect(await db.database.collections.counters.countDocuments({ roundId: 'exit:2026-Q1' })).toBe(0);
    expect((await exitResults(deps)).pendingQuarters).toEqual(['2026-Q1']);
    await leave('2026-05-05', take('sales', 3));
    await closeAll('2026-07-10T00:00:00Z');
    const results = await exitResults(deps);
    expect(results.pools.map((p) => [p.quarters, p.organisation.respondents])).toEqual([[['2026-Q1', '2026-Q2'], 5]]);
  });

  it('raising k never re-pools shown quarters: no new pool boundary appears to subtract from an old one', async () => {
    // Q1: 5 leavers (a pool of its own at k = 5); Q2: 2 and Q3: 3 (pooled together at k = 5).
    await leave('2026-02-03', [...take('sales', 5)]);
    await leave('2026-05-05', [...take('sales', 2)]);
    await leave('2026-08-04', [...take('eng', 3)]);
    await closeAll('2026-11-01T00:00:00Z');
    const before = (await exitResults(deps)).pools.map((p) => p.quarters.join('+'));
    expect(before.sort()).toEqual(['2026-Q1', '2026-Q2+2026-Q3']);
    // HR raises k to 6. Read-time pooling would now show Q1+Q2 (7): minus the old Q1 pool (5), Q2's 2 leavers.
    deps.settings.anonymity.minGroupSize = 6;
    deps.settings.anonymity.minCommentGroupSize = 6;
    const after = (await exitResults(deps)).pools.map((p) => p.quarters.join('+'));
    for (const pool of after) expect(before).toContain(pool);
  });
});
