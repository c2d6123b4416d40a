import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/domain/i18n/translate.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

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
    expect(JSON.stringify((h.fake.messagesTo('U0001')[0] as PostedMessage).blocks)).toBe(before);
    const metrics = await h.app.metrics.render();
    expect(metrics.body).toContain('pulsebot_answers_shed_total{platform="slack"} 1');
  });
});
