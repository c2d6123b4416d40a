import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentSummary, Summary, VisibleSegmentSummary } from '../../src/domain/summary/summary-model.js';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { buildSummary } from '../../src/services/summary.js';
import { loadSummaryContext } from '../../src/services/summary-context.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps } from '../support/fixtures.js';
import { seedClosedRound, spread } from '../support/summary-seed.js';

const TREE = { sales: null, s1: 'sales', s2: 'sales', s3: 'sales', tiny: null, ops: null };
const team = (respondents: number, comments: string[] = [], invited = respondents) => ({
  invited,
  respondents,
  enps: spread(respondents, [10, 8, 5]),
  likert: { 'workload-1': spread(respondents, [2, 4]) },
  comments,
});

async function summaryOf(deps: ServiceDeps, surveyId: string, scope: 'all' | string[]): Promise<Summary> {
  const context = await loadSummaryContext(deps, surveyId);
  if (context === null) throw new Error('no closed round');
  return buildSummary(deps, context, { audience: scope === 'all' ? 'org' : 'leader', scope, variant: 48 });
}

const bySegment = (summary: Summary) => new Map(summary.segments.map((s) => [s.segment, s]));
const visible = (s: SegmentSummary | undefined): VisibleSegmentSummary => {
  if (s?.visible !== true) throw new Error(`${s?.segment ?? '?'} is hidden`);
  return s;
};
const allText = (summary: Summary) => JSON.stringify(['en', 'nb', 'sv'].map((l) => summaryText(summary, l as 'en')));

describe('summaries never show a group below the threshold, not even by subtraction', () => {
  let db: TestDatabase;
  let deps: ServiceDeps;

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database);
    // k = 5. sales = s1 (6) + s2 (6) + s3 (3); tiny: a 4-person team alone; ops: 5 invited, 4 answered.
    await seedClosedRound(deps, {
      surveyId: 'pulse',
      date: '2026-11-16',
      segmentParents: TREE,
      bySegment: {
        s1: team(6, ['s1 says hi']),
        s2: team(6, ['s2 says hi']),
        s3: team(3, ['s3 secret']),
        tiny: team(4, ['tiny secret']),
        ops: team(4, ['ops secret'], 5),
      },
    });
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('a 4-person team alone: its leader gets one line, no numbers, no comments, no chart', async () => {
    const summary = await summaryOf(deps, 'pulse', ['tiny']);
    expect(summary.segments).toEqual([{ segment: 'tiny', name: 'TINY', visible: false }]);
    expect(summary.chartSegment).toBeNull();
    const text = summaryText(summary, 'en');
    expect(text.sections).toEqual([{ heading: null, lines: [expect.stringMatching(/^TINY: not shown, to protect anonymity/)] }]);
    expect(allText(summary)).not.toContain('tiny secret');
    expect(allText(summary)).not.toMatch(/eNPS [−+]?\d/);
  });

  it('a 5-person team where 4 answered is hidden the same way', async () => {
    const summary = await summaryOf(deps, 'pulse', ['ops']);
    expect(summary.segments).toEqual([{ segment: 'ops', name: 'OPS', visible: false }]);
    expect(allText(summary)).not.toContain('ops secret');
  });

  it('a department whose teams would reveal a hidden one by subtraction hides a sibling too', async () => {
    const summary = await summaryOf(deps, 'pulse', ['sales']);
    const seen = bySegment(summary);
    expect(visible(seen.get('sales')).respondents).toBe(15);
    expect(seen.get('s3')?.visible).toBe(false);
    // sales − s1 − s2 would be s3's 3 people: one of the two 6-person teams is hidden as well.
    expect([seen.get('s1')?.visible, seen.get('s2')?.visible].sort()).toEqual([false, true]);
    // Whatever is shown, the part of the department not accounted for is 0 or at least k.
    const shownChildren = ['s1', 's2', 's3'].map((s) => seen.get(s)).filter((s): s is VisibleSegmentSummary => s?.visible === true);
    const rest = 15 - shownChildren.reduce((n, s) => n + s.respondents, 0);
    expect(rest === 0 || rest >= 5).toBe(true);
    // Same for eNPS counts: the hidden teams' answers cannot be isolated from what is shown.
    const deptEnps = visible(seen.get('sales')).enps;
    const restEnps = (deptEnps?.respondents ?? 0) - shownChildren.reduce((n, s) => n + (s.enps?.respondents ?? 0), 0);
    expect(restEnps === 0 || restEnps >= 5).toBe(true);
    // s3's comment may only be read pooled into the department's 15 (minus s2's 6 that its own
    // leader sees, 9 people remain); s3's leader, asking for s3 alone, gets nothing of it.
    expect(
      visible(seen.get('sales'))
        .comments?.map((c) => c.text)
        .sort(),
    ).toEqual(['s1 says hi', 's2 says hi', 's3 secret']);
    expect(allText(await summaryOf(deps, 'pulse', ['s3']))).not.toContain('s3 secret');
  });

  it('the organisation-wide summary applies the same rules to every segment', async () => {
    const summary = await summaryOf(deps, 'pulse', 'all');
    const seen = bySegment(summary);
    expect(visible(seen.get('org')).respondents).toBe(23);
    expect(
      [...seen]
        .filter(([, s]) => s.visible)
        .map(([id]) => id)
        .sort(),
    ).toEqual(['org', 's2', 'sales']);
    for (const hidden of ['tiny', 'ops', 's1', 's3']) expect(seen.get(hidden)).toEqual({ segment: hidden, name: hidden.toUpperCase(), visible: false });
  });

  it('comments need their own threshold, are at most five, shuffled and dated only by round', async () => {
    const many = Array.from({ length: 9 }, (_, i) => `comment ${i + 1}`);
    await seedClosedRound(deps, {
      surveyId: 'comments',
      date: '2026-11-16',
      segmentParents: { dept: null, a: 'dept', b: 'dept' },
      anonymity: { minGroupSize: 5, minCommentGroupSize: 8 },
      bySegment: { a: team(9, many), b: team(6, ['b only']) },
    });
    const summary = await summaryOf(deps, 'comments', ['dept']);
    const seen = bySegment(summary);
    const dept = visible(seen.get('dept'));
    expect(dept.comments).toHaveLength(5);
    // The text, the round's date, and the comment's own id to reply to (a keyed UUID: no time, no person; issue #19).
    for (const c of dept.comments ?? []) {
      expect(Object.keys(c).sort()).toEqual(['id', 'roundDate', 'text']);
      expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(new Set(dept.comments?.map((c) => c.roundDate))).toEqual(new Set(['2026-11-16']));
    expect(dept.comments?.map((c) => c.text)).not.toEqual([...many, 'b only'].slice(0, 5));
    // Team a (9 ≥ 8) would pass alone, but dept − a would be b's 6 people: a's comments stay
    // hidden (and team leaders' summaries carry none for teams under 8).
    const leaderA = visible(bySegment(await summaryOf(deps, 'comments', ['a'])).get('a'));
    expect(leaderA.respondents).toBe(9);
    expect(leaderA.comments).toBeNull();
    const leaderB = visible(bySegment(await summaryOf(deps, 'comments', ['b'])).get('b'));
    expect(leaderB.comments).toBeNull();
    expect(JSON.stringify(summaryText(await summaryOf(deps, 'comments', ['b']), 'en'))).not.toContain('b only');
  });
});
