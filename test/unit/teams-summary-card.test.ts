import { describe, expect, it } from 'vitest';
import { reportCard } from '../../adapters/teams/conversation.js';
import { MAX_CARD_BYTES } from '../../adapters/cards/prompt-card.js';
import { exitReport } from '../../src/core/conversation/report.js';
import { activityBytes, chartActivity, resultsCard } from '../../adapters/teams/summary-card.js';
import { computeEnps } from '../../src/domain/metrics/enps.js';
import { summarizeLikert } from '../../src/domain/metrics/likert.js';
import { LOCALES, type Locale } from '../../src/domain/i18n/locale.js';
import { translator } from '../../src/domain/i18n/translate.js';
import type { VisibleSegmentSummary } from '../../src/domain/summary/summary-model.js';
import { summaryText, type SummaryText } from '../../src/domain/summary/summary-text.js';
import type { ExitResults } from '../../src/services/exit-results.js';
import { summaryChart } from '../../src/services/summary-chart.js';
import { checkPng } from '../support/png.js';
import { fixedSummary } from '../support/summary-fixture.js';
import { hugeSummary } from '../support/teams-summary-fixture.js';
import { cardProblems as problems } from '../support/adaptive-cards.js';

type Node = Record<string, unknown>;
/** Every element of a card body, depth first. */
function elements(body: readonly Node[]): Node[] {
  return body.flatMap((e) => [e, ...elements((e.items ?? []) as Node[])]);
}
/** The text of every RichTextBlock, in order. */
const texts = (body: readonly Node[]) =>
  elements(body)
    .filter((e) => e.type === 'RichTextBlock')
    .map((e) => (e.inlines as { text: string }[]).map((r) => r.text).join(''));

/** The summary text as a card's content, with the cut note in its language. */
const withCut = (text: SummaryText, locale: Locale) => ({ ...text, cutNote: translator(locale)('teams.results.cut') });
/** The text of every TextBlock (only pulsebot's own notes use them). */
const notes = (body: readonly Node[]) =>
  elements(body)
    .filter((e) => e.type === 'TextBlock')
    .map((e) => String(e.text));

describe('Teams summary cards', () => {
  for (const locale of LOCALES) {
    it(`the weekly summary in ${locale}: parses at 1.5 with no events, has the chart as a PNG image, stays under 40 KB`, async () => {
      const summary = fixedSummary();
      const text = summaryText(summary, locale);
      const chart = await summaryChart(summary, locale);
      if (chart === null) throw new Error('the fixture has a chart');
      const built = resultsCard(withCut(text, locale), text.notification, chart);
      expect(problems(built.card)).toEqual([]);
      expect(built.chartInCard).toBe(true);
      expect(built.droppedSections).toBe(0);
      expect(activityBytes(built.card, text.notification)).toBeLessThan(MAX_CARD_BYTES);
      const image = elements(built.card.body).find((e) => e.type === 'Image');
      expect(image?.altText).toBe(chart.altText);
      const url = String(image?.url);
      expect(url.startsWith('data:image/png;base64,')).toBe(true);
      expect(checkPng(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64'))).toEqual({ width: 800, height: 400 });
      // Every line of the platform-neutral text is on the card, in order, and nothing else is.
      const expected = [text.title, ...text.sections.flatMap((s) => [...(s.heading === null ? [] : [s.heading]), ...s.lines]), `🔒 ${text.footer}`];
      expect(texts(built.card.body)).toEqual(expected);
    });
  }

  it('shows eNPS with band and margin, participation with its trend, drivers, movers, comments and actions (nb)', () => {
    const text = summaryText(fixedSummary(), 'nb');
    const all = texts(resultsCard(withCut(text, 'nb'), text.notification, null).card.body).join('\n');
    const t = translator('nb');
    expect(all).toContain('15 av 18 har svart (83 %)');
    expect(all).toMatch(/eNPS \+\d+ \(/);
    expect(all).toContain('±');
    expect(all).toContain(t('summary.participationTrend', { n: 3, points: '70 % → 75 % → 83 %' }));
    expect(all).toContain(t('summary.comments'));
    expect(all).toContain('More focus time, please <!channel>');
    expect(all).toContain(t('summary.actions'));
    expect(all).toContain(t('summary.moverUp', { driver: t('driver.growth'), change: '+0,3' }));
  });

  it('a hidden segment gets exactly one line and nothing else', () => {
    const text = summaryText(fixedSummary(), 'en');
    const all = texts(resultsCard(withCut(text, 'en'), text.notification, null).card.body);
    const nordics = all.filter((line) => line.includes('Nordics'));
    expect(nordics).toEqual([translator('en')('results.hidden', { segment: 'Nordics', k: 5 })]);
  });

  it('comments are plain text runs: markdown people type is not rendered', () => {
    const summary = fixedSummary();
    const sales = summary.segments[0] as VisibleSegmentSummary;
    const text = summaryText(
      {
        ...summary,
        segments: [
          { ...sales, comments: [{ id: '00000000-0000-4000-8000-000000000005', roundDate: '2026-11-23', text: '**[click](https://evil.example)**' }] },
        ],
      },
      'en',
    );
    const card = resultsCard(withCut(text, 'en'), text.notification, null).card;
    expect(elements(card.body).some((e) => e.type === 'TextBlock')).toBe(false);
    expect(texts(card.body).join('\n')).toContain('“**[click](https://evil.example)**”');
  });

  it('a summary too big for one message drops whole sections with an ellipsis and sends the chart on its own', async () => {
    const summary = hugeSummary();
    const text = summaryText(summary, 'sv');
    const chart = await summaryChart(fixedSummary(), 'sv');
    if (chart === null) throw new Error('chart');
    const built = resultsCard(withCut(text, 'sv'), text.notification, chart);
    expect(built.droppedSections).toBeGreaterThan(0);
    expect(built.chartInCard).toBe(false);
    expect(problems(built.card)).toEqual([]);
    expect(activityBytes(built.card, text.notification)).toBeLessThan(MAX_CARD_BYTES);
    expect(notes(built.card.body)).toEqual([`…\n\n${translator('sv')('teams.results.cut')}`]);
    const separate = chartActivity(chart);
    expect(separate.attachments[0]?.contentType).toBe('image/png');
    expect(Buffer.byteLength(JSON.stringify(separate))).toBeLessThan(MAX_CARD_BYTES);
  });

  it('pooled exit results: the same reasons, ratings, eNPS and comments as Slack, parsed at 1.5 (comments quoted per language)', () => {
    const enps = computeEnps({ 9: 3, 6: 2, 2: 1 });
    const results: ExitResults = {
      pools: [
        {
          quarters: ['2026-Q2', '2026-Q3'],
          organisation: {
            segment: 'org',
            name: null,
            respondents: 6,
            reasons: [{ reason: 'pay', count: 4, share: 66.7 }],
            ratings: { leadership: summarizeLikert({ 2: 1, 3: 2, 4: 2, 5: 1 }), environment: null, pay: null },
            enps,
            comments: [{ questionId: 'exit-keep', text: 'A raise\nand a plan' }],
          },
          departments: [],
        },
      ],
      pendingQuarters: ['2026-Q4'],
      minGroupSize: 5,
      minCommentGroupSize: 5,
    };
    const card = reportCard(exitReport(results, 'en'), 'en');
    expect(problems(card)).toEqual([]);
    const all = texts(card.body);
    const t = translator('en');
    expect(all).toContain(t('hr.results.title', { quarters: '2026-Q2–2026-Q3', respondents: 6 }));
    expect(all).toContain(t('hr.results.reason', { rank: 1, reason: t('exit.reason.pay'), count: 4, share: '67' }));
    expect(all).toContain(`• ${t('hr.results.rating', { topic: t('exit.reason.leadership'), mean: '3.5', favourable: '50' })}`);
    expect(all).toContain('“A raise and a plan”');
    expect(texts(reportCard(exitReport(results, 'nb'), 'nb').body)).toContain('«A raise and a plan»');
    expect(all).toContain(t('hr.results.pending', { quarters: '2026-Q4', k: 5 }));
  });

  it('the size check is real: the same card with a lower limit loses sections', () => {
    const text = summaryText(fixedSummary(), 'en');
    const full = activityBytes(resultsCard(withCut(text, 'en'), text.notification, null).card, text.notification);
    const smaller = resultsCard(withCut(text, 'en'), text.notification, null, full - 10);
    expect(smaller.droppedSections).toBeGreaterThan(0);
    expect(activityBytes(smaller.card, text.notification)).toBeLessThan(full - 10);
  });
});
