import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary, VisibleSegmentSummary } from '../../src/domain/summary/summary-model.js';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { buildSummary } from '../../src/services/summary.js';
import { loadSummaryContext } from '../../src/services/summary-context.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps } from '../support/fixtures.js';
import { seedClosedRound } from '../support/summary-seed.js';

const TREE = { eng: null, web: 'eng', app: 'eng' };

async function leaderSummary(deps: ServiceDeps, scope: string[]): Promise<Summary> {
  const context = await loadSummaryContext(deps, 'pulse');
  if (context === null) throw new Error('no closed round');
  return buildSummary(deps, context, { audience: 'leader', scope, variant: 48 });
}
const seg = (summary: Summary, id: string) => summary.segments.find((s) => s.segment === id) as VisibleSegmentSummary;

describe('summary trends, changes and suggested actions', () => {
  let db: TestDatabase;
  let deps: ServiceDeps;

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database);
    // Round 1: eNPS + growth. Round 2: workload only, and app answers too little (web hidden with it).
    // Round 3: eNPS + growth + workload + recognition. Drivers rotate; eNPS is not asked every round.
    await seedClosedRound(deps, {
      surveyId: 'pulse',
      date: '2026-11-02',
      segmentParents: TREE,
      bySegment: {
        web: { invited: 10, respondents: 8, enps: { 10: 2, 8: 4, 3: 2 }, likert: { 'growth-1': { 3: 6, 4: 2 } } },
        app: { invited: 10, respondents: 6, enps: { 9: 3, 7: 3 }, likert: { 'growth-1': { 3: 4, 4: 2 } } },
      },
    });
    await seedClosedRound(deps, {
      surveyId: 'pulse',
      date: '2026-11-09',
      segmentParents: TREE,
      bySegment: {
        web: { invited: 10, respondents: 7, likert: { 'workload-1': { 2: 4, 3: 3 } } },
        app: { invited: 10, respondents: 2, likert: { 'workload-1': { 2: 2 } } },
      },
    });
    await seedClosedRound(deps, {
      surveyId: 'pulse',
      date: '2026-11-16',
      segmentParents: TREE,
      bySegment: {
        web: {
          invited: 10,
          respondents: 9,
          enps: { 10: 5, 9: 2, 6: 2 },
          likert: { 'growth-1': { 5: 5, 4: 4 }, 'workload-1': { 1: 7, 4: 2 }, 'recognition-1': { 2: 3, 3: 2, 4: 4 } },
        },
        app: {
          invited: 10,
          respondents: 7,
          enps: { 10: 4, 5: 3 },
          likert: { 'growth-1': { 4: 7 }, 'workload-1': { 1: 3, 4: 4 }, 'recognition-1': { 4: 4, 5: 3 } },
        },
      },
    });
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('participation and eNPS come with their change and trend; a hidden round is a gap, not a zero', async () => {
    const web = seg(await leaderSummary(deps, ['web']), 'web');
    expect(web.participation).toBeCloseTo(90);
    expect(web.participationChange).toBeNull(); // hidden in the round before: no change to show
    expect(web.trend.map((p) => [p.roundDate, p.participation === null ? null : Math.round(p.participation)])).toEqual([
      ['2026-11-02', 80],
      ['2026-11-09', null],
      ['2026-11-16', 90],
    ]);
    // eNPS: (7 promoters − 2 detractors) / 9 now; (2 − 2) / 8 = 0 the last time it was asked.
    expect(web.enps?.score).toBeCloseTo((5 / 9) * 100);
    expect(web.enps?.band).toBe('excellent');
    expect(web.enps?.marginOfError).toBeGreaterThan(0);
    expect(web.enpsChange).toBeCloseTo((5 / 9) * 100);
    expect(web.trend.map((p) => (p.enps === null ? null : Math.round(p.enps)))).toEqual([0, null, 56]);
  });

  it('drivers: mean and % favourable with the change since each was last asked, and the biggest movers', async () => {
    const eng = seg(await leaderSummary(deps, ['eng']), 'eng');
    const byDriver = new Map(eng.drivers.map((d) => [d.driver, d]));
    const growth = byDriver.get('growth');
    expect(growth?.mean).toBeCloseTo((5 * 5 + 4 * 4 + 4 * 7) / 16);
    expect(growth?.favourable).toBeCloseTo(100);
    expect(growth?.meanChange).toBeCloseTo((5 * 5 + 4 * 4 + 4 * 7) / 16 - (3 * 10 + 4 * 4) / 14);
    expect(growth?.favourableChange).toBeCloseTo(100 - (4 / 14) * 100);
    const workload = byDriver.get('workload');
    expect(workload?.favourable).toBeCloseTo((6 / 16) * 100);
    // Round 2 counted for the department as a whole (9 answered), even with both teams hidden.
    expect(workload?.meanChange).toBeCloseTo((7 + 2 * 4 + 3 + 4 * 4) / 16 - (2 * 6 + 3 * 3) / 9);
    expect(byDriver.get('recognition')?.meanChange).toBeNull();
    expect(eng.biggestMover.up?.driver).toBe('growth');
    expect(eng.biggestMover.down?.driver).toBe('workload');
  });

  it('suggests actions for the weakest drivers, in the reader’s language', async () => {
    const summary = await leaderSummary(deps, ['eng']);
    const eng = seg(summary, 'eng');
    // workload 37.5% and recognition 68.75% favourable are under 70%; growth (100%) is not.
    expect(eng.actions.map((a) => a.driver)).toEqual(['workload', 'recognition']);
    expect(JSON.stringify(summaryText(summary, 'nb'))).toContain('Arbeidsmengde: Gå gjennom teamets prioriteringer');
    expect(JSON.stringify(summaryText(summary, 'sv'))).toContain('Arbetsbelastning: Gå igenom teamets prioriteringar');
    // Teams under a leader's root get scores, not a second set of actions and comments.
    expect(seg(summary, 'web').actions).toEqual([]);
    expect(summary.chartSegment).toBe('eng');
  });
});
