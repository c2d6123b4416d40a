import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

type Block = { type: string; elements?: { action_id?: string }[] };
const answerIds = (m: PostedMessage) =>
  ((m.blocks ?? []) as Block[])
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []).map((e) => e.action_id ?? '') : []))
    .filter((id) => id.startsWith('pulse:answer:'));

describe('Slack: a burst of clicks on one prompt', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(3) });
    await h.command('UADMIN', '/pulse', 'send-now');
    await eventually(() => h.fake.messages.length === 5);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('every answer is stored and the prompt ends up showing all of them, whatever order the updates ran in', async () => {
    const prompt = structuredClone(h.fake.messagesTo('U0001')[0] as PostedMessage);
    const clicks = [...new Map(answerIds(prompt).map((id) => [id.split(':')[2], id])).values()];
    expect(clicks.length).toBeGreaterThanOrEqual(3);

    // All at once, as a person tapping quickly through the questions (or a slow network delivering them together).
    const statuses = await Promise.all(clicks.map((id) => h.click(prompt, id)));
    expect(statuses.every((s) => s === 200)).toBe(true);

    const current = () => h.fake.messagesTo('U0001')[0] as PostedMessage;
    await eventually(() => answerIds(current()).length === 0, 10_000);
    expect(JSON.stringify(current().blocks).match(/Answered/g)?.length).toBe(clicks.length);
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(clicks.length);
    // Refreshes of one message run one at a time, the last with the latest state: never more than one per click.
    expect(current().updates).toBeLessThanOrEqual(clicks.length);
    expect(current().updates).toBeGreaterThan(0);
  });

  it('is redrawn through the click’s response_url, and with chat.update when Slack refuses that', async () => {
    const prompt = h.fake.messagesTo('U0002')[0] as PostedMessage;
    const [first, second] = [...new Map(answerIds(prompt).map((id) => [id.split(':')[2], id])).values()] as [string, string];
    const calls = (method: string) => h.fake.callsTo(method).length;
    const updates = calls('chat.update');

    expect(await h.click(prompt, first)).toBe(200);
    await eventually(() => prompt.updates === 1);
    expect(calls('chat.update')).toBe(updates);
    expect(h.fake.callsTo(`response_url:click-${prompt.ts}`).at(-1)?.params).toMatchObject({ replace_original: true });

    // An expired or used-up response_url: the redraw still happens, through the Web API.
    h.fake.failNext(`response_url:click-${prompt.ts}`, 1);
    expect(await h.click(prompt, second)).toBe(200);
    await eventually(() => prompt.updates === 2);
    expect(calls('chat.update')).toBe(updates + 1);
    expect(answerIds(prompt).some((id) => id.startsWith(`pulse:answer:${first.split(':')[2]}:`))).toBe(false);
    expect(answerIds(prompt).some((id) => id.startsWith(`pulse:answer:${second.split(':')[2]}:`))).toBe(false);
  });
});
