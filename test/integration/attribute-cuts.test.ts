import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeEnps } from '../../src/domain/metrics/enps.js';
import { anonymityAudit } from '../../src/services/anonymity-audit/run-audit.js';
import { cellsCollection, countsCollection, fromCountsDoc, OTHER_VALUE, SEP } from '../../src/services/attribute-cuts/cuts-docs.js';
import { reduceAttributeCutsAtClose } from '../../src/services/attribute-cuts/counts-at-close.js';
import { closeRound } from '../../src/services/close-round.js';
import { dashboardModel } from '../../src/services/dashboard-model.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { roundQuestion } from '../../src/services/round-questions.js';
import { startRound } from '../../src/services/start-round.js';
import { isDomainError } from '../../src/domain/errors.js';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import { buildSummary } from '../../src/services/summary.js';
import { loadSummaryContext } from '../../src/services/summary-context.js';
import { renderDashboard } from '../../adapters/web/dashboard/dashboard-view.js';
import type { RoundDoc } from '../../src/store/documents/rounds.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

/*
 * Results cut by HR's attributes (issue #20) through the real answer path, on the directory of
 * docs/attribute-cuts.md: sales (6) all in Oslo, tech (10) with 2 in Oslo and 8 in Bergen. Each
 * location has 8 people and each team at least 5, yet "Oslo − sales" would be tech's two people
 * in Oslo: location must show nothing. Remote work is spread over both teams and may be shown;
 * one contractor is folded into "other" and takes full-time down with it (16 − 15 = 1 < k).
 */
const K = 5;

describe('attribute cuts: 16 people answer a pulse cut by location, remote and employment type, then it closes', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let round: RoundDoc;
  const enpsBy = new Map<string, Record<number, number>>(); // `attribute=value` → eNPS counts
  let whileOpen: { cut?: unknown; link?: unknown }[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-02T12:00:00Z');
    const people = await seedPeople(deps, { sales: 6, tech: 10 });
    const attributes = people.map((_, i) => ({
      location: i < 6 ? 'Oslo' : i < 8 ? 'Oslo' : 'Bergen',
      remote: i % 2 === 0,
      employmentType: i === 15 ? 'contractor' : 'full_time',
    }));
    for (const [i, key] of people.entries()) await db.database.collections.people.updateOne({ _id: key }, { $set: { attributes: attributes[i] } });
    await deps.store.meta.setList('reportable_attributes', ['location', 'remote', 'employmentType']);
    await deps.store.rounds.saveSurvey(weeklyPulse());
    round = await startRound(deps, weeklyPulse({ anonymity: { minGroupSize: K, minCommentGroupSize: K } }), '2026-11-02', { defaultTimezone: 'UTC' });
    for (const [i, person] of people.entries()) {
      const token = newResponseToken();
      const a = attributes[i];
      for (const questionId of round.questionIds) {
        const question = roundQuestion(round, questionId);
        const raw = questionId === 'enps' ? (i * 7) % 11 : question?.kind === 'text' ? `comment ${i}` : ((i * 3) % 5) + 1;
        expect(await recordAnswer(deps, { roundId: round._id, person, responseToken: token, questionId, raw })).toBe('recorded');
        if (questionId === 'enps' && a !== undefined)
          for (const key of [`remote=${a.remote ? 'yes' : 'no'}`, `location=${a.location}`]) {
            const counts = enpsBy.get(key) ?? {};
            counts[raw as number] = (counts[raw as number] ?? 0) + 1;
            enpsBy.set(key, counts);
          }
      }
    }
    whileOpen = await db.database.collections.responses.find({ roundId: round._id }).toArray();
    await closeRound(deps, round._id, { graceMs: 0 });
  });

  afterAll(async () => {
    await db?.dispose();
  });

  it('while the round was open every answer carried its prompt’s link and its person’s values, in the order HR listed them', () => {
    expect(whileOpen.length).toBeGreaterThan(16);
    expect(whileOpen.every((doc) => typeof doc.link === 'string' && Array.isArray(doc.cut) && doc.cut.length === 3)).toBe(true);
    expect(new Set(whileOpen.map((doc) => JSON.stringify(doc.cut)))).toEqual(
      new Set([
        '["Oslo","yes","full_time"]',
        '["Oslo","no","full_time"]',
        '["Bergen","yes","full_time"]',
        '["Bergen","no","full_time"]',
        '["Bergen","no","contractor"]',
      ]),
    );
  });

  it('after close no answer carries a link or values, and the anonymity audit passes', async () => {
    expect(await db.database.collections.responses.countDocuments({ cut: { $exists: true } })).toBe(0);
    expect(await db.database.collections.responses.countDocuments({ link: { $exists: true } })).toBe(0);
    expect(await db.database.collections.responses.countDocuments({ roundId: round._id })).toBe(whileOpen.length);
    const report = await anonymityAudit(deps, db.database);
    expect(report.collections.map((c) => c.name)).toContain('attribute_counts');
    expect(report.passed).toBe(true);
  });

  it('the fan-out recorded which combinations were invited, the lone contractor folded into "other"', async () => {
    const cells = await cellsCollection(db.database).findOne({ _id: round._id });
    expect(cells?.attributes).toEqual(['location', 'remote', 'employmentType']);
    expect(cells?.kept).toEqual([`location${SEP}Bergen`, `location${SEP}Oslo`, `remote${SEP}no`, `remote${SEP}yes`, `employmentType${SEP}full_time`]);
    // sales has nobody in Bergen: the structural zero the attacker would use.
    expect(cells?.combos.filter((c) => c.startsWith(`sales${SEP}Bergen`))).toEqual([]);
    expect(cells?.combos).toContain(['tech', 'Bergen', 'no', OTHER_VALUE].join(SEP));
  });

  it('closing counted answers per single attribute exactly, and a second reduction changes nothing', async () => {
    const doc = await countsCollection(db.database).findOne({ _id: round._id });
    const counts = fromCountsDoc(doc ?? { _id: '', keys: [], n: [] });
    const n = (attribute: string, value: string, questionId: string, answer: string) =>
      counts.find((c) => c.attribute === attribute && c.value === value && c.questionId === questionId && c.answer === answer)?.n ?? 0;
    for (const [key, expected] of enpsBy) {
      const [attribute = '', value = ''] = key.split('=');
      for (let v = 0; v <= 10; v++) expect(n(attribute, value, 'enps', String(v))).toBe(expected[v] ?? 0);
    }
    expect(n('remote', 'yes', '_round', '_respondents')).toBe(8);
    expect(n('employmentType', OTHER_VALUE, '_round', '_respondents')).toBe(1);
    expect(n('employmentType', 'contractor', '_round', '_respondents')).toBe(0);
    // No count mixes two attributes: each key names one attribute and one value.
    expect(doc?.keys.every((key) => key.split(SEP).length === 4)).toBe(true);
    expect(await reduceAttributeCutsAtClose(deps, round)).toBe(0);
  });

  it('HR cuts the heatmap by remote work: both values shown, each eNPS as computed from the answers', async () => {
    const model = await dashboardModel(deps, 'all', true, 'remote');
    expect(model.heatmap?.cuts).toEqual(['location', 'remote', 'employmentType']);
    expect(model.heatmap?.by).toBe('remote');
    const enpsColumn = model.heatmap?.columns.findIndex((c) => c.kind === 'enps') ?? -1;
    expect(enpsColumn).toBeGreaterThanOrEqual(0);
    for (const value of ['no', 'yes']) {
      const row = model.heatmap?.rows.find((r) => r.segment === value);
      expect(row?.visible).toBe(true);
      expect(row?.cells[enpsColumn]?.value).toBe(computeEnps(enpsBy.get(`remote=${value}`) ?? {})?.score);
    }
    const html = renderDashboard(model, 'nb', '12:00');
    expect(html).toContain('Fjernarbeid');
    expect(html).toContain('På kontoret');
  });

  it('location shows nothing: each location passes k, but sales has nobody in Bergen, so Oslo − sales would single out two people', async () => {
    const model = await dashboardModel(deps, 'all', true, 'location');
    expect(model.heatmap?.rows.map((r) => [r.segment, r.visible])).toEqual([
      ['Bergen', false],
      ['Oslo', false],
    ]);
    expect(model.heatmap?.rows.flatMap((r) => r.cells.map((c) => c.value)).every((v) => v === null)).toBe(true);
    // The tree's own figures are what make it unsafe: sales and tech are both shown.
    const byTeam = await dashboardModel(deps, 'all', true);
    expect(byTeam.heatmap?.rows.filter((r) => r.visible).map((r) => r.segment)).toEqual(expect.arrayContaining(['sales', 'tech']));
  });

  it('employment type shows nothing: full-time alone would leave the one contractor over', async () => {
    const model = await dashboardModel(deps, 'all', true, 'employmentType');
    expect(model.heatmap?.rows.map((r) => [r.segment, r.visible])).toEqual([
      ['full_time', false],
      [OTHER_VALUE, false],
    ]);
    expect(renderDashboard(model, 'en', '12:00')).toContain('Other');
  });

  it('a leader cannot cut by attribute, and an attribute the rounds were not cut by is refused naming `by`', async () => {
    const leader = await dashboardModel(deps, ['sales'], false);
    expect(leader.heatmap?.cuts).toEqual([]);
    for (const attempt of [() => dashboardModel(deps, ['sales'], false, 'remote'), () => dashboardModel(deps, 'all', true, 'tenure')]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(isDomainError(error, 'INVALID_INPUT')).toBe(true);
      expect((error as Error).message).toMatch(/^by: /);
    }
  });

  it('HR’s weekly summary gives eNPS by remote work, and says how many locations it leaves out; a leader’s gives none', async () => {
    const ctx = await loadSummaryContext(deps, 'pulse');
    if (ctx === null) throw new Error('no summary context');
    const org = await buildSummary(deps, ctx, { audience: 'org', scope: 'all', variant: 1 });
    expect(org.attributes?.map((a) => a.attribute)).toEqual(['remote']);
    const remote = org.attributes?.[0];
    expect(remote?.hidden).toBe(0);
    for (const value of ['no', 'yes'])
      expect(remote?.values.find((v) => v.value === value)?.enps).toBe(computeEnps(enpsBy.get(`remote=${value}`) ?? {})?.score);
    const text = summaryText(org, 'sv');
    const section = text.sections.find((s) => s.heading === 'eNPS efter Distansarbete');
    expect(section?.lines).toHaveLength(2);
    expect(section?.lines.join('\n')).toMatch(/På plats: eNPS/);
    const leader = await buildSummary(deps, ctx, { audience: 'leader', scope: ['sales'], variant: 1 });
    expect(leader.attributes).toBeUndefined();
  });

  it('the rows of each attribute are the values the directory had, never "whoever answered"', async () => {
    const cells = await cellsCollection(db.database).findOne({ _id: round._id });
    for (const attribute of ['location', 'remote', 'employmentType']) {
      const model = await dashboardModel(deps, 'all', true, attribute);
      const kept = (cells?.kept ?? []).filter((k) => k.startsWith(`${attribute}${SEP}`)).map((k) => k.slice(attribute.length + 1));
      const folded = attribute === 'employmentType' ? [OTHER_VALUE] : [];
      expect(model.heatmap?.rows.map((r) => r.segment)).toEqual([...kept.sort(), ...folded]);
    }
  });
  it('does not count per attribute a question asked of one group only (an action’s follow-up would be that group cut by location)', async () => {
    const roundId = 'pulse:2026-11-09';
    await cellsCollection(db.database).insertOne({ _id: roundId, attributes: ['location'], kept: [`location${SEP}Oslo`], combos: [`sales${SEP}Oslo`] });
    const base = { roundId, roundDate: '2026-11-09', segment: 'sales', link: 'prompt-1', cut: ['Oslo'] };
    await db.database.collections.responses.insertMany([
      { ...base, _id: randomUUID(), questionId: 'enps', value: 9 },
      { ...base, _id: randomUUID(), questionId: 'action-x', value: 'yes' },
    ]);
    await reduceAttributeCutsAtClose(deps, { ...round, _id: roundId, questionScopes: { 'action-x': ['sales'] } });
    const counts = fromCountsDoc((await countsCollection(db.database).findOne({ _id: roundId })) ?? { _id: '', keys: [], n: [] });
    expect(
      counts
        .filter((c) => c.questionId === 'enps')
        .map((c) => [c.value, c.answer, c.n])
        .sort(),
    ).toEqual([
      ['Oslo', '9', 1],
      ['Oslo', '_answered', 1],
    ]);
    expect(counts.some((c) => c.questionId === 'action-x')).toBe(false);
    await db.database.collections.responses.deleteMany({ roundId });
  });
});

describe('attribute cuts: a fan-out resumed after a crash, with HR’s list changed in between', () => {
  let db: TestDatabase;

  afterAll(async () => {
    await db?.dispose();
  });

  it('keeps the round’s attribute order and builds the invited combinations from the deliveries written', async () => {
    db = await openTestDatabase();
    const deps = testDeps(db.database, '2026-11-02T12:00:00Z');
    const people = await seedPeople(deps, { sales: 6, tech: 6 });
    for (const [i, key] of people.entries())
      await db.database.collections.people.updateOne({ _id: key }, { $set: { attributes: { location: i < 6 ? 'Oslo' : 'Bergen', remote: i % 2 === 0 } } });
    await deps.store.meta.setList('reportable_attributes', ['location', 'remote']);
    const pulse = weeklyPulse({ anonymity: { minGroupSize: K, minCommentGroupSize: K } });
    await deps.store.rounds.saveSurvey(pulse);
    const first = await startRound(deps, pulse, '2026-11-02', { defaultTimezone: 'UTC' });
    expect(first.attributes).toEqual(['location', 'remote']);
    // As if the first run died after writing the deliveries: no cells yet. Meanwhile HR reorders the
    // list and one person moves from Oslo to Bergen.
    await cellsCollection(db.database).deleteMany({});
    await db.database.collections.rounds.updateOne({ _id: first._id }, { $set: { fannedOut: false } });
    await deps.store.meta.setList('reportable_attributes', ['remote', 'location', 'tenure']);
    await db.database.collections.people.updateOne({ _id: people[0] }, { $set: { 'attributes.location': 'Bergen' } });

    const resumed = await startRound(deps, pulse, '2026-11-02', { defaultTimezone: 'UTC' });
    expect(resumed.attributes).toEqual(['location', 'remote']);
    const cells = await cellsCollection(db.database).findOne({ _id: first._id });
    expect(cells?.attributes).toEqual(['location', 'remote']);
    // The combinations are the deliveries' (the person's prompt still says Oslo), so sales has no Bergen.
    expect(cells?.combos.filter((c) => c.startsWith(`sales${SEP}Bergen`))).toEqual([]);
    const delivery = await db.database.collections.deliveries.findOne({ personKey: people[0] });
    expect(delivery?.cut).toEqual(['Oslo', 'yes']);
  });
});
