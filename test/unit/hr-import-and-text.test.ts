import { describe, expect, it } from 'vitest';
import { slackReply } from '../../adapters/slack/conversation.js';
import { exitReport } from '../../src/core/conversation/report.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { ExitResults, ExitSlice } from '../../src/services/exit-results.js';
import { ImportRejectedError, teamSegments, validatePeopleRows } from '../../src/services/people-import.js';
import { parsePeopleCsv } from '../../src/services/people-import-csv.js';

const slice = (over: Partial<ExitSlice>): ExitSlice => ({
  segment: 'org',
  name: null,
  respondents: 6,
  reasons: [
    { reason: 'pay', count: 4, share: 66.7 },
    { reason: 'growth', count: 2, share: 33.3 },
  ],
  ratings: { leadership: null, environment: null, pay: { respondents: 6, mean: 2.5, favourable: 33.3 } },
  enps: { respondents: 6, promoters: 1, passives: 1, detractors: 4, score: -50, marginOfError: 40, band: 'poor' },
  comments: [{ questionId: 'exit-keep', text: 'Better pay\nand growth' }],
  ...over,
});

describe('people CSV', () => {
  it('reads a BOM, CRLF, quoted commas and blank lines, and numbers rows by their line in the file', () => {
    const rows = parsePeopleCsv('\uFEFFEmail, Team ,manager_email\r\na@example.com,"Sales, Nordics",\r\n\r\nb@example.com,Sales/North,a@example.com\r\n');
    expect(rows).toEqual([
      { where: 'line 2', row: { email: 'a@example.com', team: 'Sales, Nordics', managerEmail: undefined, timezone: undefined, locale: undefined } },
      { where: 'line 4', row: { email: 'b@example.com', team: 'Sales/North', managerEmail: 'a@example.com', timezone: undefined, locale: undefined } },
    ]);
  });

  it('lists every problem of every row, including a person listed twice, and rejects the whole batch', () => {
    const rows = [
      { where: 'line 2', row: { email: 'a@example.com', team: 'Sales' } },
      { where: 'line 3', row: { email: 'A@Example.com', team: 'Sales/../x' } },
      { where: 'line 4', row: { email: 'b@example.com', team: 'Ops', locale: 'fr' } },
      { where: 'line 5', row: { email: 'a@example.com', team: 'Ops' } },
    ];
    try {
      validatePeopleRows(rows);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportRejectedError);
      expect((error as ImportRejectedError).issues.map((i) => `${i.where} ${i.field}`)).toEqual(['line 3 team', 'line 4 locale', 'line 5 email']);
      expect((error as ImportRejectedError).issues[2]?.message).toBe('a@example.com is also on line 2: list each person once');
    }
  });

  it('turns a team path into department → team segments with typable ids', () => {
    expect(teamSegments(' Forskning og utvikling / Plattform ')).toEqual([
      { id: 'forskning-og-utvikling', name: 'Forskning og utvikling', parentId: null },
      { id: 'forskning-og-utvikling/plattform', name: 'Plattform', parentId: 'forskning-og-utvikling' },
    ]);
  });
});

/** Exit results as Slack shows them: the report's sections as mrkdwn. */
const exitResultsSections = (results: ExitResults, locale: Locale): string[] =>
  slackReply({ kind: 'report', report: exitReport(results, locale) }, locale).text.split('\n\n');

describe('exit results in Slack', () => {
  const results: ExitResults = {
    pools: [
      {
        quarters: ['2026-Q2', '2026-Q3'],
        organisation: slice({}),
        departments: [slice({ segment: 'eng', name: 'Engineering', respondents: 5, comments: null })],
      },
    ],
    pendingQuarters: ['2026-Q4'],
    minGroupSize: 5,
    minCommentGroupSize: 5,
  };

  it('ranks reasons, shows ratings, eNPS and comments, and says what is pending or hidden', () => {
    const text = exitResultsSections(results, 'en').join('\n\n');
    expect(text).toContain('Not shown yet: 2026-Q4 (fewer than 5 answers so far; they roll into the next quarter).');
    expect(text).toContain('*Exit survey results, 2026-Q2–2026-Q3: 6 people answered*');
    expect(text.indexOf('1. Pay and benefits: 4 (67%)')).toBeLessThan(text.indexOf('2. Growth and career opportunities: 2 (33%)'));
    expect(text).toContain('• Pay and benefits: 2.5 of 5, 33% good or very good');
    expect(text).toContain('eNPS −50 (Poor');
    expect(text).toMatch(/\*What could have kept them \(Exit survey results[^*]*\)\*\n> Better pay and growth/);
    expect(text).toContain('*Engineering: 5 answered*');
    expect(text).toContain('Comments are shown only for groups of at least 5 people.');
  });

  it('what leavers typed, and group names, cannot mention, broadcast or disguise a link', () => {
    const hostile: ExitResults = {
      ...results,
      pools: [
        {
          quarters: ['2026-Q3'],
          organisation: slice({
            comments: [{ questionId: 'exit-comment', text: 'Ask <!channel> or <@U0BOSS>, see <https://evil.example|the handbook> & more' }],
          }),
          departments: [slice({ segment: 'eng', name: '<!here> Engineering', respondents: 5, comments: null })],
        },
      ],
    };
    const text = exitResultsSections(hostile, 'en').join('\n');
    expect(text).toContain('> Ask &lt;!channel&gt; or &lt;@U0BOSS&gt;, see &lt;https://evil.example|the handbook&gt; &amp; more');
    expect(text).toContain('*&lt;!here&gt; Engineering: 5 answered*');
    expect(text).not.toMatch(/<[!@h]/);
  });

  it('speaks Norwegian and Swedish', () => {
    expect(exitResultsSections(results, 'nb').join('\n')).toContain('Årsaker til at de sluttet');
    expect(exitResultsSections({ ...results, pools: [], pendingQuarters: [] }, 'sv')[0]).toBe(
      'Det finns inga resultat från avgångsenkäter att visa än. Svaren samlas kvartal för kvartal och visas när minst 5 personer har svarat.',
    );
  });
});
