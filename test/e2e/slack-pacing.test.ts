import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

// The size: 1,000 recipients; at 50/s the bound is 20 s (`npm run bench` goes bigger).
const RATE = 50;
const PEOPLE = 1000;

describe('Slack: pacing a fan-out under the workspace limit', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(PEOPLE - 2), env: { SLACK_MESSAGES_PER_SECOND: String(RATE) } });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it(`sends ${PEOPLE} prompts at ${RATE}/s with no 429 and within 10% of ${PEOPLE}/${RATE} s`, async () => {
    h.fake.enforceRate('chat.postMessage', RATE);
    await h.command('UADMIN', '/pulse', 'send-now');
    await eventually(() => h.fake.messages.length === PEOPLE, 60_000);
    const calls = h.fake.callsTo('chat.postMessage');
    expect(h.fake.rejected.get('chat.postMessage') ?? 0).toBe(0);
    expect(calls.filter((c) => c.rateLimited)).toHaveLength(0);
    expect(new Set(h.fake.messages.map((m) => m.user)).size).toBe(PEOPLE);
    const seconds = ((calls.at(-1)?.at ?? 0) - (calls[0]?.at ?? 0)) / 1000;
    const bound = PEOPLE / RATE;
    expect(seconds).toBeGreaterThanOrEqual(bound * 0.9);
    expect(seconds).toBeLessThanOrEqual(bound * 1.1);
  }, 90_000);
});
