import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostedActivity } from '../fakes/bot-connector.js';
import { ADMIN, HR, startTeamsHarness, TEAM_ID, teamsPeople, type TeamsHarness, type TeamsPerson } from '../fakes/teams-harness.js';
import { eventually } from '../support/slack-harness.js';

type Item = { type: string; id?: string; value?: string; actions?: { type: string; title: string; verb: string; data: Record<string, unknown> }[] };
type Card = { body: { id?: string; items?: Item[] }[] };

const COMMENT = 'Call me on +47 912 34 567 about the 2026-03-14 incident';

describe('Teams: the comment input warns before an identifying comment is sent (issue #15)', () => {
  const people = teamsPeople(5);
  let h: TeamsHarness;
  const logged: string[] = [];

  const promptOf = (person: TeamsPerson): PostedActivity => {
    const prompt = h.posted(person).find((a) => a.activity.attachments);
    if (!prompt) throw new Error(`no prompt for ${person.id}`);
    return prompt;
  };
  const cardOf = (a: PostedActivity): Card => ((a.activity.attachments ?? []) as { content: Card }[])[0]!.content;
  const commentBox = (card: Card) => card.body.find((e) => e.id === 'q-comment');
  const comments = async () => (await h.app.database.collections.comments.find({}).toArray()).map((c) => c.text);

  /** Sends the comment from `person`'s prompt card; `choice` is one of the warning's buttons. */
  async function send(person: TeamsPerson, text: string, data?: Record<string, unknown>) {
    const base = data ?? commentBox(cardOf(promptOf(person)))?.items?.find((i) => i.type === 'ActionSet')?.actions?.[0]?.data;
    if (!base) throw new Error('no comment action on the card');
    const reply = await h.execute(person, 'pulse.answer', { ...base, 'a-comment': text }, promptOf(person).id);
    expect(reply.status).toBe(200);
    return (reply.body as { value: Card }).value;
  }

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    h = await startTeamsHarness({ roster: [...people, ADMIN, HR], logger: pino({ level: 'trace' }, sink) });
    expect((await h.installInTeam(TEAM_ID, 'Sales Team')).status).toBe(200);
    expect((await h.say(ADMIN, 'send-now')).status).toBe(200);
    await eventually(() => h.fake.activities.filter((a) => a.activity.attachments).length === 7, 15_000);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('answers a comment with a phone number and a date with the warning card, the text kept, and stores nothing', async () => {
    const card = await send(people[0]!, COMMENT);
    const box = commentBox(card);
    const shown = JSON.stringify(box);
    expect(shown).toContain('Your comment may identify you');
    expect(shown).toContain('Phone numbers: “+47 912 34 567”');
    expect(shown).toContain('Exact dates: “2026-03-14”');
    expect(box?.items?.find((i) => i.type === 'Input.Text')?.value).toBe(COMMENT);
    const titles = box?.items?.find((i) => i.type === 'ActionSet')?.actions?.map((a) => a.title);
    expect(titles).toEqual(['Remove them and send', 'Send as written']);
    expect(await comments()).toEqual([]);
  });

  it('"Remove them and send" stores the cleaned comment', async () => {
    const warned = await send(people[1]!, COMMENT);
    const clean = commentBox(warned)?.items?.find((i) => i.type === 'ActionSet')?.actions?.[0]?.data;
    await send(people[1]!, COMMENT, clean);
    expect(await comments()).toEqual(['Call me on [removed] about the [removed] incident']);
  });

  it('"Send as written" stores the comment as written', async () => {
    const warned = await send(people[2]!, COMMENT);
    const asWritten = commentBox(warned)?.items?.find((i) => i.type === 'ActionSet')?.actions?.[1]?.data;
    await send(people[2]!, COMMENT, asWritten);
    expect(await comments()).toContain(COMMENT);
  });

  it('a comment with nothing identifying is stored at once', async () => {
    const card = await send(people[3]!, 'More focus time, please');
    expect(JSON.stringify(card)).not.toContain('Your comment may identify you');
    expect(await comments()).toContain('More focus time, please');
  });

  it('someone holding another person\'s card gets no warning card and no redraw: only "not sent to you"', async () => {
    const victim = commentBox(cardOf(promptOf(people[4]!)))?.items?.find((i) => i.type === 'ActionSet')?.actions?.[0]?.data;
    const reply = await h.execute(people[0]!, 'pulse.answer', { ...victim, 'a-comment': COMMENT }, promptOf(people[0]!).id);
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.body)).not.toContain('Your comment may identify you');
    expect(JSON.stringify(reply.body)).toContain('This survey was not sent to you');
    expect(await comments()).not.toContain(COMMENT.replace(/\+47 912 34 567/, '[removed]'));
  });

  it('logs neither the comment nor what the check found', () => {
    expect(logged.length).toBeGreaterThan(0);
    const all = logged.join('\n');
    expect(all).not.toContain('912 34 567');
    expect(all).not.toContain('2026-03-14');
    expect(all).not.toContain('focus time');
  });
});
