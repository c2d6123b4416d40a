import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/**
 * The dashboard's live-update feed (server-sent events) tells each viewer only about changes to
 * what their own view shows. A leader must not learn, from the timing of an event, when someone
 * who left answered their exit survey.
 */
let h: SlackHarness;
let origin: string;

beforeAll(async () => {
  h = await startSlackHarness({
    people: users(6),
    groups: [{ id: 'S1', handle: 'sales', name: 'Sales', users: ['U0001', 'U0002', 'U0003', 'U0004', 'U0005', 'U0006'] }],
    now: '2026-11-22T12:00:00Z',
    env: { PULSE_WEB: '1', PULSE_PUBLIC_URL: 'https://pulse.example.com' },
  });
  origin = new URL(h.base).origin;
}, 120_000);

afterAll(async () => {
  await h?.dispose();
});

async function signedIn(userId: string): Promise<string> {
  const reply = await h.command(userId, '/pulse', 'dashboard');
  const token = /https:\/\/pulse\.example\.com\/dashboard\?t=(\S+)/.exec(reply.text)?.[1];
  if (!token) throw new Error(`no link in: ${reply.text}`);
  const response = await fetch(`${origin}/dashboard?t=${token}`, { redirect: 'manual' });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`no session for ${userId}: ${response.status}`);
  return cookie;
}

/** Opens the feed and keeps everything it says; `ready` once the server knows the view (or 1.5 s). */
async function listen(cookie: string): Promise<{ text: () => string; close: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${origin}/dashboard/events`, { headers: { cookie }, signal: controller.signal });
  expect(response.status).toBe(200);
  let text = '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
    }
  })();
  const started = performance.now();
  await eventually(() => text.includes(': ready') || performance.now() - started > 1_500);
  return { text: () => text, close: () => controller.abort() };
}

const events = (text: string) => text.split('\n').filter((line) => line === 'event: changed').length;

describe('dashboard live feed', () => {
  it('an exit answer arriving tells HR, and tells a leader nothing', async () => {
    await h.app.deps.store.people.setRoles('slack:T0TEST:U0006', ['leader'], ['sales']);
    expect((await h.command('UHR', '/exit-survey', '<@U0003> 2026-11-24')).text).toContain('2026-11-24');
    h.clock.set(h.clock.now().plus({ days: 3 }));
    h.app.delivery.kick();
    const prompt = () => h.fake.messagesTo('U0003').find((m) => JSON.stringify(m.blocks).includes('exit-rate-pay'));
    await eventually(() => prompt() !== undefined);
    await h.app.delivery.idle();

    const leader = await listen(await signedIn('U0006'));
    const hr = await listen(await signedIn('UHR'));
    try {
      const rating = JSON.stringify(prompt()?.blocks).match(/"action_id":"(pulse:[a-z]+:exit-rate-pay[^"]*)"/)?.[1] ?? '';
      expect(rating).not.toBe('');
      expect(await h.click(prompt() as PostedMessage, rating)).toBe(200);
      expect(await h.app.database.collections.responses.countDocuments({ questionId: 'exit-rate-pay' })).toBe(1);

      await eventually(() => events(hr.text()) > 0);
      // The same check looked at the leader's view; give it two more rounds of the 3 s check.
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      expect(events(leader.text())).toBe(0);
    } finally {
      leader.close();
      hr.close();
    }
  });
});
