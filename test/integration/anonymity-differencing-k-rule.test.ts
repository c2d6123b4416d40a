import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardModel } from '../../src/services/dashboard-model.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { resultsCsv } from '../../src/services/results-csv.js';
import { resultsInRange } from '../../src/services/results-range.js';
import { roundResults } from '../../src/services/results.js';
import { buildSummary } from '../../src/services/summary.js';
import { loadSummaryContext } from '../../src/services/summary-context.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps } from '../support/fixtures.js';
import { seedClosedRound, spread } from '../support/summary-seed.js';

/*
 * One k rule (issue #16): every results entry point judges a round by the larger of the k it ran
 * with and today's PULSE_MIN_GROUP_SIZE. The attack: a round closes at k = 5, the threshold is
 * then raised to 6 because a team of 5 was judged too small; a leader asks Slack for the summary
 * while HR looks at the dashboard. Before the fix the summary still showed the team of 5 (and the
 * sibling that, subtracted from the department, gives it away) that the dashboard hid.
 */

// root = eng (a 5 + b 7 + c 6) + sales 8.
const TREE = { eng: null, a: 'eng', b: 'eng', c: 'eng', sales: null };
const team = (n: number) => ({ respondents: n, enps: spread(n, [10, 7, 3]), likert: { 'workload-1': spread(n, [2, 4, 5]) } });

async function summaryShown(deps: ServiceDeps): Promise<string[]> {
  const context = await loadSummaryContext(deps, 'pulse');
  if (context === null) throw new Error('no closed round');
  const summary = await buildSummary(deps, context, { audience: 'org', scope: 'all', variant: 48 });
  return summary.segments
    .filter((s) => s.visible)
    .map((s) => s.segment)
    .sort();
}

async function everySurface(deps: ServiceDeps): Promise<Record<string, string[]>> {
  const latest = await roundResults(deps, 'pulse', 'all');
  const range = await resultsInRange(deps, { survey: 'pulse' });
  if (range.kind !== 'pulse') throw new Error('expected pulse results');
  const csv = parse<{ segment: string }>(resultsCsv(range), { columns: true });
  const dashboard = await dashboardModel(deps, 'all', true);
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
  return {
    chatResults: sorted(latest?.segments.filter((s) => s.visible).map((s) => s.segment) ?? []),
    summaryAndAppHome: await summaryShown(deps),
    hrApi: sorted(range.rounds.flatMap((r) => r.segments.filter((s) => s.visible).map((s) => s.segment))),
    csv: sorted(csv.map((row) => row.segment)),
    dashboard: sorted(dashboard.latest?.segments.filter((s) => s.visible).map((s) => s.segment) ?? []),
  };
}

describe('one k rule for every results entry point', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database);
    await seedClosedRound(deps, {
      surveyId: 'pulse',
      date: '2026-11-16',
      segmentParents: TREE,
      anonymity: { minGroupSize: 5, minCommentGroupSize: 5 },
      bySegment: { a: team(5), b: team(7), c: team(6), sales: team(8) },
    });
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('at the k the round ran with, every surface shows the same groups', async () => {
    const seen = await everySurface(deps);
    expect(seen.chatResults).toContain('a');
    for (const [surface, shown] of Object.entries(seen)) {
      expect(shown, surface).toEqual(seen.chatResults);
    }
  });

  it('after PULSE_MIN_GROUP_SIZE is raised, every surface hides the team of 5 and the sibling that would give it away', async () => {
    // The summary was read (and cached) at k = 5 in the test above; now the setting goes up.
    const raised: ServiceDeps = { ...deps, settings: { ...deps.settings, anonymity: { minGroupSize: 6, minCommentGroupSize: 6 } } };
    const seen = await everySurface(raised);
    for (const [surface, shown] of Object.entries(seen)) {
      expect(shown, surface).not.toContain('a');
      // eng − b would be a + c = 11 if c were hidden alone; with c shown, eng − b − c = a's 5 people.
      expect(shown.includes('b') && shown.includes('c') && shown.includes('eng'), surface).toBe(false);
      expect(shown, surface).toEqual(seen.hrApi);
    }
  });
});
