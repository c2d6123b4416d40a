import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMPT_EVENT_TYPE } from '../../adapters/slack/action-value.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { postSigned } from '../fakes/slack-signing.js';
import { eventually, SIGNING_SECRET, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

const APP = 'A0PULSEBOT';

/** Slack's `message_metadata_posted` envelope for a posted prompt, as the Events API sends it. */
function report(message: PostedMessage, appId = APP): string {
  return JSON.stringify({
    token: 'verification-token',
    team_id: 'T1',
    api_app_id: APP,
    event: {
      type: 'message_metadata_posted',
      app_id: appId,
      bot_id: 'B1',
      user_id: 'UBOT',
      team_id: 'T1',
      channel_id: message.channel,
      metadata: message.metadata,
      message_ts: message.ts,
      event_ts: message.ts,
    },
    type: 'event_callback',
    event_id: `Ev${message.ts.replace('.', '')}`,
    event_time: Math.floor(Number(message.ts)),
  });
}

describe('Slack: reports of posted prompts are recorded before they are answered', () => {
  let h: SlackHarness;
  let prompt: PostedMessage;
  let deliveryId: string;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(3) });
    await h.command('UADMIN', '/pulse', 'send-now');
    await eventually(() => h.fake.messages.length === 5);
    await h.app.delivery.idle();
    prompt = h.fake.messagesTo('U0001')[0] as PostedMessage;
    expect((prompt.metadata as { event_type?: string }).event_type).toBe(PROMPT_EVENT_TYPE);
    deliveryId = String((prompt.metadata as { event_payload: { delivery_id: string } }).event_payload.delivery_id);
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  // As if the sender posted the prompt and died before recording it.
  const unrecorded = () =>
    h.app.database.collections.deliveries.updateOne({ _id: deliveryId }, { $set: { state: 'claimed', messageId: null, messageChannel: null } });
  const delivery = () => h.app.database.collections.deliveries.findOne({ _id: deliveryId });
  const send = (body: string, signingSecret = SIGNING_SECRET) => postSigned(h.base, body, { signingSecret, contentType: 'application/json' });

  it('by the time Slack gets its 200, the prompt is recorded as sent', async () => {
    await unrecorded();
    const answer = await send(report(prompt));
    expect(answer.status).toBe(200);
    // Read at once, not polled: a process killed right after answering must not lose it.
    expect(await delivery()).toMatchObject({ state: 'sent', messageId: prompt.ts, messageChannel: prompt.channel });
  });

  it('a report with a forged signature is refused and records nothing', async () => {
    await unrecorded();
    expect((await send(report(prompt), 'not-the-signing-secret')).status).toBe(401);
    expect(await delivery()).toMatchObject({ state: 'claimed', messageId: null });
  });

  it('an unsigned report dressed as a form-encoded ssl_check is refused and records nothing', async () => {
    await unrecorded();
    // Bolt skips the signature for a form body that parses to ssl_check=1; a JSON report can
    // carry `&ssl_check=1&` in a string and parse as one.
    const smuggled = JSON.stringify({ x: '&ssl_check=1&', ...(JSON.parse(report(prompt)) as object) });
    const response = await fetch(h.base, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: smuggled });
    expect(response.status).not.toBe(500);
    await h.app.delivery.idle();
    expect(await delivery()).toMatchObject({ state: 'claimed', messageId: null });
  });

  it("another app's report is answered and ignored", async () => {
    await unrecorded();
    expect((await send(report(prompt, 'A0SOMEONEELSE'))).status).toBe(200);
    expect(await delivery()).toMatchObject({ state: 'claimed', messageId: null });
  });

  it('every other event still goes through Bolt as before', async () => {
    const challenge = await send(JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' }));
    expect(challenge.status).toBe(200);
    expect(challenge.body).toContain('c-123');
  });
});
