import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from '../../src/domain/drivers.js';
import { correlationOf, NO_PAIRS, addSums, pairOf, type PairSums } from '../../src/domain/insight/pair-sums.js';
import type { VisibleSegmentSummary } from '../../src/domain/summary/summary-model.js';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import { anonymityAudit } from '../../src/services/anonymity-audit/run-audit.js';
import { closeRound } from '../../src/services/close-round.js';
import { fromImpactDoc, impactCollection } from '../../src/services/impact/impact-doc.js';
import { reduceImpactAtClose } from '../../src/services/impact/impact-at-close.js';
import { loadImpactPool } from '../../src/services/impact/impact-pool.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { roundQuestion } from '../../src/services/round-questions.js';
import { startRound } from '../../src/services/start-round.js';
import { buildSummary } from '../../src/services/summary.js';
import { dashboardModel } from '../../src/services/dashboard-model.js';
import { renderDashboard } from '../../adapters/web/dashboard/dashboard-view.js';
import { loadSummaryContext } from '../../src/services/summary-context.js';
import type { RoundDoc } from '../../src/store/documents/rounds.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

/*
 * Driver impact (issue #20) through the real answer path: one prompt's answers are linked while
 * the round is open, closing reduces the links to sums per visible group and drops them, and the
 * summary names the weak driver that goes most with eNPS.
 */
describe('what drives eNPS: 31 people, one round that asks eNPS answered through the answer path and closed', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let round: RoundDoc;
  let related: Driver;
  /** What the sums must be, computed here from the answers given. */
  const expected = new Map<string, PairSums>(); // `segment|question` → sums
  const linksWhileOpen: { link: unknown; questionId: string }[] = [];
  let commentsWithLink = -1;

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-02T12:00:00Z');
    // support has 3 people, below k = 5: they are filed under the organisation.
    const people = await seedPeople(deps, { sales: 14, tech: 14, support: 3 });
    await deps.store.rounds.saveSurvey(weeklyPulse());
    round = await startRound(deps, weeklyPulse({ anonymity: { minGroupSize: 5, minCommentGroupSize: 5 } }), '2026-11-02', { defaultTimezone: 'UTC' });
    const scored = round.questionIds.filter((id) => id !== 'enps' && roundQuestion(round, id)?.kind === 'likert');
    const drivers = [...new Set(scored.map((id) => roundQuestion(round, id)?.driver))].filter((d): d is Driver => d !== undefined);
    expect(drivers.length).toBeGreaterThanOrEqual(2);
    related = drivers[0] as Driver;
    for (const [i, person] of people.entries()) {
      const token = newResponseToken();
      const segment = i < 14 ? 'sales' : i < 28 ? 'tech' : 'org';
      const x = i % 11;
      for (const questionId of round.questionIds) {
        const question = roundQuestion(round, questionId);
        let raw: number | string;
        if (questionId === 'enps') raw = x;
        else if (question?.kind === 'text') raw = `comment ${i}`;
        // The related driver rises with eNPS (and is weak: few answer 4 or 5); the others do not.
        else raw = question?.driver === related ? 1 + Math.round((x * 4) / 10) : ((i * 3) % 5) + 1;
        expect(await recordAnswer(deps, { roundId: round._id, person, responseToken: token, questionId, raw })).toBe('recorded');
        if (typeof raw === 'number' && questionId !== 'enps') {
          for (const at of new Set([segment, 'org'])) {
            const key = `${at}|${questionId}`;
            expected.set(key, addSums(expected.get(key) ?? NO_PAIRS, pairOf(x, raw)));
          }
        }
      }
    }
    commentsWithLink = await db.database.collections.comments.countDocuments({ link: { $exists: true } });
    for (const doc of await db.database.collections.responses.find({ roundId: round._id }).toArray())
      linksWhileOpen.push({ link: doc.link, questionId: doc.questionId });
    await closeRound(deps, round._id, { graceMs: 0 });
  });

  afterAll(async () => {
    await db?.dispose();
  });

  it('while the round was open, every scored answer carried a link, and comments none', () => {
    expect(linksWhileOpen.length).toBe(31 * (round.questionIds.length - round.questionIds.filter((id) => roundQuestion(round, id)?.kind === 'text').length));
    expect(linksWhileOpen.every((l) => typeof l.link === 'string' && l.link.length > 0)).toBe(true);
    // One link per prompt: 31 people, 31 links, each on every scored answer of its prompt.
    const byLink = new Map<unknown, number>();
    for (const l of linksWhileOpen) byLink.set(l.link, (byLink.get(l.link) ?? 0) + 1);
    expect(byLink.size).toBe(31);
    expect(commentsWithLink).toBe(0);
  });

  it('after close no answer carries a link, and the audit says so', async () => {
    expect(await db.database.collections.responses.countDocuments({ link: { $exists: true } })).toBe(0);
    expect(await db.database.collections.responses.countDocuments({ roundId: round._id })).toBe(linksWhileOpen.length);
    const report = await anonymityAudit(deps, db.database);
    expect(report.checks.find((c) => c.name === 'link')?.passed).toBe(true);
    expect(report.passed).toBe(true);
  });

  it('stores the sums of the visible groups only, exactly as the answers add up', async () => {
    const doc = await impactCollection(db.database).findOne({ _id: round._id });
    expect(doc).not.toBeNull();
    const figures = fromImpactDoc(doc as NonNullable<typeof doc>);
    // sales and tech have 14 each, the organisation 31: org − tech − sales would be support's 3,
    // so the subtraction rule hides sales (the first of the two equal groups) and keeps tech.
    expect([...new Set(figures.map((f) => f.segment))].sort()).toEqual(['org', 'tech']);
    for (const f of figures) expect(f.sums, `${f.segment} ${f.questionId}`).toEqual(expected.get(`${f.segment}|${f.questionId}`));
    expect(figures.find((f) => f.segment === 'org')?.sums.n).toBe(31);
  });

  it('is reduced once: closing again (after a crash) leaves the sums as they were', async () => {
    const before = await impactCollection(db.database).findOne({ _id: round._id });
    expect(await reduceImpactAtClose(deps, round)).toBe(0);
    expect(await impactCollection(db.database).findOne({ _id: round._id })).toEqual(before);
  });

  it("HR's summary names the weak driver that goes with eNPS, with its interval", async () => {
    const ctx = await loadSummaryContext(deps, 'pulse');
    expect(ctx).not.toBeNull();
    const summary = await buildSummary(deps, ctx as NonNullable<typeof ctx>, { audience: 'org', scope: 'all', variant: 0 });
    const org = summary.segments.find((s) => s.segment === 'org') as VisibleSegmentSummary;
    expect(org.priority?.subject).toEqual({ driver: related });
    const pooled = round.questionIds
      .filter((id) => roundQuestion(round, id)?.driver === related)
      .reduce((total, id) => addSums(total, expected.get(`org|${id}`) ?? NO_PAIRS), NO_PAIRS);
    expect(org.priority?.r).toBeCloseTo(correlationOf(pooled)?.r ?? NaN, 10);
    expect(org.priority?.n).toBe(pooled.n);
    const text = summaryText(summary, 'en')
      .sections.flatMap((s) => s.lines)
      .join('\n');
    expect(text).toMatch(/Top priority: .+ goes with eNPS more than any other weak driver here \(r 0\.9\d, 90 % interval/);
    const nb = summaryText(summary, 'nb')
      .sections.flatMap((s) => s.lines)
      .join('\n');
    expect(nb).toContain('Viktigst nå:');
  });

  it('the dashboard ranks what goes with eNPS for the groups it may show, the priority marked', async () => {
    const model = await dashboardModel(deps, 'all', true);
    // Only the organisation has 30 paired answers per driver; tech's 14 are too few to rank.
    expect(model.impact.groups.map((g) => g.segment)).toEqual(['org']);
    const org = model.impact.groups[0];
    expect(org?.items[0]?.subject).toEqual({ driver: related });
    expect(org?.items.filter((i) => i.priority).map((i) => i.subject)).toEqual([{ driver: related }]);
    const html = renderDashboard(model, 'sv', '12:00');
    expect(html).toContain('Vad som hänger ihop med eNPS');
    expect(html).toMatch(/<tr class="priority"><td>[^<]+ <strong class="priority">Prioritet<\/strong>/);
    // A leader of sales sees no ranking: sales was hidden when the round closed.
    const leader = await dashboardModel(deps, ['sales'], false);
    expect(leader.impact.groups).toEqual([]);
    expect(renderDashboard(leader, 'en', '12:00')).toContain('Not enough paired answers yet');
  });

  it('raising the threshold hides groups in the pool at once (tech has 14 pairs per question)', async () => {
    const raised = { ...deps, settings: { ...deps.settings, anonymity: { minGroupSize: 15, minCommentGroupSize: 15 } } };
    const pool = await loadImpactPool(raised, 'pulse');
    expect(new Set(pool.sources.map((s) => s.segment))).toEqual(new Set(['org']));
    const today = await loadImpactPool(deps, 'pulse');
    expect(new Set(today.sources.map((s) => s.segment))).toEqual(new Set(['org', 'tech']));
  });
});
