import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/pulse/index.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { startTeamsHarness, TEAM_ID, teamsPeople, type TeamsHarness } from '../fakes/teams-harness.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/**
 * A scored question's follow-up (issue #17): asked in place, on the same prompt, only of someone
 * whose answer was at or below its value; its answer is an anonymous comment; and nothing stored
 * says who was asked it (the participation ledger never hears of it).
 */

const SURVEY = {
  id: 'focus-check',
  name: 'Focus check',
  trigger: { type: 'once', date: '2027-01-06', time: '09:00' },
  questions: [
    {
      id: 'focus',
      type: 'agreement',
      text: { en: 'I can focus on my work without interruptions.', nb: 'Jeg kan konsentrere meg om arbeidet uten avbrudd.' },
      followUp: { atOrBelow: 2, text: { en: 'What gets in the way?', nb: 'Hva er det som forstyrrer?' } },
    },
    { id: 'idea', type: 'text', text: { en: 'One thing we should change?', nb: 'Én ting vi bør endre?' } },
  ],
};
const ROUND = 'focus-check:2027-01-06';

describe('follow-up questions on Slack', () => {
  let h: SlackHarness;
  const prompt = (user: string) => h.fake.messagesTo(user).find((m) => JSON.stringify(m.metadata).includes(ROUND)) as PostedMessage;
  const text = (user: string) => JSON.stringify(prompt(user).blocks);

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(6), now: '2027-01-06T12:00:00Z' });
    await h.app.pulse.surveys.create(operator('cli', 'test'), SURVEY);
    await h.app.pulse.surveys.roundNow(operator('cli', 'test'), SURVEY.id);
    await eventually(() => prompt('U0001') !== undefined && prompt('U0002') !== undefined);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('a low answer opens the follow-up under its question; a high one does not', async () => {
    expect(text('U0001')).not.toContain('What gets in the way?');
    expect(await h.click(prompt('U0001'), 'pulse:answer:focus:2')).toBe(200);
    expect(await h.click(prompt('U0002'), 'pulse:answer:focus:5')).toBe(200);
    await eventually(() => text('U0001').includes('What gets in the way?'));
    await eventually(() => text('U0002').includes('q:focus:context') && !text('U0002').includes('pulse:answer:focus'));
    expect(text('U0002')).not.toContain('What gets in the way?');
    const blocks = text('U0001');
    expect(blocks.indexOf('What gets in the way?')).toBeGreaterThan(blocks.indexOf('I can focus on my work'));
    expect(blocks.indexOf('What gets in the way?')).toBeLessThan(blocks.indexOf('One thing we should change?'));
  });

  it('the follow-up is answered in a modal, stored as an anonymous comment, and stays shown, answered, as the prompt goes on', async () => {
    const views = h.fake.callsTo('views.open').length;
    expect(await h.click(prompt('U0001'), 'pulse:comment:focus.followup')).toBe(200);
    await eventually(() => h.fake.callsTo('views.open').length === views + 1);
    const modal = h.fake.callsTo('views.open').at(-1)?.params.view as Record<string, unknown>;
    expect((await h.submitView('U0001', modal, 'Too many meetings')).status).toBe(200);
    await eventually(async () => (await h.app.database.collections.comments.countDocuments({ roundId: ROUND, questionId: 'focus.followup' })) === 1);
    await eventually(() => !text('U0001').includes('pulse:comment:focus.followup'));
    expect(text('U0001')).toContain('What gets in the way?');

    // The other question's modal carries the follow-up's state through, so the prompt keeps it.
    expect(await h.click(prompt('U0001'), 'pulse:comment:idea')).toBe(200);
    await eventually(() => h.fake.callsTo('views.open').length === views + 2);
    const second = h.fake.callsTo('views.open').at(-1)?.params.view as Record<string, unknown>;
    expect((await h.submitView('U0001', second, 'Quiet mornings')).status).toBe(200);
    await eventually(() => text('U0001').includes('All done'));
    expect(text('U0001')).toContain('What gets in the way?');
    expect(text('U0001')).not.toContain('pulse:comment:focus.followup');
  });

  it('nothing stored says who was asked the follow-up: the ledger has entries for the questions only', async () => {
    // U0001 answered focus and idea, U0002 focus: three question entries, none for the follow-up.
    expect(await h.app.database.collections.participation.countDocuments({ roundId: ROUND, scope: 'question' })).toBe(3);
    const stored = await h.app.database.collections.comments.find({ roundId: ROUND }).toArray();
    expect(stored.map((c) => [c.questionId, c.text]).sort()).toEqual([
      ['focus.followup', 'Too many meetings'],
      ['idea', 'Quiet mornings'],
    ]);
    expect(JSON.stringify(stored)).not.toMatch(/U000|slack:/);
  });
});

describe('follow-up questions in Teams', () => {
  let h: TeamsHarness;
  const people = teamsPeople(3, (i) => ({ locale: i === 0 ? 'nb-NO' : 'en-US' }));
  type Card = { body: unknown[]; refresh?: { action: { data: Record<string, unknown> } } };
  const cardOf = (reply: { body: unknown }) => (reply.body as { value?: Card }).value ?? (reply.body as Card);
  const actions = (card: Card) =>
    new Map(
      (JSON.stringify(card).match(/"data":\{[^{}]*"q":"[^"]+"[^{}]*\}/g) ?? []).map((m) => {
        const data = (JSON.parse(`{${m}}`) as { data: Record<string, unknown> }).data;
        return [String(data.q), data];
      }),
    );

  beforeAll(async () => {
    h = await startTeamsHarness({ roster: people, now: '2027-01-06T12:00:00Z' });
    expect((await h.installInTeam(TEAM_ID, 'Everyone')).status).toBe(200);
    for (const person of people) expect((await h.installPersonal(person)).status).toBe(200);
    await h.app.pulse.surveys.create(operator('cli', 'test'), SURVEY);
    await h.app.pulse.surveys.roundNow(operator('cli', 'test'), SURVEY.id);
    await eventually(() => people.every((p) => h.posted(p).some((a) => JSON.stringify(a.activity.attachments ?? []).includes(ROUND))));
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  const promptOf = (i: number) => h.posted(people[i]!).find((a) => JSON.stringify(a.activity.attachments ?? []).includes(ROUND))!;
  const firstCard = (i: number) => (promptOf(i).activity.attachments as { content: Card }[])[0]!.content;

  it('a low answer returns the card with the follow-up in place, in the person’s language; answering it keeps it shown and answered', async () => {
    const person = people[0]!;
    const low = cardOf(await h.execute(person, 'pulse.answer', { ...actions(firstCard(0)).get('focus'), 'a-focus': '1' }, promptOf(0).id));
    expect(JSON.stringify(low)).toContain('Hva er det som forstyrrer?');
    expect(JSON.stringify(low)).toContain('"id":"a-focus.followup"');
    const followUp = actions(low).get('focus.followup');
    expect(followUp).toMatchObject({ f: 'focus' });

    const answered = cardOf(await h.execute(person, 'pulse.answer', { ...followUp, 'a-focus.followup': 'For mange møter' }, promptOf(0).id));
    expect(JSON.stringify(answered)).toContain('Hva er det som forstyrrer?');
    expect(JSON.stringify(answered)).not.toContain('"id":"a-focus.followup"');
    expect(await h.app.database.collections.comments.countDocuments({ roundId: ROUND, questionId: 'focus.followup' })).toBe(1);

    // Opening the card again (its refresh carries the card's own state) shows the same.
    const refreshed = cardOf(await h.execute(person, 'pulse.refresh', answered.refresh?.action.data ?? {}, promptOf(0).id));
    expect(JSON.stringify(refreshed)).toContain('Hva er det som forstyrrer?');
    expect(JSON.stringify(refreshed)).not.toContain('"id":"a-focus.followup"');
  });

  it('a high answer returns the card without it', async () => {
    const high = cardOf(await h.execute(people[1]!, 'pulse.answer', { ...actions(firstCard(1)).get('focus'), 'a-focus': '4' }, promptOf(1).id));
    expect(JSON.stringify(high)).not.toContain('What gets in the way?');
    expect(JSON.stringify(high)).toContain('One thing we should change?');
  });
});
