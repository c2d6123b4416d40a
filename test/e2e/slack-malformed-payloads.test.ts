import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changes, snapshot, type Snapshot } from '../../bench/support/db-snapshot.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventBody, interactionBody, postSigned } from '../fakes/slack-signing.js';
import { SIGNING_SECRET, TEAM, eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/**
 * Correctly signed bodies that Bolt itself cannot read (it throws while routing them, before any
 * pulsebot listener runs): the shapes the hostile bench sends with `null` in place of an id.
 */
function malformedBodies(prompt: PostedMessage): { name: string; body: string; contentType: 'application/json' | 'application/x-www-form-urlencoded' }[] {
  const json = 'application/json' as const;
  const form = 'application/x-www-form-urlencoded' as const;
  const click = (overrides: Record<string, unknown>) =>
    interactionBody({
      type: 'block_actions',
      user: { id: prompt.user, team_id: TEAM },
      team: { id: TEAM },
      api_app_id: 'A0APP',
      token: 'verification-token',
      trigger_id: 'trigger-1',
      container: { type: 'message', message_ts: prompt.ts, channel_id: prompt.channel },
      channel: { id: prompt.channel },
      state: { values: {} },
      actions: [{ type: 'button', action_id: 'pulse:answer:enps:7', block_id: 'q:enps:a', value: '{"r":"x","t":"y","q":"enps","v":7}', action_ts: '1' }],
      ...overrides,
    });
  const envelope = (type: string) => JSON.stringify({ type: 'event_callback', team_id: null, event: { type, user: null } });
  return [
    { name: 'app_home_opened with "user": null', body: eventBody({ type: 'app_home_opened', user: null, tab: 'home' }, { team_id: TEAM }), contentType: json },
    ...['app_home_opened', 'team_join', 'user_change', 'message'].map((type) => ({
      name: `${type} envelope with "team_id": null and "user": null`,
      body: envelope(type),
      contentType: json,
    })),
    {
      name: 'an event with "channel": null',
      body: eventBody({ type: 'message', user: prompt.user, channel: null, text: 'hi' }, { team_id: TEAM }),
      contentType: json,
    },
    { name: '"event": null', body: JSON.stringify({ type: 'event_callback', team_id: TEAM, event: null }), contentType: json },
    {
      name: 'a null authorization',
      body: JSON.stringify({
        type: 'event_callback',
        team_id: TEAM,
        authorizations: [null],
        event: { type: 'app_home_opened', user: prompt.user, tab: 'home' },
      }),
      contentType: json,
    },
    { name: 'an answer click with "user": null', body: click({ user: null, team: null }), contentType: form },
    { name: 'an answer click with "channel": null', body: click({ channel: null }), contentType: form },
    {
      name: 'a view submission with "view": null',
      body: interactionBody({ type: 'view_submission', user: { id: prompt.user, team_id: TEAM }, team: { id: TEAM }, view: null }),
      contentType: form,
    },
  ];
}

describe('Slack: signed payloads Bolt cannot read get 400 and write nothing', () => {
  let h: SlackHarness;
  let prompt: PostedMessage;
  let before: Snapshot;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(3) });
    const started = await h.command('UADMIN', '/pulse', 'send-now');
    expect(started.status).toBe(200);
    await eventually(() => h.fake.messages.length === 5);
    await h.app.delivery.idle();
    prompt = h.fake.messagesTo('U0001')[0] as PostedMessage;
    before = await snapshot(h.app.database.db);
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('each malformed body is answered 400 malformed_payload', async () => {
    for (const { name, body, contentType } of malformedBodies(prompt)) {
      const result = await postSigned(h.base, body, { signingSecret: SIGNING_SECRET, contentType });
      expect({ name, status: result.status, body: result.body }).toEqual({ name, status: 400, body: JSON.stringify({ error: 'malformed_payload' }) });
    }
  });

  it('none of them changed a document, and the bot stays healthy and still takes answers', async () => {
    expect(changes(before, await snapshot(h.app.database.db))).toEqual([]);
    expect((await fetch(h.base.replace('/slack/events', '/healthz'))).status).toBe(200);
    expect(await h.click(prompt, 'pulse:answer:enps:9')).toBe(200);
    expect(await h.app.database.collections.responses.countDocuments({ questionId: 'enps' })).toBe(1);
  });

  it('the same bodies unsigned are still 401, not 400', async () => {
    for (const { body, contentType } of malformedBodies(prompt)) {
      const result = await postSigned(h.base, body, { signingSecret: 'not-the-secret', contentType });
      expect(result.status).toBe(401);
    }
  });
});
