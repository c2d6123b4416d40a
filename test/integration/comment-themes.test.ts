import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import { summaryForReader } from '../../src/services/summary-reader.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps, weeklyPulse } from '../support/fixtures.js';
import { seedClosedRound, spread } from '../support/summary-seed.js';

/** Issue #20: summaries say what a group's comments are about, by theme and sentiment, only where comments are shown. */
describe('comment themes in the summaries', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-23T12:00:00Z');
    await deps.store.rounds.saveSurvey(weeklyPulse());
    await seedClosedRound(deps, {
      surveyId: 'pulse',
      date: '2026-11-16',
      segmentParents: { sales: null, support: null },
      bySegment: {
        sales: {
          respondents: 6,
          enps: spread(6, [9]),
          comments: ['Salaries are lower than at other companies', 'Lønna er for lav', 'The bonus scheme is fair', 'My laptop crashes every day'],
        },
        support: { respondents: 6, enps: spread(6, [9]), comments: ['Too many meetings that could have been an email'] },
      },
    });
    await deps.store.people.upsert({ platform: 'slack', tenant: 'T1', userId: 'ULEAD', email: null, timezone: 'UTC', locale: 'en', segment: null });
    await deps.store.people.setRoles('slack:T1:ULEAD', ['leader'], ['sales']);
  });
  afterEach(async () => {
    await db.dispose();
  });

  it('counts every comment of the group by theme, each in its own language, with the sentiment mix', async () => {
    const outcome = await summaryForReader(deps, 'slack:T1:ULEAD');
    if (outcome.kind !== 'summary') throw new Error(outcome.kind);
    const [sales] = outcome.summary.segments;
    expect(sales?.visible && sales.themes).toEqual([
      { theme: 'pay', n: 3, negative: 2, neutral: 0, positive: 1 },
      { theme: 'tools', n: 1, negative: 1, neutral: 0, positive: 0 },
    ]);
    const section = summaryText(outcome.summary, 'nb').sections.find((s) => s.heading?.startsWith('Hva kommentarene handler om'));
    expect(section?.lines).toEqual([
      '• Lønn og goder: 3 (2 negative, 0 nøytrale, 1 positive)',
      '• Verktøy og arbeidsplass: 1 (1 negative, 0 nøytrale, 0 positive)',
    ]);
  });

  it('says nothing of the themes where the comments are not shown', async () => {
    const strict = { ...deps, settings: { ...deps.settings, anonymity: { minGroupSize: 5, minCommentGroupSize: 13 } } };
    const outcome = await summaryForReader(strict, 'slack:T1:UHR');
    if (outcome.kind !== 'summary') throw new Error(outcome.kind);
    for (const s of outcome.summary.segments) if (s.visible) expect(s.themes ?? null).toBeNull();
    expect(JSON.stringify(summaryText(outcome.summary, 'en'))).not.toContain('What the comments are about');
  });
});
