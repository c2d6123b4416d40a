import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_ANSWERED } from '../../src/store/documents/answers.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

type Element = { action_id?: string; type?: string };
type Block = { block_id?: string; type: string; elements?: Element[]; text?: { text?: string } };

const blocksOf = (m: PostedMessage) => (m.blocks ?? []) as Block[];
const actionIds = (m: PostedMessage) => blocksOf(m).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []).map((e) => e.action_id ?? '') : []));
const textOf = (m: PostedMessage) => JSON.stringify(m.blocks);

describe('Slack: a full pulse round for 20 people, answered by clicks', () => {
  let h: SlackHarness;
  let staleBeforeClose: PostedMessage | undefined;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(20) });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('syncs the directory: people, not bots or deleted users', async () => {
    const people = await h.app.database.collections.people.find({}).toArray();
    expect(people.map((p) => p.userId).sort()).toEqual([...users(20).map((u) => u.id), 'UADMIN', 'UHR'].sort());
  });

  it('refuses send-now to a non-admin, privately, sending nothing', async () => {
    const reply = await h.command('U0001', '/pulse', 'send-now');
    expect(reply.status).toBe(200);
    await eventually(() => h.responses(reply.responseUrlId).length > 0);
    expect(h.responses(reply.responseUrlId)).toEqual(['Sorry, only admins can do that.']);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('an admin starts a round and everyone gets exactly one prompt in a DM', async () => {
    const reply = await h.command('UADMIN', '/pulse', 'send-now');
    expect(reply.status).toBe(200);
    await eventually(() => h.responses(reply.responseUrlId).length > 0);
    expect(h.responses(reply.responseUrlId)[0]).toBe('Started a round of "Pulse": 22 people get it now.');
    await eventually(() => h.fake.messages.length === 22);
    await h.app.delivery.idle();
    const recipients = h.fake.messages.map((m) => m.user);
    expect(new Set(recipients).size).toBe(22);
    const first = h.fake.messagesTo('U0001')[0];
    expect(first).toBeDefined();
    expect(first?.metadata).toMatchObject({ event_type: 'pulsebot_prompt' });
    expect(textOf(first as PostedMessage)).toContain('Your answers are anonymous');
  });

  it('every click is recorded, the prompt is updated in place without the value, and a second click is a no-op', async () => {
    const stale = structuredClone(h.fake.messagesTo('U0001')[0] as PostedMessage);
    for (const user of users(20)) {
      const message = () => h.fake.messagesTo(user.id)[0] as PostedMessage;
      const ids = actionIds(message()).filter((id) => id.startsWith('pulse:answer:'));
      const questions = [...new Set(ids.map((id) => id.split(':')[2]))];
      for (const q of questions) {
        const value = q === 'enps' ? String(Number(user.id.slice(1)) % 11) : String((Number(user.id.slice(1)) % 5) + 1);
        expect(await h.click(message(), `pulse:answer:${q}:${value}`)).toBe(200);
      }
    }
    const m = h.fake.messagesTo('U0007')[0] as PostedMessage;
    expect(m.updates).toBeGreaterThan(0);
    expect(actionIds(m).filter((id) => id.startsWith('pulse:answer:'))).toEqual([]);
    expect(textOf(m)).toContain('Answered');
    expect(textOf(m)).not.toMatch(/"pulse:answer:[a-z0-9-]+:\d+"/);

    // The same person clicks another value on a stale copy of the prompt (a second device).
    const before = await h.app.database.collections.responses.countDocuments({});
    const enpsIds = actionIds(stale).filter((id) => id.startsWith('pulse:answer:enps:'));
    expect(enpsIds).toHaveLength(11);
    expect(await h.click(stale, 'pulse:answer:enps:10')).toBe(200);
    await eventually(() => h.fake.callsTo('chat.postEphemeral').length === 1);
    expect(String(h.fake.callsTo('chat.postEphemeral')[0]?.params.text)).toMatch(/^You have already answered this question/);
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(before);

    const counters = await h.app.deps.store.counters.forRound((await h.app.deps.store.rounds.openRounds())[0]?._id ?? '');
    const enpsAnswered = counters.filter((c) => c.questionId === 'enps' && c.value === COUNTER_ANSWERED).reduce((s, c) => s + c.n, 0);
    expect(enpsAnswered).toBe(20);
  });

  it('a comment goes through a modal and is stored as an anonymous comment', async () => {
    const message = h.fake.messagesTo('U0003')[0] as PostedMessage;
    expect(await h.click(message, 'pulse:comment:comment')).toBe(200);
    await eventually(() => h.fake.callsTo('views.open').length === 1);
    const view = h.fake.callsTo('views.open')[0]?.params.view as Record<string, unknown>;
    const result = await h.submitView('U0003', view, 'More focus time, please');
    expect(result.status).toBe(200);
    const comments = await h.app.database.collections.comments.find({}).toArray();
    expect(comments.map((c) => c.text)).toEqual(['More focus time, please']);
    await eventually(() => textOf(h.fake.messagesTo('U0003')[0] as PostedMessage).includes('All done'));
  });

  it('the round closes by itself when its time is up: ledger purged, prompts say it closed', async () => {
    const [round] = await h.app.deps.store.rounds.openRounds();
    expect(round).toBeDefined();
    staleBeforeClose = structuredClone(h.fake.messagesTo('U0020')[0]);
    h.clock.set(h.clock.now().plus({ days: 8 }));
    h.app.delivery.kick();
    await eventually(async () => (await h.app.deps.store.rounds.get(round?._id ?? ''))?.state === 'closed', 15_000);
    await h.app.delivery.idle();
    expect(await h.app.database.collections.participation.countDocuments({})).toBe(0);
    const unanswered = h.fake.messagesTo('UADMIN')[0] as PostedMessage;
    expect(textOf(unanswered)).toContain('This survey has closed. Thank you!');
    expect(actionIds(unanswered)).toEqual([]);
  });

  it('results are shown to an admin once the round has closed', async () => {
    const reply = await h.results('UADMIN', '');
    expect(reply.text).toContain('Whole organisation');
    expect(reply.text).toContain('20 of 22 answered');
    expect(reply.text).toMatch(/eNPS [−+]?\d+/);
    const employee = await h.results('U0001', '');
    expect(employee.text).toBe('Results are for leaders, HR and admins.');
  });

  it('a click on a closed round says so (from a copy of the prompt taken before it closed)', async () => {
    const message = staleBeforeClose as PostedMessage;
    const before = h.fake.callsTo('chat.postEphemeral').length;
    expect(await h.click(message, 'pulse:comment:comment')).toBe(200);
    const view = h.fake.callsTo('views.open').at(-1)?.params.view as Record<string, unknown>;
    await h.submitView('U0020', view, 'too late');
    await eventually(() => h.fake.callsTo('chat.postEphemeral').length > before);
    expect(String(h.fake.callsTo('chat.postEphemeral').at(-1)?.params.text)).toBe('This survey has closed. Thank you!');
    expect(await h.app.database.collections.comments.countDocuments({ text: 'too late' })).toBe(0);
  });
});
