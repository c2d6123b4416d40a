import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsIn } from '../support/card-actions.js';
import { operator } from '../../src/services/actors.js';
import { respondToComment } from '../../src/services/conversations/leader-replies.js';
import { demoPersonKey } from '../../src/services/playground/seed-demo.js';
import { startWebHarness, type WebHarness } from '../support/web-harness.js';

/** Issue #19 in the web chat, over its HTTP API: the same replies card as Teams, from the author's own chat. */

type Message = { id: string; card: unknown };

describe('web chat: replies to a comment', () => {
  let harness: WebHarness;
  const KARI = demoPersonKey('kari-hansen');
  const api = async (path: string, body?: unknown) => {
    const response = await fetch(
      `${harness.base}/web/api/${path}`,
      body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const chat = async (person: string) => (await api(`chat?person=${encodeURIComponent(person)}`)).body.messages as Message[];

  beforeAll(async () => {
    harness = await startWebHarness();
  }, 120_000);
  afterAll(async () => {
    await harness?.dispose();
  });

  it('a comment in the chat brings a replies card; after HR replies, only the author reads it there and answers back', async () => {
    const prompt = (await chat(KARI)).find((m) => actionsIn(m.card).some((a) => a.verb === 'pulse.answer' && a.data.q === 'comment'));
    const comment = actionsIn(prompt?.card).find((a) => a.data.q === 'comment');
    const answered = await api('action', {
      person: KARI,
      messageId: prompt?.id,
      verb: 'pulse.answer',
      data: { ...comment?.data, 'a-comment': 'More pairing time, please.' },
    });
    expect(answered.status).toBe(200);
    const entry = (await chat(KARI)).find((m) => actionsIn(m.card).some((a) => a.verb === 'pulse.replies'));
    expect(entry).toBeDefined();
    const open = actionsIn(entry?.card).find((a) => a.verb === 'pulse.replies');

    // The round closes (a week on), then HR replies to Kari's comment.
    expect((await api('fast-forward', { hours: 168 })).status).toBe(200);
    const stored = await harness.app.database.collections.comments.findOne({ text: 'More pairing time, please.' });
    await respondToComment(harness.app.deps, operator('cli', 'hr'), stored?._id ?? '', { ack: 'looking-into-it' });

    const thread = await api('action', { person: KARI, messageId: entry?.id, verb: 'pulse.replies', data: open?.data ?? {} });
    expect(JSON.stringify(thread.body)).toContain('We’re looking into it');
    const send = actionsIn(thread.body).find((a) => a.verb === 'pulse.replies.answer');
    const back = await api('action', { person: KARI, messageId: entry?.id, verb: 'pulse.replies.answer', data: { ...send?.data, reply: 'Thanks!' } });
    expect(JSON.stringify(back.body)).toContain('Thanks!');
    // Someone else holding Kari's card data gets nothing of it: the entry is in Kari's chat only.
    const other = demoPersonKey('ola-nordmann');
    expect((await api('action', { person: other, messageId: entry?.id, verb: 'pulse.replies', data: open?.data ?? {} })).status).toBe(404);
  });
});
