import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { exitSummaryLines } from '../../src/services/summary-exit.js';
import { buildSummary } from '../../src/services/summary.js';
import { loadSummaryContext } from '../../src/services/summary-context.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps } from '../support/fixtures.js';
import { seedClosedRound } from '../support/summary-seed.js';

describe('exit results in HR’s weekly summary', () => {
  let db: TestDatabase;
  let deps: ServiceDeps;

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database); // 2026-11-22: Q3 has closed, Q4 has not
    await seedClosedRound(deps, {
      surveyId: 'pulse',
      date: '2026-11-16',
      segmentParents: { sales: null },
      bySegment: { sales: { respondents: 6, enps: { 9: 6 } } },
    });
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('there is no exit section while no quarter has reached the threshold', async () => {
    await seedClosedRound(deps, {
      surveyId: 'exit',
      date: '2026-05-04',
      segmentParents: {},
      bySegment: { org: { respondents: 3, enps: { 3: 3 }, choices: { 'exit-reasons': { pay: 3 } } } },
    });
    expect(await exitSummaryLines(deps)).toBeNull();
  });

  it('the newest pool that passed shows its size, top reasons and eNPS in each language, to HR only', async () => {
    // Q3 closed with Q2's three leavers pooled into it (in storage, as closing does: Q2 stayed
    // below the threshold): six leavers, Q2's answers counted in Q3's round.
    const q3 = await seedClosedRound(deps, {
      surveyId: 'exit',
      date: '2026-08-03',
      segmentParents: {},
      bySegment: { org: { respondents: 6, enps: { 3: 3, 10: 2, 8: 1 }, choices: { 'exit-reasons': { pay: 5, growth: 3, leadership: 1, relocation: 1 } } } },
    });
    const { rounds, counters } = deps.store.database.collections;
    const q2 = await rounds.findOne({ surveyId: 'exit', date: '2026-05-04' });
    await rounds.updateOne({ _id: q2!._id }, { $set: { mergedInto: q3._id } });
    await counters.deleteMany({ roundId: q2!._id });
    await rounds.updateOne({ _id: q3._id }, { $set: { pooledQuarters: ['2026-Q2', '2026-Q3'] } });
    const lines = await exitSummaryLines(deps);
    expect(lines?.en).toEqual([
      '2026-Q2–2026-Q3: 6 leavers answered',
      // Pooled Q2 + Q3: pay 5 of 6, growth 3, then leadership and relocation 1 each (catalog order breaks the tie).
      'Most named reasons for leaving: Pay and benefits (83%), Growth and career opportunities (50%), Leadership (17%)',
      expect.stringMatching(/^eNPS [−+]?\d+ \(/),
    ]);
    expect(lines?.nb[0]).toBe('2026-Q2–2026-Q3: 6 som har sluttet, har svart');
    const context = await loadSummaryContext(deps, 'pulse');
    const org = await buildSummary(deps, context!, { audience: 'org', scope: 'all', variant: 1 });
    expect(summaryText(org, 'sv').sections.at(-1)).toEqual({ heading: 'Avgångsenkäter', lines: lines?.sv });
    const leader = await buildSummary(deps, context!, { audience: 'leader', scope: ['sales'], variant: 1 });
    expect(leader.exitResults).toBeUndefined();
  });
});
