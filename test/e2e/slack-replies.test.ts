import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/services/actors.js';
import { respondToComment } from '../../src/services/conversations/leader-replies.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/** Issue #19 through the real Bolt app: a reply to a comment is read from the author's own prompt message. */
describe('Slack: replies to a comment, from the author’s own prompt', () => {
  let h: SlackHarness;
  const prompt = (user: string) => h.fake.messagesTo(user)[0] as PostedMessage;
  /** The message in the prompt's thread that carries the "Replies" control. */
  const repliesOf = (user: string) => h.fake.messagesTo(user).find((m) => JSON.stringify(m.blocks).includes('pulse:replies:comment')) as PostedMessage;
  const lastView = () => JSON.stringify(h.fake.callsTo('views.open').at(-1)?.params.view);

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(6) });
    const reply = await h.command('UADMIN', '/pulse', 'send-now');
    await eventually(() => h.responses(reply.responseUrlId).length > 0);
    await eventually(() => h.fake.messages.length === 8);
    await h.app.delivery.idle();
    for (const user of users(6)) {
      expect(await h.click(prompt(user.id), 'pulse:comment:comment')).toBe(200);
      await eventually(() => h.fake.callsTo('views.open').length === Number(user.id.slice(1)));
      const view = h.fake.callsTo('views.open').at(-1)?.params.view as Record<string, unknown>;
      expect((await h.submitView(user.id, view, `idea number ${user.id.slice(1)}`)).status).toBe(200);
    }
    const [round] = await h.app.deps.store.rounds.openRounds();
    h.clock.set(h.clock.now().plus({ days: 8 }));
    h.app.delivery.kick();
    await eventually(async () => (await h.app.deps.store.rounds.get(round?._id ?? ''))?.state === 'closed', 15_000);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('a written comment leaves a "Replies" control in the prompt’s thread, which outlives the close', () => {
    expect(JSON.stringify(prompt('U0001').blocks)).toContain('This survey has closed');
    const replies = repliesOf('U0001');
    expect(replies).toBeDefined();
    const posted = h.fake.callsTo('chat.postMessage').find((c) => JSON.stringify(c.params.blocks ?? []).includes('pulse:replies:comment'));
    expect(posted?.params.thread_ts).toBe(prompt('U0001').ts);
    expect(h.fake.messagesTo('UADMIN').some((m) => JSON.stringify(m.blocks).includes('pulse:replies'))).toBe(false);
  });

  it('HR replies; the author opens the thread from their prompt and answers back; another member sees nothing of it', async () => {
    const comment = await h.app.database.collections.comments.findOne({ text: 'idea number 0001' });
    await respondToComment(h.app.deps, operator('cli', 'hr'), comment?._id ?? '', { text: 'Thanks, what would help most?' });

    expect(await h.click(repliesOf('U0001'), 'pulse:replies:comment')).toBe(200);
    await eventually(() => lastView().includes('Thanks, what would help most?'));
    expect(lastView()).toContain('idea number 0001');
    const view = h.fake.callsTo('views.open').at(-1)?.params.view as Record<string, unknown>;
    const answered = await h.submitView('U0001', view, 'Fewer meetings on Fridays.');
    expect(answered.status).toBe(200);
    expect(answered.body).toContain('Fewer meetings on Fridays.');
    expect(answered.body).toContain('the author');
    const stored = await h.app.database.collections.conversations.findOne({ _id: comment?._id ?? '' });
    expect(stored?.messages.at(-1)).toEqual({ kind: 'reply', from: 'author', text: 'Fewer meetings on Fridays.' });

    expect(await h.click(repliesOf('U0002'), 'pulse:replies:comment')).toBe(200);
    await eventually(() => lastView().includes('No replies to your comment yet'));
    expect(lastView()).not.toContain('Thanks, what would help most?');
  });

  it('the neutral notice reaches every invitee of the group, not only the author, once', async () => {
    const notice = (user: string) => h.fake.messagesTo(user).filter((m) => (m.text ?? '').startsWith('Some comments from your team’s last'));
    h.app.delivery.kick();
    await h.app.delivery.idle();
    await eventually(() => users(6).every((u) => notice(u.id).length === 1));
    h.app.delivery.kick();
    await h.app.delivery.idle();
    for (const u of users(6)) expect(notice(u.id)).toHaveLength(1);
    // Exactly those who were invited to the round (here the admin and HR were too), nobody else.
    const invited = new Set(h.fake.messages.filter((m) => JSON.stringify(m.blocks ?? []).includes('pulse:answer:')).map((m) => m.user));
    const noticed = new Set(h.fake.messages.filter((m) => (m.text ?? '').startsWith('Some comments from your team’s last')).map((m) => m.user));
    expect([...noticed].sort()).toEqual([...invited].sort());
  });
});
