import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

describe('Slack: a 429 storm during a fan-out', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(30) });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('honours Retry-After: everyone gets exactly one prompt, nothing lost or doubled', async () => {
    h.fake.failNext('chat.postMessage', 12, 1);
    await h.command('UADMIN', '/pulse', 'send-now');
    await eventually(() => h.fake.messages.length === 32, 20_000);
    await h.app.delivery.idle();
    const perUser = new Map<string, number>();
    for (const m of h.fake.messages) perUser.set(m.user ?? '', (perUser.get(m.user ?? '') ?? 0) + 1);
    expect(perUser.size).toBe(32);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.rateLimited)).toHaveLength(12);
    const states = await h.app.database.collections.deliveries.distinct('state');
    expect(states).toEqual(['sent']);
  }, 30_000);
});
