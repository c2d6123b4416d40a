import type { CommandStartedEvent, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PostedActivity } from '../fakes/bot-connector.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { ADMIN, startTeamsHarness, TEAM_ID, teamsPeople, type TeamsHarness, type TeamsPerson } from '../fakes/teams-harness.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/**
 * What one answer costs the database, through the real Bolt and teams-ai apps. The FerretDB server
 * the tests and the playground run on finds a document from an index only for an `_id`-only
 * filter (anything else scans the collection) and applies writes one at a time, so the number of
 * commands per click is what sets the ingest ceiling (`npm run bench -- ingest`).
 */
interface Sent {
  readonly command: string;
  readonly filters: Record<string, unknown>[];
}

/** The app's own MongoDB client reports every command it sends (monitorCommands in the URI). */
const MONITORED_URI = () => `${inject('mongoUri')}${inject('mongoUri').includes('?') ? '&' : '?'}monitorCommands=true`;

function recordCommands(client: MongoClient): Sent[] {
  const sent: Sent[] = [];
  client.on('commandStarted', (event: CommandStartedEvent) => {
    const c = event.command as Record<string, unknown>;
    const filters: Record<string, unknown>[] = [];
    if (c.filter) filters.push(c.filter as Record<string, unknown>);
    for (const u of (c.updates ?? c.deletes ?? []) as { q: Record<string, unknown> }[]) filters.push(u.q);
    sent.push({ command: `${event.commandName}:${String(c[event.commandName])}`, filters });
  });
  return sent;
}

const notById = (sent: readonly Sent[]) => sent.flatMap((s) => s.filters).filter((f) => Object.keys(f).length !== 1 || typeof f._id !== 'string');
const writes = (sent: readonly Sent[]) => sent.map((s) => s.command).filter((c) => !c.startsWith('find:'));
/** A click's own writes; its live counters go out with others' within 200 ms (counter-batcher.ts). */
const ANSWER_WRITES = ['insert:responses', 'insert:participation'];
const withoutCounters = (sent: readonly Sent[]) => sent.filter((s) => s.command !== 'update:counters');

describe('Slack: what a click costs the database', () => {
  let h: SlackHarness;
  let sent: Sent[];

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(3), env: { MONGODB_URI: MONITORED_URI() } });
    await h.command('UADMIN', '/pulse', 'send-now');
    await eventually(() => h.fake.messages.length === 5);
    await h.app.delivery.idle();
    sent = recordCommands(h.app.database.client);
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('every filter is by _id alone; after the first click the round, delivery and person are not read again', async () => {
    const prompt = h.fake.messagesTo('U0001')[0] as PostedMessage;
    const blocks = (prompt.blocks ?? []) as { elements?: { action_id?: string }[] }[];
    const answerIds = blocks
      .flatMap((b) => b.elements ?? [])
      .map((e) => e.action_id ?? '')
      .filter((id) => id.startsWith('pulse:answer:'));
    const oneClickPerQuestion = [...new Map(answerIds.map((id) => [id.split(':')[2], id])).values()];
    expect(oneClickPerQuestion.length).toBeGreaterThanOrEqual(3);

    const perClick: Sent[][] = [];
    const all = recordCommands(h.app.database.client);
    for (const actionId of oneClickPerQuestion) {
      sent.length = 0;
      const updates = prompt.updates;
      expect(await h.click(prompt, actionId)).toBe(200);
      // The prompt is redrawn after the 200: wait for that too, it is part of the click's cost.
      await eventually(() => prompt.updates > updates);
      perClick.push([...sent]);
    }

    expect(perClick.flatMap(notById)).toEqual([]);
    for (const click of perClick.slice(1)) {
      expect(click.map((s) => s.command).filter((c) => /:(rounds|deliveries|people)$/.test(c))).toEqual([]);
      expect(writes(withoutCounters(click))).toEqual(ANSWER_WRITES);
    }
    // Each click: its ledger check and two writes (its live counters go out with others'). The redraw reads nothing: what the clicked
    // message shows answered, and what this process wrote, say which questions to mark.
    for (const click of perClick.slice(1)) expect(withoutCounters(click).map((s) => s.command)).toEqual(['find:participation', ...ANSWER_WRITES]);
    // The live counters: fewer writes than clicks (the first click alone bumps two sets), and exact.
    await h.app.deps.store.counters.settle();
    expect(all.filter((s) => s.command === 'update:counters').length).toBeLessThanOrEqual(perClick.length);
    const round = await h.app.database.collections.rounds.findOne({});
    const answered = (await h.app.deps.store.counters.forRound(round?._id ?? '')).filter((c) => c.value === '_answered').reduce((n, c) => n + c.n, 0);
    expect(answered).toBe(oneClickPerQuestion.length);
    // Every answer is drawn answered, through the click's response_url rather than chat.update.
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    for (const [question] of oneClickPerQuestion.map((id) => id.split(':').slice(2))) {
      expect((prompt.blocks as { block_id?: string }[]).some((b) => b.block_id === `q:${question}:a`)).toBe(false);
    }
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(oneClickPerQuestion.length);
  });
});

describe('Teams: what an Action.Execute costs the database', () => {
  const people = teamsPeople(3);
  let h: TeamsHarness;
  let sent: Sent[];
  let prompt: PostedActivity;

  /** The Action.Execute data of each question of the card, in order. */
  const questionsOf = (activity: PostedActivity) => {
    const card = (activity.activity.attachments as { content: { body: { items?: { actions?: { type: string; data: Record<string, unknown> }[] }[] }[] } }[])[0]
      ?.content;
    return (card?.body ?? [])
      .flatMap((b) => b.items ?? [])
      .flatMap((i) => i.actions ?? [])
      .filter((a) => a.type === 'Action.Execute')
      .map((a) => a.data);
  };
  const answer = (person: TeamsPerson, data: Record<string, unknown>) =>
    h.execute(person, 'pulse.answer', { ...data, [`a-${String(data.q)}`]: data.q === 'enps' ? '7' : '4' }, prompt.id);

  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [...people, ADMIN], env: { MONGODB_URI: MONITORED_URI() } });
    await h.installInTeam(TEAM_ID, 'Sales');
    await h.say(ADMIN, 'send-now');
    await eventually(() => h.fake.activities.filter((a) => a.activity.attachments).length === 4, 15_000);
    await h.app.delivery.idle();
    prompt = h.posted(people[0]!).find((a) => a.activity.attachments)!;
    sent = recordCommands(h.app.database.client);
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('a turn whose conversation and person are unchanged writes nothing but the answer, and every filter is by _id', async () => {
    const person = people[0]!;
    const [first, second, third] = questionsOf(prompt);
    expect(third).toBeDefined();
    // The first turn stores the locale and time zone Teams reports (the roster had neither).
    expect((await answer(person, first!)).status).toBe(200);
    expect(await h.app.database.collections.people.findOne({ userId: person.aadObjectId })).toMatchObject({ locale: 'en', timezone: person.timezone });

    sent.length = 0;
    const reply = await answer(person, second!);
    expect(reply.status).toBe(200);
    expect(writes(withoutCounters(sent))).toEqual(ANSWER_WRITES);
    // The card comes back with both answers drawn, from what the clicked card showed and what was
    // just recorded: the ledger is read once, for the answer's own check, not per open question.
    expect(sent.filter((s) => s.command === 'find:participation')).toHaveLength(1);
    expect(JSON.stringify(reply.body).match(/✅/g)).toHaveLength(2);
    expect(sent.map((s) => s.command).filter((c) => /:(rounds|deliveries|people|teams_personal_conversations|teams_members)$/.test(c))).toEqual([]);
    expect(notById(sent)).toEqual([]);
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(2);
  });

  it('a turn that brings a new language or time zone still updates the chat and the directory', async () => {
    const person = { ...people[1]!, locale: 'nb-NO', timezone: 'Europe/Oslo' };
    const mine = h.posted(people[1]!).find((a) => a.activity.attachments)!;
    const [first, second] = questionsOf(mine);
    expect((await h.execute(person, 'pulse.answer', { ...first!, [`a-${String(first!.q)}`]: first!.q === 'enps' ? '7' : '4' }, mine.id)).status).toBe(200);
    const moved = { ...person, locale: 'sv-SE', timezone: 'Asia/Kolkata' };
    sent.length = 0;
    expect((await h.execute(moved, 'pulse.answer', { ...second!, [`a-${String(second!.q)}`]: second!.q === 'enps' ? '7' : '4' }, mine.id)).status).toBe(200);
    expect(writes(withoutCounters(sent))).toEqual(expect.arrayContaining(['update:teams_personal_conversations', 'update:people', ...ANSWER_WRITES]));
    expect(notById(sent)).toEqual([]);
    expect(await h.app.database.collections.people.findOne({ userId: person.aadObjectId })).toMatchObject({ locale: 'sv', timezone: 'Asia/Kolkata' });
    expect(await h.app.database.db.collection('teams_personal_conversations').findOne({ aadObjectId: person.aadObjectId })).toMatchObject({
      locale: 'sv-SE',
      timezone: 'Asia/Kolkata',
    });
  });
});
