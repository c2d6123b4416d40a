import { exitRequestId } from '../../src/store/documents/identity.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_ANSWERED } from '../../src/store/documents/answers.js';
import type { PostedActivity } from '../fakes/bot-connector.js';
import { ADMIN, HR, TENANT, startTeamsHarness, TEAM_ID, teamsPeople, type TeamsHarness, type TeamsPerson } from '../fakes/teams-harness.js';
import { eventually } from '../support/slack-harness.js';

type Card = { type: string; version: string; refresh?: unknown; body: Record<string, unknown>[] };

const cardOf = (a: PostedActivity | undefined): Card => {
  const attachments = (a?.activity.attachments ?? []) as { contentType: string; content: Card }[];
  const card = attachments[0];
  if (!card || card.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error('no adaptive card');
  return card.content;
};
const json = (value: unknown) => JSON.stringify(value);
/** The Action.Execute data of each open question in a card, by question id. */
/** The prompt cards posted to a person (a comment's replies entry card, issue #19, is not a prompt). */
const cards = (h: TeamsHarness, person: TeamsPerson) =>
  h.posted(person).filter((a) => a.activity.attachments && !JSON.stringify(a.activity.attachments).includes('"pulse.replies"'));
let current: TeamsHarness;
const promptOf = (person: TeamsPerson): PostedActivity => {
  const prompt = cards(current, person)[0];
  if (!prompt) throw new Error(`no prompt for ${person.id}`);
  return prompt;
};

function openQuestions(card: Card): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const element of card.body) {
    const items = (element.items ?? []) as { type: string; actions?: { type: string; verb: string; data: Record<string, unknown> }[] }[];
    for (const item of items) for (const action of item.actions ?? []) if (action.type === 'Action.Execute') found.set(String(action.data.q), action.data);
  }
  return found;
}

describe('Teams: install, roster, a full round for 20 people answered through Action.Execute', () => {
  const people = teamsPeople(20);
  let h: TeamsHarness;
  /** Copies of the prompt cards as first delivered (what a second device would still show). */
  const firstCards = new Map<string, Card>();

  beforeAll(async () => {
    h = current = await startTeamsHarness({
      roster: [...people, ADMIN, HR, { ...teamsPeople(1)[0]!, id: '29:guest', aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000009', userRole: 'guest' }],
    });
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('installing the app in a team stores the team and reads its roster into the directory (no guests)', async () => {
    const reply = await h.installInTeam(TEAM_ID, 'Sales Team');
    expect(reply.status).toBe(200);
    const stored = await h.app.database.collections.people.find({}).toArray();
    expect(stored.map((p) => p.userId).sort()).toEqual([...people.map((p) => p.aadObjectId), ADMIN.aadObjectId, HR.aadObjectId].sort());
    // Platform segments carry the tenant, so another tenant's "Sales Team" never merges into this one.
    expect(stored.every((p) => p.platform === 'teams' && p.segment === `teams:${TENANT}:sales-team`)).toBe(true);
    expect(await h.app.database.collections.segments.findOne({ _id: `teams:${TENANT}:sales-team` })).toMatchObject({ name: 'Sales Team' });
    expect(h.fake.calls.some((c) => c.path.includes('/pagedmembers'))).toBe(true);
    // The bot asked the login endpoint for its token with its own credentials.
    expect(h.fake.tokenRequests.every((r) => r.ok && r.clientId === h.fake.appId)).toBe(true);
  });

  it('refuses send-now to a non-admin, privately', async () => {
    const person = people[0] as TeamsPerson;
    expect((await h.say(person, 'send-now')).status).toBe(200);
    await eventually(() => h.fake.activities.some((a) => a.activity.text === 'Sorry, only admins can do that.'));
    expect(h.fake.activities.filter((a) => (a.activity.attachments as unknown[] | undefined)?.length)).toHaveLength(0);
  });

  it('an admin starts a round: everyone gets exactly one Adaptive Card in a 1:1 chat the bot opened', async () => {
    expect((await h.say(ADMIN, 'send-now')).status).toBe(200);
    await eventually(() => h.fake.activities.some((a) => String(a.activity.text).startsWith('Started a round')), 15_000);
    expect(h.fake.activities.find((a) => String(a.activity.text).startsWith('Started a round'))?.activity.text).toBe(
      'Started a round of "Pulse": 22 people get it now.',
    );
    await eventually(() => h.fake.activities.filter((a) => a.activity.attachments).length === 22, 15_000);
    await h.app.delivery.idle();
    for (const person of [...people, ADMIN, HR]) expect(cards(h, person)).toHaveLength(1);
    for (const person of [...people, ADMIN, HR]) firstCards.set(person.id, structuredClone(cardOf(promptOf(person))));
    const card = cardOf(promptOf(people[0]!));
    expect(card.version).toBe('1.5');
    expect(json(card)).toContain('Your answers are anonymous');
    expect(json(card)).toContain('recommend Acme');
    expect(openQuestions(card).size).toBeGreaterThanOrEqual(2);
  });

  it('every answer invoke is stored and answered with the refreshed card, which never shows the value', async () => {
    for (const [i, person] of people.entries()) {
      const questions = openQuestions(firstCards.get(person.id)!);
      for (const [q, data] of questions) {
        const value = q === 'enps' ? String(i % 11) : q === 'comment' ? `Comment ${i + 1}` : String((i % 5) + 1);
        const reply = await h.execute(person, 'pulse.answer', { ...data, [`a-${q}`]: value }, promptOf(person).id);
        expect(reply.status).toBe(200);
        expect(reply.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      }
    }
    const last = people[19]!;
    const [q, data] = [...openQuestions(firstCards.get(last.id)!)][0]!;
    const refreshed = await h.execute(last, 'pulse.refresh', { r: data.r, t: data.t }, promptOf(last).id);
    const card = (refreshed.body as { value: Card }).value;
    expect(openQuestions(card).size).toBe(0);
    expect(json(card)).toContain('Answered');
    expect(json(card)).toContain('All done. Thank you for taking part!');
    expect(json(card)).not.toContain('Comment 20');
    // The card message itself was replaced through the connector too (every device shows it).
    const message = promptOf(last);
    expect(message.updates).toBeGreaterThan(0);
    expect(openQuestions(cardOf(message)).size).toBe(0);
    expect(q).toBeDefined();

    const round = (await h.app.deps.store.rounds.openRounds())[0]!;
    const counters = await h.app.deps.store.counters.forRound(round._id);
    const enpsAnswered = counters.filter((c) => c.questionId === 'enps' && c.value === COUNTER_ANSWERED).reduce((s, c) => s + c.n, 0);
    expect(enpsAnswered).toBe(20);
    expect(await h.app.database.collections.comments.countDocuments({})).toBe(20);
  });

  it('a second answer to the same question (another device) changes nothing and says so in the card', async () => {
    const person = people[3]!;
    const data = openQuestions(firstCards.get(person.id)!).get('enps')!;
    const before = await h.app.database.collections.responses.countDocuments({});
    const reply = await h.execute(person, 'pulse.answer', { ...data, 'a-enps': '10' }, promptOf(person).id);
    expect(reply.status).toBe(200);
    expect(json(reply.body)).toContain('You have already answered this question');
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(before);
  });

  it('answers are stored anonymously: nothing on the answer side names a person or a Teams id', async () => {
    const answerSide = [
      ...(await h.app.database.collections.responses.find({}).toArray()),
      ...(await h.app.database.collections.comments.find({}).toArray()),
      ...(await h.app.database.collections.counters.find({}).toArray()),
    ];
    const text = json(answerSide);
    for (const person of people) {
      expect(text).not.toContain(person.aadObjectId);
      expect(text).not.toContain(person.id);
    }
    expect(text).not.toContain('a:dm-');
  });

  it('an invalid value is refused with a message and stores nothing', async () => {
    const person = ADMIN;
    const data = openQuestions(cardOf(promptOf(person))).get('enps')!;
    const reply = await h.execute(person, 'pulse.answer', { ...data, 'a-enps': '11' }, promptOf(person).id);
    expect(reply.status).toBe(200);
    expect(json(reply.body)).toContain('That answer is not valid for this question.');
    expect(await h.app.deps.store.ledger.hasAnswered(String(data.r), `teams:${TENANT}:${ADMIN.aadObjectId}`, 'enps')).toBe(false);
  });

  it('HR sends an exit survey with an @mention; a non-HR user is refused and nothing is scheduled', async () => {
    const leaver = people[5]!;
    expect((await h.say(people[1]!, 'exit-survey {}', [leaver])).status).toBe(200);
    await eventually(() => h.posted(people[1]!).some((a) => a.activity.text === 'Sorry, only HR and admins can do that. Nothing was sent.'));
    expect(await h.app.database.collections.eventRequests.countDocuments({})).toBe(0);

    expect((await h.say(HR, 'exit-survey {} 2026-11-25 nb', [leaver])).status).toBe(200);
    await eventually(() => h.posted(HR).some((a) => String(a.activity.text).startsWith('Exit survey for Person 6 scheduled for 2026-11-25')));
    const request = await h.app.database.collections.eventRequests.findOne({});
    expect(request).toMatchObject({ _id: exitRequestId(`teams:${TENANT}:${leaver.aadObjectId}`), state: 'scheduled', sendDate: '2026-11-25', locale: 'nb' });

    // On the day, the leaver gets the exit survey as a card in Norwegian.
    h.clock.set(h.clock.now().plus({ days: 2, hours: 6 }));
    h.app.delivery.kick();
    await eventually(() => cards(h, leaver).length === 2, 15_000);
    const exitCard = cardOf(cards(h, leaver)[1]);
    expect(json(exitCard)).toContain('Sluttundersøkelse');
    expect(openQuestions(exitCard).has('exit-reasons')).toBe(true);
  });

  it('older clients answer through the Action.Submit fallback: stored, and the card updated through the connector', async () => {
    const leaver = people[5]!;
    const exitPrompt = cards(h, leaver)[1]!;
    const data = openQuestions(cardOf(exitPrompt)).get('exit-reasons')!;
    const reply = await h.post({
      type: 'message',
      id: 'f:submit-1',
      serviceUrl: h.fake.serviceUrl,
      channelId: 'msteams',
      from: { id: leaver.id, aadObjectId: leaver.aadObjectId, name: leaver.name },
      recipient: { id: h.botId, name: 'pulsebot' },
      conversation: { id: exitPrompt.conversationId, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      replyToId: exitPrompt.id,
      value: { verb: 'pulse.answer', ...data, 'a-exit-reasons': 'pay,growth' },
    });
    expect(reply.status).toBe(200);
    const stored = await h.app.database.collections.responses.findOne({ questionId: 'exit-reasons' });
    expect([...(stored?.value as string[])].sort()).toEqual(['growth', 'pay']);
    await eventually(() => exitPrompt.updates > 0);
    expect(openQuestions(cardOf(exitPrompt)).has('exit-reasons')).toBe(false);
    expect(json(cardOf(exitPrompt))).toContain('Besvart');
  });

  it('commands work with an @mention of the bot, and roles can be granted by @mention', async () => {
    const bot = { id: h.botId, name: 'pulsebot', aadObjectId: '', email: '', locale: 'en-US', timezone: 'UTC' };
    await h.say(ADMIN, '{} role add {} leader sales-team', [bot, people[2]!]);
    await eventually(() => h.posted(ADMIN).some((a) => a.activity.text === 'Person 3 now has the leader role (sales-team).'));
    expect(await h.app.deps.store.people.get(`teams:${TENANT}:${people[2]!.aadObjectId}`)).toMatchObject({
      roles: ['leader'],
      leads: [`teams:${TENANT}:sales-team`],
    });
    await h.say(people[4]!, '{} help', [bot]);
    await eventually(() =>
      h.posted(people[4]!).some((a) => String(a.activity.text).startsWith('pulsebot runs short anonymous surveys. Type to me in this chat')),
    );
  });

  it('in a team channel only help is answered; anything else points to the 1:1 chat, revealing nothing', async () => {
    const bot = { id: h.botId, name: 'pulsebot', aadObjectId: '', email: '', locale: 'en-US', timezone: 'UTC' };
    const inChannel = (text: string) =>
      h.post({
        type: 'message',
        id: `f:channel-${text}`,
        serviceUrl: h.fake.serviceUrl,
        channelId: 'msteams',
        from: { id: ADMIN.id, aadObjectId: ADMIN.aadObjectId, name: ADMIN.name },
        recipient: { id: h.botId, name: 'pulsebot' },
        conversation: { id: `${TEAM_ID};messageid=1`, conversationType: 'channel', tenantId: TENANT, isGroup: true },
        channelData: { tenant: { id: TENANT }, team: { id: TEAM_ID, name: 'Sales Team' } },
        text: `<at>pulsebot</at> ${text}`,
        entities: [{ type: 'mention', text: '<at>pulsebot</at>', mentioned: { id: bot.id, name: bot.name } }],
      });
    expect((await inChannel('status')).status).toBe(200);
    expect((await inChannel('help')).status).toBe(200);
    const said = h.fake.activities.filter((a) => a.conversationId.startsWith(TEAM_ID)).map((a) => String(a.activity.text));
    expect(said).toHaveLength(2);
    expect(said[0]).toBe('Let us keep this private: write to me in a 1:1 chat with pulsebot.');
    expect(said[1]).toMatch(/^pulsebot runs short anonymous surveys/);
  });

  it('the round closes: unanswered prompts are updated in place to a closed card', async () => {
    const round = (await h.app.deps.store.rounds.openRounds()).find((r) => r.kind === 'pulse')!;
    h.clock.set(h.clock.now().plus({ days: 8 }));
    h.app.delivery.kick();
    await eventually(async () => (await h.app.deps.store.rounds.get(round._id))?.state === 'closed', 15_000);
    await h.app.delivery.idle();
    const prompt = promptOf(HR);
    expect(prompt.updates).toBeGreaterThan(0);
    const card = cardOf(prompt);
    expect(json(card)).toContain('This survey has closed. Thank you!');
    expect(openQuestions(card).size).toBe(0);
    // An answer from a copy taken before the close is refused and the card says closed.
    const stale = openQuestions(firstCards.get(HR.id)!).get('enps')!;
    const reply = await h.execute(HR, 'pulse.answer', { ...stale, 'a-enps': '5' }, promptOf(HR).id);
    expect(json(reply.body)).toContain('This survey has closed');
    expect(await h.app.database.collections.responses.countDocuments({ roundId: round._id, questionId: 'enps' })).toBe(20);
    // Opening an old copy of the card (the refresh Teams sends) shows it closed too.
    const refreshed = await h.execute(HR, 'pulse.refresh', { r: stale.r, t: stale.t }, promptOf(HR).id);
    expect(json(refreshed.body)).toContain('This survey has closed. Thank you!');
    expect(json(refreshed.body)).not.toContain('Action.Execute');
  });

  it('results are shown to an admin once the round has closed, and refused to an employee', async () => {
    await h.say(ADMIN, 'results');
    // The summary card (teams-summary.test.ts checks it in depth).
    await eventually(() => h.posted(ADMIN).some((a) => json(a.activity.attachments ?? []).includes('Whole organisation')));
    const text = json(h.posted(ADMIN).find((a) => json(a.activity.attachments ?? []).includes('Whole organisation'))?.activity.attachments ?? []);
    expect(text).toContain('20 of 22 answered');
    expect(text).toMatch(/eNPS [−+]?\d+/);
    await h.say(people[7]!, 'results');
    await eventually(() => h.posted(people[7]!).some((a) => a.activity.text === 'Results are for leaders, HR and admins.'));
    // The leader granted above sees their team.
    await h.say(people[2]!, 'results');
    await eventually(() => h.posted(people[2]!).some((a) => json(a.activity.attachments ?? []).includes('Sales Team')));
  });
});
