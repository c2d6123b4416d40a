import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES } from '../../adapters/cards/prompt-card.js';
import { translator } from '../../src/domain/i18n/translate.js';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import { summaryChart } from '../../src/services/summary-chart.js';
import { sendDueSummaries } from '../../src/services/summary-delivery.js';
import type { PostedActivity } from '../fakes/bot-connector.js';
import { ADMIN, HR, startTeamsHarness, TENANT, TEAM_ID, teamsPeople, type TeamsHarness } from '../fakes/teams-harness.js';
import { checkPng } from '../support/png.js';
import { eventually } from '../support/slack-harness.js';
import { seedClosedRound, spread } from '../support/summary-seed.js';
import { hugeSummary } from '../support/teams-summary-fixture.js';
import { cardProblems as problems } from '../support/adaptive-cards.js';
import { actionsIn } from '../support/card-actions.js';

type Node = Record<string, unknown>;
interface Card {
  readonly version: string;
  readonly body: Node[];
}
const elements = (body: readonly Node[]): Node[] => body.flatMap((e) => [e, ...elements((e.items ?? []) as Node[])]);
/** What a card says, line by line (every RichTextBlock's runs). */
const lines = (card: Card) =>
  elements(card.body)
    .filter((e) => e.type === 'RichTextBlock')
    .map((e) => (e.inlines as { text: string }[]).map((r) => r.text).join(''));
const cardsIn = (posted: readonly PostedActivity[]): Card[] =>
  posted.flatMap((a) =>
    ((a.activity.attachments ?? []) as { contentType: string; content: Card }[])
      .filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((x) => x.content),
  );

const SCHEDULE = { weekday: 1, time: '08:00' } as const;
const SUPPORT_TEAM = '19:team-support@thread.tacv2';
/** The segments the two installed teams make (platform segment ids carry the tenant). */
const SALES = `teams:${TENANT}:sales`;
const SUPPORT = `teams:${TENANT}:support`;
const team = (n: number, comment: string) => ({
  respondents: n,
  invited: n + 1,
  enps: spread(n, [10, 9, 7, 3]),
  likert: { 'workload-1': spread(n, [2, 3, 4]), 'growth-1': spread(n, [4, 5]) },
  comments: [comment],
});

describe('Teams: weekly summaries as Adaptive Cards, and results / results exit', () => {
  // Everyone in Oslo. Person 4 (nb) will lead sales, person 7 (sv) support, person 10 (en) ops,
  // a group too small to show (as is hq: together they are big enough that the organisation
  // minus sales and support gives nothing away).
  const people = teamsPeople(12, (i) => ({ timezone: 'Europe/Oslo', ...(i === 3 ? { locale: 'nb-NO' } : i === 6 ? { locale: 'sv-SE' } : {}) }));
  const [salesLead, supportLead, opsLead, employee] = [people[3]!, people[6]!, people[9]!, people[1]!];
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [...people.slice(0, 6), ADMIN, HR], now: '2026-11-23T06:00:00Z' });
    h.fake.rosters.set(SUPPORT_TEAM, people.slice(6));
    expect((await h.installInTeam(TEAM_ID, 'Sales')).status).toBe(200);
    expect((await h.installInTeam(SUPPORT_TEAM, 'Support')).status).toBe(200);
    for (const person of [salesLead, supportLead, opsLead, employee, ADMIN, HR]) expect((await h.installPersonal(person)).status).toBe(200);
    for (const date of ['2026-11-09', '2026-11-16']) {
      await seedClosedRound(h.app.deps, {
        surveyId: 'pulse',
        date,
        segmentParents: { [SALES]: null, [SUPPORT]: null, ops: null, hq: null },
        bySegment: {
          [SALES]: team(6, `sales said something on ${date}`),
          [SUPPORT]: team(5, `support said something on ${date}`),
          ops: team(3, 'ops said something'),
          hq: team(3, 'hq said something'),
        },
      });
    }
    for (const [lead, segment] of [
      [salesLead, 'sales'],
      [supportLead, 'support'],
      [opsLead, 'ops'],
    ] as const) {
      await h.say(ADMIN, `role add {} leader ${segment}`, [lead]);
      await eventually(() => h.posted(ADMIN).some((a) => a.activity.text === `${lead.name} now has the leader role (${segment}).`));
    }
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('at 08:00 Oslo time each leader, HR and the admin get one card in their 1:1 chat, in their language, with the chart in it, valid 1.5, under 40 KB', async () => {
    const send = () => sendDueSummaries(h.app.deps, h.app.platforms, { schedule: SCHEDULE });
    const before = h.fake.activities.length;
    expect(await send()).toEqual({ sent: 0, failed: 0 }); // 07:00 in Oslo
    expect(h.fake.activities.length).toBe(before);
    h.clock.set(DateTime.fromISO('2026-11-23T07:00:00Z', { zone: 'utc' }));
    expect(await send()).toEqual({ sent: 5, failed: 0 });

    for (const [person, locale] of [
      [salesLead, 'nb'],
      [supportLead, 'sv'],
      [HR, 'en'],
      [ADMIN, 'en'],
    ] as const) {
      const posted = h.fake.activities.slice(before).filter((a) => a.conversationId === h.fake.conversationWith(person.id));
      expect(posted).toHaveLength(1);
      const activity = posted[0]!.activity;
      expect(activity.summary).toBe(translator(locale)('summary.notification'));
      expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(MAX_CARD_BYTES);
      const [card] = cardsIn(posted);
      expect(card?.version).toBe('1.5');
      expect(problems(card)).toEqual([]);
      const image = elements(card!.body).find((e) => e.type === 'Image');
      const url = String(image?.url);
      expect(url.startsWith('data:image/png;base64,')).toBe(true);
      expect(checkPng(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64'))).toEqual({ width: 800, height: 400 });
    }
    const sales = lines(cardsIn(h.posted(salesLead)).at(-1)!);
    expect(sales[0]).toBe('Ukesoppsummering: Pulse, runden 2026-11-16');
    expect(sales).toContain('Sales');
    expect(sales.some((l) => l.startsWith('6 av 7 har svart (86 %)'))).toBe(true);
    expect(sales.some((l) => l.startsWith('eNPS '))).toBe(true);
    expect(sales.some((l) => l.startsWith('Forslag til tiltak'))).toBe(true);
    expect(sales.join('\n')).toContain('sales said something');
    expect(sales.join('\n')).not.toContain('Support');
    expect(lines(cardsIn(h.posted(supportLead)).at(-1)!)[0]).toBe('Veckosammanfattning: Pulse, omgången 2026-11-16');
    expect(lines(cardsIn(h.posted(HR)).at(-1)!)[0]).toBe('Weekly summary for the whole organisation: Pulse, round of 2026-11-16');
  });

  it('a leader whose only group is too small gets one line for it and nothing else: no numbers, no comments, no chart', () => {
    const [card] = cardsIn(h.posted(opsLead));
    const t = translator('en');
    expect(lines(card!)).toEqual([
      t('summary.title.leader', { survey: 'Pulse', date: '2026-11-16' }),
      t('results.hidden', { segment: 'OPS', k: 5 }),
      `🔒 ${t('summary.footer', { k: 5 })}`,
    ]);
    expect(elements(card!.body).some((e) => e.type === 'Image')).toBe(false);
    expect(JSON.stringify(card)).not.toContain('ops said something');
    // HR's organisation summary names it in one line too.
    const hr = lines(cardsIn(h.posted(HR)).at(-1)!);
    expect(hr.filter((l) => l.includes('OPS'))).toEqual([t('results.hidden', { segment: 'OPS', k: 5 })]);
  });

  it('a second pass the same week sends nothing more', async () => {
    const before = h.fake.activities.length;
    expect(await sendDueSummaries(h.app.deps, h.app.platforms, { schedule: SCHEDULE })).toEqual({ sent: 0, failed: 0 });
    expect(h.fake.activities.length).toBe(before);
  });

  it('`results` replies with the same content as a card, only for the caller’s groups; others are refused', async () => {
    const count = cardsIn(h.posted(salesLead)).length;
    expect((await h.say(salesLead, 'results')).status).toBe(200);
    await eventually(() => cardsIn(h.posted(salesLead)).length === count + 1);
    const reply = cardsIn(h.posted(salesLead)).at(-1)!;
    expect(problems(reply)).toEqual([]);
    const weekly = cardsIn(h.posted(salesLead))[0]!;
    // Same lines as the weekly card (comments are shuffled per week, and this is the same week).
    expect(lines(reply)).toEqual(lines(weekly));
    await h.say(salesLead, 'results support');
    await eventually(() => h.posted(salesLead).some((a) => a.activity.text === translator('nb')('cmd.role.unknownSegment', { segment: 'support' })));
    await h.say(HR, 'results support');
    await eventually(() => cardsIn(h.posted(HR)).some((c) => lines(c).includes('Support') && !lines(c).includes('Sales')));
    await h.say(employee, 'results');
    await eventually(() => h.posted(employee).some((a) => a.activity.text === 'Results are for leaders, HR and admins.'));
  });

  it('`results exit` gives HR the pooled exit results as a card and refuses everyone else', async () => {
    const count = cardsIn(h.posted(HR)).length;
    await h.say(HR, 'results exit');
    await eventually(() => cardsIn(h.posted(HR)).length === count + 1);
    const card = cardsIn(h.posted(HR)).at(-1)!;
    expect(problems(card)).toEqual([]);
    const t = translator('en');
    expect(lines(card)).toEqual([t('summary.exit'), t('hr.results.none', { k: 5 })]);
    for (const person of [employee, salesLead]) {
      const cards = cardsIn(h.posted(person)).length;
      await h.say(person, 'results exit');
      const refusal = translator(person === salesLead ? 'nb' : 'en')('hr.results.notAllowed');
      await eventually(() => h.posted(person).some((a) => a.activity.text === refusal));
      expect(cardsIn(h.posted(person))).toHaveLength(cards);
    }
  });

  it('a leader commits to a suggested action from the card’s form, and changes its status: the card stays, a message says what happened', async () => {
    const [summary] = h.posted(salesLead).filter((a) => actionsIn(a.activity.attachments).some((x) => x.verb === 'pulse.plan.commit'));
    expect(summary).toBeDefined();
    const [card] = cardsIn([summary!]);
    // Each suggestion is an Action.ShowCard holding the words (in the leader's language) and a due date.
    const forms = (card as unknown as { actions: { type: string; title: string; card: { body: Node[] } }[] }).actions;
    expect(forms.every((f) => f.type === 'Action.ShowCard')).toBe(true);
    expect(forms.at(-1)?.title).toBe('Nytt tiltak');
    const suggestion = String(forms.flatMap((f) => f.card.body).find((e) => e.id === 'words-0')?.value);
    expect(suggestion.length).toBeGreaterThan(20);
    const commit = actionsIn(card).find((x) => x.verb === 'pulse.plan.commit');

    const refused = await h.execute(salesLead, 'pulse.plan.commit', { ...commit?.data, 'words-0': suggestion, 'due-0': '2020-01-01' }, summary!.id);
    expect(JSON.stringify(refused.body)).toContain(translator('nb')('plan.error.due'));
    const done = await h.execute(salesLead, 'pulse.plan.commit', { ...commit?.data, 'words-0': suggestion, 'due-0': '2026-12-31' }, summary!.id);
    expect(done.status).toBe(200);
    expect(JSON.stringify(done.body)).toContain('Lagret: «');
    const [action] = await h.app.database.collections.actions.find({ segment: SALES }).toArray();
    expect(action).toMatchObject({ dueDate: '2026-12-31', status: 'planned', words: { catalogKey: expect.stringMatching(/^action\./) as unknown } });

    // Someone who does not lead sales cannot commit for it.
    const other = await h.execute(supportLead, 'pulse.plan.commit', { ...commit?.data, 'words-0': 'Something', 'due-0': '2026-12-31' }, summary!.id);
    expect(JSON.stringify(other.body)).toContain(translator('sv')('plan.error.notAllowed'));

    const changed = await h.execute(salesLead, 'pulse.plan.status', { a: action?._id, [`status-${action?._id ?? ''}`]: 'in_progress' }, summary!.id);
    expect(JSON.stringify(changed.body)).toContain('er nå: Pågår');
    expect((await h.app.database.collections.actions.findOne({ _id: action?._id ?? '' }))?.status).toBe('in_progress');
    const stranger = await h.execute(supportLead, 'pulse.plan.status', { a: action?._id, [`status-${action?._id ?? ''}`]: 'done' }, summary!.id);
    expect(JSON.stringify(stranger.body)).toContain(translator('sv')('plan.error.unknown'));
  });

  it('a leader replies to the summary’s comments from the card’s form; nobody else may', async () => {
    const [summary] = h.posted(salesLead).filter((a) => actionsIn(a.activity.attachments).some((x) => x.verb === 'pulse.summary.replies'));
    expect(summary).toBeDefined();
    const send = actionsIn(summary!.activity.attachments).find((x) => x.verb === 'pulse.summary.replies');
    expect(JSON.stringify(summary!.activity.attachments)).toContain('sales said something on 2026-11-16');
    const none = await h.execute(salesLead, 'pulse.summary.replies', { ...send?.data }, summary!.id);
    expect(JSON.stringify(none.body)).toContain(translator('nb')('summaryReply.none'));
    const done = await h.execute(salesLead, 'pulse.summary.replies', { ...send?.data, 'ack-0': 'good-point' }, summary!.id);
    expect(JSON.stringify(done.body)).toContain('Sendt 1.');
    const comment = await h.app.database.collections.comments.findOne({ text: 'sales said something on 2026-11-16' });
    expect((await h.app.database.collections.conversations.findOne({ _id: comment?._id ?? '' }))?.messages).toEqual([
      { kind: 'ack', from: 'leader', ack: 'good-point' },
    ]);
    // Support's leader may not read sales' comments: refused, nothing added.
    const other = await h.execute(supportLead, 'pulse.summary.replies', { ...send?.data, 'reply-0': 'Hello' }, summary!.id);
    expect(JSON.stringify(other.body)).toContain(translator('sv')('summaryReply.notAllowed'));
    expect((await h.app.database.collections.conversations.findOne({ _id: comment?._id ?? '' }))?.messages).toHaveLength(1);
  });

  it('a summary too big for one message: the card is cut under 40 KB and the chart follows as an inline PNG', async () => {
    const platform = h.app.platforms.get('teams');
    const summary = hugeSummary();
    const chart = await summaryChart(summary, 'en');
    const before = h.posted(HR).length;
    const ref = await platform!.sendSummary!(
      { platform: 'teams', tenant: TENANT, userId: HR.aadObjectId, locale: 'en' },
      { summary, text: summaryText(summary, 'en'), chart },
    );
    const posted = h.posted(HR).slice(before);
    expect(posted).toHaveLength(2);
    expect(ref).toEqual({ channel: posted[0]!.conversationId, messageId: posted[0]!.id });
    for (const p of posted) expect(Buffer.byteLength(JSON.stringify(p.activity))).toBeLessThan(MAX_CARD_BYTES);
    const [card] = cardsIn(posted.slice(0, 1));
    expect(problems(card)).toEqual([]);
    expect(
      elements(card!.body)
        .filter((e) => e.type === 'TextBlock')
        .map((e) => e.text),
    ).toEqual([`…\n\n${translator('en')('teams.results.cut')}`]);
    expect(elements(card!.body).some((e) => e.type === 'Image')).toBe(false);
    const [image] = posted[1]!.activity.attachments as { contentType: string; contentUrl: string }[];
    expect(image?.contentType).toBe('image/png');
    expect(checkPng(Buffer.from(String(image?.contentUrl).replace(/^data:image\/png;base64,/, ''), 'base64'))).toEqual({ width: 800, height: 400 });
  });
});

describe('Teams: results that take longer than the turn may wait', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    // A zero budget: every results reply takes the late path, as a cold process would.
    h = await startTeamsHarness({ roster: [ADMIN, HR], app: { timings: { teamsResultsBudgetMs: 0 } } });
    expect((await h.installPersonal(HR)).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('says the results are on their way at once, then sends them as their own message', async () => {
    const t = translator('en');
    const welcome = h.posted(HR).length;
    await h.say(HR, 'results exit');
    await eventually(() => cardsIn(h.posted(HR)).length === 1);
    const posted = h.posted(HR).slice(welcome);
    expect(posted.map((a) => a.activity.text)).toEqual([t('summary.preparing'), '']);
    expect(lines(cardsIn(posted)[0]!)).toEqual([t('summary.exit'), t('hr.results.none', { k: 5 })]);
    await h.say(HR, 'results');
    await eventually(() => h.posted(HR).some((a) => a.activity.text === t('results.none')));
    expect(
      h
        .posted(HR)
        .slice(welcome + 2)
        .map((a) => a.activity.text),
    ).toEqual([t('summary.preparing'), t('results.none')]);
  });

  it('the results never land above the line announcing them, however slowly that line is posted', async () => {
    const t = translator('en');
    const before = h.posted(HR).length;
    h.fake.postDelayMs = (activity) => (activity.text === t('summary.preparing') ? 400 : 0);
    try {
      await h.say(HR, 'results');
      await eventually(() => h.posted(HR).length === before + 2);
    } finally {
      h.fake.postDelayMs = () => 0;
    }
    expect(
      h
        .posted(HR)
        .slice(before)
        .map((a) => a.activity.text),
    ).toEqual([t('summary.preparing'), t('results.none')]);
  });
});
