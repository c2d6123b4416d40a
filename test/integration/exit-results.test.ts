import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeRound } from '../../src/services/close-round.js';
import { exitResults } from '../../src/services/exit-results.js';
import { requestExitSurvey } from '../../src/services/exit-surveys.js';
import { resultsCsv } from '../../src/services/results-csv.js';
import { resultsInRange } from '../../src/services/results-range.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { runScheduleTick } from '../../src/services/schedule-tick.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps } from '../support/fixtures.js';

interface Leaver {
  readonly reasons: string[];
  readonly pay: number;
  readonly enps: number;
  readonly keep: string;
}

describe('exit results: pooled by quarter, by department where safe', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let platform: RecordingPlatform;
  let people: Record<string, string[]>;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-01-05T06:00:00Z');
    platform = new RecordingPlatform(deps.clock);
    const keys = await seedPeople(deps, { 'eng/platform': 12, 'eng/apps': 4, sales: 12, ops: 3 });
    await deps.store.segments.upsert({ _id: 'eng', name: 'Engineering', parentId: null });
    await deps.store.segments.upsert({ _id: 'eng/platform', name: 'Platform', parentId: 'eng' });
    await deps.store.segments.upsert({ _id: 'eng/apps', name: 'Apps', parentId: 'eng' });
    await deps.store.segments.upsert({ _id: 'sales', name: 'Sales', parentId: null });
    people = { eng: keys.slice(0, 16), sales: keys.slice(16, 28), ops: keys.slice(28, 31) };
  });
  afterEach(async () => {
    await db.dispose();
  });

  /** Each leaver gets the survey on `date` and answers it through the token in their prompt. */
  const leave = async (date: string, who: { person: string; answers: Leaver }[]) => {
    for (const { person } of who) await requestExitSurvey(deps, 'slack:T1:UHR', { target: person, date });
    deps.clock.set(DateTime.fromISO(`${date}T23:00:00Z`, { zone: 'utc' }));
    await runScheduleTick(deps, new Map([['slack', platform]]));
    for (const { person, answers } of who) {
      const sent = platform.prompts.find(
        (p) => p.prompt.roundId.startsWith('exit:') && `slack:T1:${p.to.userId}` === person && p.at.toISOString().startsWith(date),
      );
      if (!sent) throw new Error(`no exit prompt for ${person} on ${date}`);
      const answer = (questionId: string, raw: number | string | string[]) =>
        recordAnswer(deps, { roundId: sent.prompt.roundId, person, responseToken: sent.prompt.responseToken, binding: sent.prompt.binding, questionId, raw });
      await answer('exit-reasons', answers.reasons);
      await answer('exit-rate-pay', answers.pay);
      await answer('enps', answers.enps);
      await answer('exit-keep', answers.keep);
    }
  };
  const take = (group: string, n: number): string[] => {
    const list = people[group] ?? [];
    return list.splice(0, n);
  };
  const answersFor = (i: number, tag: string): Leaver => ({
    reasons: i % 2 === 0 ? ['pay', 'growth'] : ['pay'],
    pay: (i % 5) + 1,
    enps: i % 3 === 0 ? 10 : 3,
    keep: `${tag} comment ${i}`,
  });
  const close = async (quarter: string) => {
    deps.clock.set(DateTime.fromISO('2027-03-01T00:00:00Z', { zone: 'utc' }));
    await closeRound(deps, `exit:${quarter}`);
  };

  it('rolls a small quarter into the next, hides departments that subtraction would reveal, and breaks down where it is safe', async () => {
    // Q1: 3 leavers (below k = 5). Q2: 4 more → the pool Q1+Q2 has 7 (Engineering 5, Sales 1, ops 1).
    await leave(
      '2026-01-06',
      [...take('eng', 2), ...take('sales', 1)].map((person, i) => ({ person, answers: answersFor(i, 'q1') })),
    );
    // An open quarter shows nothing, not even as pending: a later answer would make a difference.
    expect(await exitResults(deps)).toMatchObject({ pools: [], pendingQuarters: [] });
    await leave(
      '2026-04-07',
      [...take('eng', 3), ...take('ops', 1)].map((person, i) => ({ person, answers: answersFor(i + 3, 'q2') })),
    );
    // Q3: 10 leavers, 5 from Engineering and 5 from Sales: both departments can be shown.
    await leave(
      '2026-07-07',
      [...take('eng', 5), ...take('sales', 5)].map((person, i) => ({ person, answers: answersFor(i, 'q3') })),
    );
    // Q4: 2 leavers, closed but below the threshold: pending.
    await leave(
      '2026-10-06',
      take('sales', 2).map((person, i) => ({ person, answers: answersFor(i, 'q4') })),
    );
    // The ops leaver's department has 3 people: filed under the organisation, never under ops.
    expect(await db.database.collections.responses.countDocuments({ segment: 'ops' })).toBe(0);

    await close('2026-Q4'); // the earlier quarters were closed by the scheduler as time went by

    const results = await exitResults(deps);
    expect(results.pendingQuarters).toEqual(['2026-Q4']);
    expect(results.pools.map((p) => p.quarters)).toEqual([['2026-Q3'], ['2026-Q1', '2026-Q2']]);
    const [q3, q12] = results.pools;

    expect(q12?.organisation.respondents).toBe(7);
    expect(q12?.departments).toEqual([]); // Engineering (5) would leave 2 others by subtraction
    expect(q12?.organisation.reasons).toEqual([
      { reason: 'pay', count: 7, share: 100 },
      { reason: 'growth', count: 4, share: (4 / 7) * 100 },
    ]);

    expect(q3?.organisation.respondents).toBe(10);
    expect(q3?.departments.map((d) => [d.segment, d.name, d.respondents])).toEqual([
      ['eng', 'Engineering', 5],
      ['sales', 'Sales', 5],
    ]);
    const eng = q3?.departments[0];
    // Engineering's leavers were answers 0–4: pay ratings 1..5, eNPS 10,3,3,10,3.
    expect(eng?.ratings.pay).toMatchObject({ respondents: 5, mean: 3, favourable: 40 });
    expect(eng?.ratings.leadership).toBeNull(); // nobody answered it: no number
    expect(eng?.enps).toMatchObject({ respondents: 5, promoters: 2, detractors: 3 });
    expect(eng?.enps?.score).toBeCloseTo(-20, 9);
    expect(eng?.comments?.map((c) => c.text).sort()).toEqual(['q3 comment 0', 'q3 comment 1', 'q3 comment 2', 'q3 comment 3', 'q3 comment 4']);
    expect(q3?.organisation.comments).toHaveLength(10);

    // The API and the export read the same pools: aggregates only, one department on request.
    const platform = await resultsInRange(deps, { survey: 'exit', segment: 'eng/platform' });
    expect(platform.kind === 'exit' && platform.exit.pools.map((p) => p.departments.map((d) => d.segment))).toEqual([[], []]);
    const csv = resultsCsv(await resultsInRange(deps, { survey: 'exit', from: '2026-07-01' }));
    expect(csv.split('\n')[0]).toBe('survey,period,segment,segment_name,metric,value');
    expect(csv).toContain('exit,2026-Q3,eng,Engineering,respondents,5');
    expect(csv).toContain('exit,2026-Q3,org,Whole organisation,reason.pay.count,10');
    expect(csv).not.toContain('2026-Q1');
    expect(csv).not.toContain('comment');
  });

  it('shows comments shuffled, and only where the comment threshold is met', async () => {
    await leave(
      '2026-07-07',
      [...take('eng', 6), ...take('sales', 6)].map((person, i) => ({ person, answers: answersFor(i, 'c') })),
    );
    await close('2026-Q3');
    const orders = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const comments = (await exitResults(deps)).pools[0]?.organisation.comments ?? [];
      expect(comments.map((c) => c.text).sort()).toEqual(Array.from({ length: 12 }, (_, n) => `c comment ${n}`).sort());
      orders.add(comments.map((c) => c.text).join('|'));
    }
    expect(orders.size).toBeGreaterThan(1);

    deps.settings.anonymity.minCommentGroupSize = 7;
    const strict = await exitResults(deps);
    expect(strict.pools[0]?.organisation.comments).toHaveLength(12);
    expect(strict.pools[0]?.departments.map((d) => [d.segment, d.comments])).toEqual([
      ['eng', null],
      ['sales', null],
    ]);
    expect(strict.pools[0]?.departments[0]?.reasons.length).toBeGreaterThan(0); // scores still shown at k = 5
  });
});
