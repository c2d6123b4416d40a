import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SURVEY_ID } from '../../src/services/playground/demo-survey.js';
import { demoPersonKey, seedDemo } from '../../src/services/playground/seed-demo.js';
import { DEMO_HR } from '../../src/services/playground/demo-org.js';
import { summaryForReader } from '../../src/services/summary-reader.js';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import { DateTime } from 'luxon';
import { renderDashboard } from '../../adapters/web/dashboard/dashboard-view.js';
import { dashboardModel } from '../../src/services/dashboard-model.js';
import { resultsCsv } from '../../src/services/results-csv.js';
import { resultsInRange } from '../../src/services/results-range.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps } from '../support/fixtures.js';

/** The playground's demo organisation includes a survey HR wrote, with results per question (issue #17). */
describe('the demo organisation’s own survey', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-18T12:00:00Z');
    await seedDemo(deps);
  }, 120_000);
  afterAll(async () => {
    await db.dispose();
  });

  it('is stored as HR wrote it, with two closed monthly rounds that asked its own questions', async () => {
    const survey = await deps.store.rounds.survey(DEMO_SURVEY_ID);
    expect(survey?.document?.questions.map((q) => ('id' in q ? q.id : null))).toEqual(['focus', 'slowdown', 'hybrid', 'change']);
    const rounds = await deps.store.rounds.roundsOf(DEMO_SURVEY_ID);
    expect(rounds.map((r) => [r._id, r.state])).toEqual([
      ['workplace-check:2026-11-04', 'closed'],
      ['workplace-check:2026-10-07', 'closed'],
    ]);
    expect(rounds[0]?.questions.find((q) => q.id === 'slowdown')?.text.nb).toBe('Hva sinker deg mest?');
  });

  it('shows per-question figures for the organisation and hides teams below the threshold', async () => {
    const results = await resultsInRange(deps, { survey: DEMO_SURVEY_ID });
    if (results.kind !== 'pulse') throw new Error('expected pulse results');
    const latest = results.rounds[0];
    const root = latest?.segments.find((s) => s.visible && s.questions.length > 0);
    const byId = new Map(root?.questions.map((q) => [q.questionId, q]));
    expect(byId.get('focus')).toMatchObject({ type: 'agreement', visible: true });
    const slowdown = byId.get('slowdown');
    expect(slowdown).toMatchObject({ type: 'choice', visible: true });
    const options = slowdown && 'options' in slowdown ? slowdown.options : {};
    expect(Object.keys(options).sort()).toEqual(['meetings', 'nothing', 'tools', 'waiting']);
    expect(Object.values(options).reduce((a, b) => a + b, 0)).toBe(slowdown?.respondents);
    expect(byId.get('hybrid')).toMatchObject({ type: 'yesno' });
    const hidden = latest?.segments.filter((s) => !s.visible) ?? [];
    for (const segment of hidden) expect(segment.questions).toEqual([]);
  });

  it('the dashboard shows each question of the latest round in the reader’s language, with bars, for HR and for a leader', async () => {
    const hr = renderDashboard(await dashboardModel(deps, 'all', true), 'nb', '12:00');
    expect(hr).toContain('Workplace check: runden 2026-11-04');
    expect(hr).toContain('<a href="/dashboard/surveys" data-testid="survey-editor-link">Undersøkelser</a>');
    expect(hr).toContain('Hva sinker deg mest?');
    expect(hr).toContain('<span class="bar-label">Møter</span>');
    expect(hr).toContain('Fungerer retningslinjene for hybridarbeid for deg?');
    expect(hr).toMatch(/% ja/);
    expect(hr).not.toMatch(/Én ting vi bør endre\?<\/h4><div class="bars">/);
    // Written answers show only on the dashboard, where the comment threshold passes.
    expect(hr).toMatch(
      /data-question="change"><h4>Én ting vi bør endre\?<\/h4><p>\d+ skriftlige svar<\/p><ul class="comments"><li class="comment" data-comment="[0-9a-f-]{36}">/,
    );
    // What the written answers are about (issue #20): a line per theme, each opening to its comments.
    const from = hr.slice(hr.indexOf('data-question="change"'));
    const change = from.slice(0, from.indexOf('data-question=', 1) === -1 ? undefined : from.indexOf('data-question=', 1));
    expect(change).toContain('<h5>Hva kommentarene handler om</h5>');
    expect(change).toMatch(
      /<details class="theme" data-theme="[a-z]+"><summary>[^<]+: \d+ \(\d+ negative, \d+ nøytrale, \d+ positive\)<\/summary><ul class="comments"><li>/,
    );
    const model = await dashboardModel(deps, 'all', true);
    const themes = model.surveys.find((s) => s.surveyId === DEMO_SURVEY_ID)?.themes.change ?? [];
    const written = Number(/(\d+) skriftlige svar/.exec(change)?.[1]);
    expect(themes.reduce((sum, th) => sum + th.count.n, 0)).toBe(written);
    for (const th of themes) expect(th.comments).toHaveLength(Math.min(th.count.n, 20));
    // A leader sees only their own team, and nothing of a team below the threshold.
    const leader = await dashboardModel(deps, ['engineering'], false);
    expect(renderDashboard(leader, 'en', '12:00')).not.toContain('/dashboard/surveys');
    const survey = leader.surveys.find((s) => s.surveyId === DEMO_SURVEY_ID);
    expect(survey?.segments.every((s) => s.segment === 'engineering')).toBe(true);
  });

  it('the weekly summary carries the survey (inSummary) for a week after its round closed, in the reader’s language', async () => {
    const hr = demoPersonKey(DEMO_HR);
    deps.clock.set(DateTime.fromISO('2026-11-12T12:00:00Z'));
    const fresh = await summaryForReader(deps, hr);
    if (fresh.kind !== 'summary') throw new Error(`expected a summary, got ${fresh.kind}`);
    const section = summaryText(fresh.summary, 'nb').sections.find((s) => s.heading === 'Workplace check (runden 2026-11-04)');
    expect(section?.lines.some((line) => line.startsWith('• Hva sinker deg mest?: '))).toBe(true);
    expect(section?.lines.some((line) => /^• Jeg kan konsentrere meg om arbeidet uten avbrudd\.: snitt \d,\d av 5, \d+ % positive$/.test(line))).toBe(true);
    deps.clock.set(DateTime.fromISO('2026-11-18T12:00:00Z'));
    const later = await summaryForReader(deps, hr);
    if (later.kind !== 'summary') throw new Error(`expected a summary, got ${later.kind}`);
    expect(later.summary.surveys).toBeUndefined();
  });

  it('the CSV export has a row per figure of each question, none for hidden groups and no free text', async () => {
    const results = await resultsInRange(deps, { survey: DEMO_SURVEY_ID });
    const rows = resultsCsv(results)
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const metrics = new Set(rows.map((r) => r[4]));
    for (const metric of ['question.focus.mean', 'question.focus.count.5', 'question.slowdown.option.meetings', 'question.hybrid.yes_pct'])
      expect(metrics.has(metric), metric).toBe(true);
    expect([...metrics].some((m) => m?.startsWith('question.change'))).toBe(false);
    const shown = new Set(results.kind === 'pulse' ? results.rounds.flatMap((r) => r.segments.filter((s) => s.visible).map((s) => s.segment)) : []);
    expect(rows.slice(1).every((r) => shown.has(r[2] ?? ''))).toBe(true);
  });
});
