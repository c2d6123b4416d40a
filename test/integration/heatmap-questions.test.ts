import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionSnapshot } from '../../src/domain/question-snapshot.js';
import { dashboardModel } from '../../src/services/dashboard-model.js';
import { renderDashboard } from '../../adapters/web/dashboard/dashboard-view.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedClosedRound } from '../support/summary-seed.js';
import { testDeps, weeklyPulse } from '../support/fixtures.js';

/*
 * The heatmap's columns for HR's own scored questions (issue #20): a 1–5 question shows % favourable,
 * a 0–10 one an NPS-style score, each against the organisation, hidden where the group is.
 */
const belonging: QuestionSnapshot = {
  id: 'belonging',
  kind: 'likert',
  labels: 'agreement',
  text: { en: 'I feel I belong here', nb: 'Jeg føler at jeg hører til her', sv: 'Jag känner att jag hör hemma här' },
};
const recommendProduct: QuestionSnapshot = {
  id: 'recommend-product',
  kind: 'scale',
  text: { en: 'Would you recommend our product?', nb: 'Vil du anbefale produktet vårt?', sv: 'Skulle du rekommendera vår produkt?' },
  low: { en: 'Not at all', nb: 'Slett ikke', sv: 'Inte alls' },
  high: { en: 'Certainly', nb: 'Absolutt', sv: 'Absolut' },
};

describe('the heatmap with scored questions of HR’s own', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-10T12:00:00Z');
    await deps.store.rounds.saveSurvey(weeklyPulse());
    await seedClosedRound(deps, {
      surveyId: 'pulse',
      date: '2026-11-02',
      segmentParents: { sales: null, tech: null, legal: null },
      questions: [belonging, recommendProduct],
      bySegment: {
        // sales: 4 of 6 favourable (67 %); tech: 6 of 8 (75 %); legal has 2 answers: hidden, and
        // both teams' figures stay safe, as legal's 2 are filed under nobody else.
        sales: { respondents: 6, enps: { 9: 6 }, likert: { belonging: { 5: 2, 4: 2, 2: 2 }, 'recommend-product': { 9: 4, 3: 2 } } },
        tech: { respondents: 8, enps: { 9: 8 }, likert: { belonging: { 4: 6, 1: 2 }, 'recommend-product': { 10: 8 } } },
        legal: { respondents: 2, enps: { 9: 2 }, likert: { belonging: { 5: 2 } } },
        org: { respondents: 5, enps: { 9: 5 }, likert: { belonging: { 3: 5 } } },
      },
    });
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('adds a column for the 1–5 question, each group’s % favourable and its difference from the organisation', async () => {
    const model = await dashboardModel(deps, 'all', true);
    const heatmap = model.heatmap;
    const column = heatmap?.columns.findIndex((c) => c.kind === 'question' && c.questionId === 'belonging') ?? -1;
    expect(column).toBeGreaterThan(0);
    const cell = (segment: string) => heatmap?.rows.find((r) => r.segment === segment)?.cells[column];
    // The organisation: 4 + 6 + 2 favourable of 6 + 8 + 2 + 5 = 12 of 21.
    expect(heatmap?.organisation[column]).toBeCloseTo((12 / 21) * 100, 6);
    expect(cell('sales')?.value).toBeCloseTo((4 / 6) * 100, 6);
    expect(cell('tech')?.value).toBe(75);
    expect(cell('tech')?.delta).toBeCloseTo(75 - (12 / 21) * 100, 6);
    expect(cell('legal')?.value ?? null).toBeNull();
    const html = renderDashboard(model, 'nb', '12:00');
    expect(html).toContain('Jeg føler at jeg hører til her');
    expect(html).toContain('data-column="belonging"');
  });

  it('adds a column for the 0–10 question scored as eNPS is (promoters minus detractors), and eNPS stays one column', async () => {
    const model = await dashboardModel(deps, 'all', true);
    const ids = model.heatmap?.columns.map((c) => (c.kind === 'question' ? c.questionId : c.kind)) ?? [];
    expect(ids.filter((id) => id === 'enps')).toHaveLength(1);
    const product = ids.indexOf('recommend-product');
    expect(product).toBeGreaterThan(0);
    const cell = (segment: string) => model.heatmap?.rows.find((r) => r.segment === segment)?.cells[product];
    expect(cell('sales')?.value).toBeCloseTo(((4 - 2) / 6) * 100, 6);
    expect(cell('tech')?.value).toBe(100);
    // The organisation: 12 promoters and 2 detractors of 14 answers.
    expect(model.heatmap?.organisation[product]).toBeCloseTo((10 / 14) * 100, 6);
    expect(renderDashboard(model, 'en', '12:00')).toContain('Would you recommend our product?');
  });
});
