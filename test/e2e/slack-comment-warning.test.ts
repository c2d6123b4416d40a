import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostedMessage } from '../fakes/slack-api.js';
import { interactionBody, postSigned } from '../fakes/slack-signing.js';
import { eventually, SIGNING_SECRET, startSlackHarness, TEAM, users, type SlackHarness } from '../support/slack-harness.js';

type View = Record<string, unknown> & { blocks?: { type: string; block_id?: string; text?: { text?: string }; element?: { initial_value?: string } }[] };

const COMMENT = 'Ask kari.nordmann@example.com, she saw it on 14 March';

describe('Slack: the comment modal warns before an identifying comment is sent (issue #15)', () => {
  let h: SlackHarness;
  const logged: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    // The directory's display names (from users.list) are what the names check looks for.
    const names = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov', 'Ken Thompson'];
    h = await startSlackHarness({ people: users(6, (i) => ({ real_name: names[i] ?? '' })), logger: pino({ level: 'trace' }, sink) });
    const reply = await h.command('UADMIN', '/pulse', 'send-now');
    expect(reply.status).toBe(200);
    await eventually(() => h.fake.messages.length === 8);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  /** Opens the comment modal from `userId`'s prompt and returns the view Slack would show. */
  async function openModal(userId: string): Promise<View> {
    const before = h.fake.callsTo('views.open').length;
    expect(await h.click(h.fake.messagesTo(userId)[0] as PostedMessage, 'pulse:comment:comment')).toBe(200);
    await eventually(() => h.fake.callsTo('views.open').length > before);
    return h.fake.callsTo('views.open').at(-1)?.params.view as View;
  }

  /** Submits `view` with the comment `text` and, when given, the privacy choice. */
  async function submit(userId: string, view: View, text: string, choice?: string) {
    const values: Record<string, unknown> = { comment: { text: { type: 'plain_text_input', value: text } } };
    if (choice !== undefined) values.privacy = { choice: { type: 'radio_buttons', selected_option: { value: choice } } };
    const payload = {
      type: 'view_submission',
      user: { id: userId, username: userId, team_id: TEAM },
      team: { id: TEAM, domain: 'test' },
      api_app_id: 'A0APP',
      token: 'verification-token',
      trigger_id: 'trigger-view',
      view: { ...view, id: 'V1', state: { values } },
    };
    return postSigned(h.base, interactionBody(payload), { signingSecret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' });
  }

  const comments = async () => (await h.app.database.collections.comments.find({}).toArray()).map((c) => c.text);

  it('answers a comment with an e-mail and a date with the warning, keeps the text, and stores nothing', async () => {
    const view = await openModal('U0001');
    const result = await submit('U0001', view, COMMENT);
    expect(result.status).toBe(200);
    const reply = JSON.parse(result.body) as { response_action?: string; view?: View };
    expect(reply.response_action).toBe('update');
    const shown = JSON.stringify(reply.view?.blocks);
    expect(shown).toContain('Your comment may identify you');
    expect(shown).toContain('E-mail addresses: “kari.nordmann@example.com”');
    expect(shown).toContain('Exact dates: “14 March”');
    expect(shown).toContain('Remove them and send');
    expect(shown).toContain('Send as written');
    expect(reply.view?.blocks?.find((b) => b.block_id === 'comment')?.element?.initial_value).toBe(COMMENT);
    expect(await comments()).toEqual([]);
  });

  it('"Remove them and send" stores the cleaned comment', async () => {
    const view = await openModal('U0002');
    const warned = JSON.parse((await submit('U0002', view, COMMENT)).body) as { view: View };
    const result = await submit('U0002', warned.view, COMMENT, 'clean');
    expect(result.status).toBe(200);
    expect(await comments()).toEqual(['Ask [removed], she saw it on [removed]']);
  });

  it('"Send as written" stores the comment as written', async () => {
    const view = await openModal('U0003');
    const warned = JSON.parse((await submit('U0003', view, COMMENT)).body) as { view: View };
    const result = await submit('U0003', warned.view, COMMENT, 'as-written');
    expect(result.status).toBe(200);
    expect(await comments()).toContain(COMMENT);
  });

  it('a comment with nothing identifying is sent at once, with no warning', async () => {
    const view = await openModal('U0004');
    const result = await submit('U0004', view, 'More focus time, please');
    expect(result.status).toBe(200);
    expect(result.body).not.toContain('response_action');
    expect(await comments()).toContain('More focus time, please');
  });

  it('names a colleague from the directory: warned, and the name is removed on request', async () => {
    const text = 'Grace and I think the stand-ups run long';
    const view = await openModal('U0005');
    const warned = JSON.parse((await submit('U0005', view, text)).body) as { response_action?: string; view: View };
    expect(warned.response_action).toBe('update');
    expect(JSON.stringify(warned.view.blocks)).toContain('“Grace”');
    expect(await comments()).not.toContain(text);
    expect((await submit('U0005', warned.view, text, 'clean')).status).toBe(200);
    expect(await comments()).toContain('[removed] and I think the stand-ups run long');
    // The names are held in memory only: nothing in the database has them.
    const people = JSON.stringify(await h.app.database.collections.people.find({}).toArray());
    expect(people).not.toContain('Grace Hopper');
  });

  it('logs neither the comment nor what the check found', () => {
    expect(logged.length).toBeGreaterThan(0);
    const all = logged.join('\n');
    expect(all).not.toContain('kari.nordmann');
    expect(all).not.toContain('14 March');
    expect(all).not.toContain('focus time');
    expect(all).not.toContain('Grace');
  });
});
