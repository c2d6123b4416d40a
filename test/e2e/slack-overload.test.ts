import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/domain/i18n/translate.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';
import { interactionBody, postSigned } from '../fakes/slack-signing.js';

// Under overload the bot answers every click in time: a click the answer path cannot take at once
// is told to try again and nothing of it is stored, rather than left for Slack's 3-second timeout.
// Here the answer path takes nothing, so every click is shed.
describe('Slack: a click the answer path cannot take is answered at once, with nothing stored', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(4), app: { timings: { answerAdmission: { concurrency: 0, maxWaitMs: 0 } } } });
    await h.command('UADMIN', '/pulse', 'send-now');
    await eventually(() => h.fake.messages.length === 6);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('answers 200, tells the person to try again in their language, stores nothing and leaves the prompt as it was', async () => {
    const message = h.fake.messagesTo('U0001')[0] as PostedMessage;
    const before = JSON.stringify(message.blocks);
    expect(await h.click(message, 'pulse:answer:enps:9')).toBe(200);
    await eventually(() => h.fake.callsTo('chat.postEphemeral').length === 1);
    expect(h.fake.callsTo('chat.postEphemeral')[0]?.params).toMatchObject({ user: 'U0001', text: t('en', 'answer.busy') });
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(0);
    expect(await h.app.database.collections.participation.countDocuments({})).toBe(0);
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    expect(message.updates).toBe(0);
    expect(JSON.stringify((h.fake.messagesTo('U0001')[0] as PostedMessage).blocks)).toBe(before);
    const metrics = await h.app.metrics.render();
    expect(metrics.body).toContain('pulsebot_answers_shed_total{platform="slack"} 1');
  });
});

// Under heavier overload the click is shed at the door, before Bolt spends anything on it
// (adapters/slack/overload-gate.ts). Here the door is always full, so every click is shed there;
// commands and Slack's reports still go through, and a forged click is still refused.
describe('Slack: at the door, a click is answered at once when the bot has too much in hand', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(4), app: { timings: { slackDoor: { maxInFlight: 0, maxLagMs: 60_000, maxAgeMs: 60_000 } } } });
    expect((await h.command('UADMIN', '/pulse', 'send-now')).status).toBe(200);
    await eventually(() => h.fake.messages.length === 6);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('answers 200, tells the person through response_url to try again, stores nothing and leaves the prompt as it was', async () => {
    const message = h.fake.messagesTo('U0002')[0] as PostedMessage;
    const before = JSON.stringify(message.blocks);
    expect(await h.click(message, 'pulse:answer:enps:9')).toBe(200);
    await eventually(() => h.fake.callsTo(`response_url:click-${message.ts}`).length === 1);
    expect(h.fake.callsTo(`response_url:click-${message.ts}`)[0]?.params).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: t('en', 'answer.busy'),
    });
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(0);
    expect(await h.app.database.collections.participation.countDocuments({})).toBe(0);
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
    expect(message.updates).toBe(0);
    expect(JSON.stringify((h.fake.messagesTo('U0002')[0] as PostedMessage).blocks)).toBe(before);
    expect((await h.app.metrics.render()).body).toContain('pulsebot_answers_shed_total{platform="slack"} 1');
  });

  it('tells a person whose language is Swedish so in Swedish', async () => {
    const person = await h.app.database.collections.people.findOne({ userId: 'U0003' });
    await h.app.database.collections.people.updateOne({ _id: person?._id ?? '' }, { $set: { locale: 'sv' } });
    const message = h.fake.messagesTo('U0003')[0] as PostedMessage;
    expect(await h.click(message, 'pulse:answer:enps:4')).toBe(200);
    await eventually(() => h.fake.callsTo(`response_url:click-${message.ts}`).length === 1);
    expect(h.fake.callsTo(`response_url:click-${message.ts}`)[0]?.params).toMatchObject({ text: t('sv', 'answer.busy') });
    expect(t('sv', 'answer.busy')).not.toBe(t('en', 'answer.busy'));
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(0);
  });

  it('still refuses a forged click, and still answers commands', async () => {
    const payload = {
      type: 'block_actions',
      user: { id: 'U0003' },
      response_url: h.fake.responseUrl('forged'),
      actions: [{ action_id: 'pulse:answer:enps:0' }],
    };
    const forged = await postSigned(h.base, interactionBody(payload), { signingSecret: 'not-the-secret', contentType: 'application/x-www-form-urlencoded' });
    expect(forged.status).toBe(401);
    expect(h.fake.callsTo('response_url:forged')).toHaveLength(0);
    const help = await h.command('U0003', '/pulse', 'help');
    expect(help.status).toBe(200);
    expect(help.text.length).toBeGreaterThan(0);
  });
});
