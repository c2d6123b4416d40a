import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionBody, postSigned, slashCommandBody } from '../fakes/slack-signing.js';
import { SIGNING_SECRET, TEAM, eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

describe('Slack: signatures, malformed payloads and retried events', () => {
  let h: SlackHarness;
  const exitBody = () => slashCommandBody({ command: '/exit-survey', text: '<@U0001|person1>', user_id: 'UHR', team_id: TEAM });
  const exitRequests = () => h.app.database.collections.eventRequests.countDocuments({});

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(3) });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('a forged signature gets 401 and nothing is written', async () => {
    const result = await postSigned(h.base, exitBody(), { signingSecret: 'not-the-secret', contentType: 'application/x-www-form-urlencoded' });
    expect(result.status).toBe(401);
    expect(await exitRequests()).toBe(0);
  });

  it('a stale signature (older than 5 minutes) gets 401 and nothing is written', async () => {
    const sixMinutesAgo = Math.floor(performance.timeOrigin / 1000 + performance.now() / 1000) - 6 * 60;
    const result = await postSigned(h.base, exitBody(), {
      signingSecret: SIGNING_SECRET,
      contentType: 'application/x-www-form-urlencoded',
      timestampSeconds: sixMinutesAgo,
    });
    expect(result.status).toBe(401);
    expect(await exitRequests()).toBe(0);
  });

  it('a missing signature gets 401', async () => {
    const response = await fetch(h.base, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: exitBody() });
    expect(response.status).toBe(401);
  });

  it('malformed payloads are refused or ignored, never a crash', async () => {
    const garbage = await postSigned(h.base, 'payload=%7Bnot-json', { signingSecret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' });
    expect(garbage.status).toBeLessThan(500);
    const forgedValue = interactionBody({
      type: 'block_actions',
      user: { id: 'U0001', team_id: TEAM },
      team: { id: TEAM },
      container: { channel_id: 'DU0001', message_ts: '1.1' },
      actions: [{ type: 'button', action_id: 'pulse:answer:enps:9', value: '{"r":{"$gt":""},"t":"x","q":"enps","v":9}' }],
    });
    const forged = await postSigned(h.base, forgedValue, { signingSecret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' });
    expect(forged.status).toBe(200);
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(0);
    const health = await fetch(h.base.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
  });

  it("a path under /slack that is not Slack's gets 404 at once, and the bot keeps serving", async () => {
    for (const [method, path] of [
      ['GET', '/slack/nope'],
      ['POST', '/slack/nope'],
      ['GET', '/slack/events'],
      ['GET', '/slack/install'],
    ] as const) {
      const response = await fetch(h.base.replace('/slack/events', path), { method, signal: AbortSignal.timeout(3_000) });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
    }
    const health = await fetch(h.base.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
  });

  it('an event Slack retries is processed once', async () => {
    const event = { type: 'app_home_opened', user: 'U0002', channel: 'DU0002', tab: 'home', event_ts: '1.2' };
    expect(await h.event(event, { eventId: 'Ev0001' })).toBe(200);
    await eventually(() => h.fake.callsTo('views.publish').length === 1);
    expect(await h.event(event, { eventId: 'Ev0001', retryNum: 1 })).toBe(200);
    expect(await h.event(event, { eventId: 'Ev0001', retryNum: 2 })).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.callsTo('views.publish')).toHaveLength(1);
  });

  it('team_join and user_change keep the directory current', async () => {
    const newcomer = { id: 'U0NEW', tz: 'Asia/Kolkata', locale: 'sv-SE', profile: { email: 'New.Person@Example.com' } };
    expect(await h.event({ type: 'team_join', user: newcomer, event_ts: '2.1' }, { eventId: 'EvJoin' })).toBe(200);
    await eventually(async () => (await h.app.database.collections.people.countDocuments({ userId: 'U0NEW' })) === 1);
    const joined = await h.app.database.collections.people.findOne({ userId: 'U0NEW' });
    expect(joined).toMatchObject({ timezone: 'Asia/Kolkata', locale: 'sv', email: 'new.person@example.com', active: true });
    await h.event({ type: 'user_change', user: { ...newcomer, deleted: true }, event_ts: '2.2' }, { eventId: 'EvGone' });
    await eventually(async () => (await h.app.database.collections.people.findOne({ userId: 'U0NEW' }))?.active === false);
  });

  it('/pulse status is for admins and shows open rounds and the next one', async () => {
    expect((await h.command('U0001', '/pulse', 'status')).text).toBe('Sorry, only admins can do that.');
    const status = await h.command('UADMIN', '/pulse', 'status');
    expect(status.text).toContain('No rounds are open.');
    expect(status.text).toMatch(/Next round of Pulse: 2026-11-30/);
    expect((await h.command('UADMIN', '/pulse', 'frobnicate')).text).toBe('I do not know that command. Try `/pulse help`.');
    expect((await h.command('U0001', '/pulse', '')).text).toMatch(/^pulsebot runs short anonymous surveys/);
  });
});
