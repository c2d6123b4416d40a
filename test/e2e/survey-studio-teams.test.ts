import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/pulse/index.js';
import type { PostedActivity } from '../fakes/bot-connector.js';
import { ADMIN, startTeamsHarness, TEAM_ID, teamsPeople, type TeamsHarness, type TeamsPerson } from '../fakes/teams-harness.js';
import { eventually } from '../support/slack-harness.js';

/**
 * Issue #17 on Teams: a survey HR wrote, with its own agreement, choice, yes/no and text
 * questions, reaches each person as an Adaptive Card in their own language at 09:30 their time,
 * and every answer is recorded once.
 */

const LOCALES = ['en-GB', 'nb-NO', 'sv-SE'] as const;
const people = teamsPeople(6, (i) => ({ locale: LOCALES[i % 3] }));
const ROUND = 'desk-check:2027-01-06';

const DESK_CHECK = {
  id: 'desk-check',
  name: 'Desk check',
  defaultLocale: 'en',
  trigger: { type: 'once', date: '2027-01-06', time: '09:30' },
  questions: [
    {
      id: 'chair',
      type: 'agreement',
      text: { en: 'My chair is comfortable.', nb: 'Stolen min er komfortabel.', sv: 'Min stol är bekväm.' },
    },
    {
      id: 'screen',
      type: 'choice',
      text: { en: 'Which screen do you use?', nb: 'Hvilken skjerm bruker du?' },
      options: [
        { id: 'laptop', text: { en: 'The laptop’s own', nb: 'Den på PC-en' } },
        { id: 'monitor', text: { en: 'A monitor', nb: 'En ekstern skjerm', sv: 'En extern skärm' } },
      ],
    },
    {
      id: 'standing_desk',
      type: 'yesno',
      text: { en: 'Do you have a standing desk?', nb: 'Har du hev-senk-pult?', sv: 'Har du höj- och sänkbart skrivbord?' },
    },
    { id: 'wish', type: 'text', text: { en: 'What would you change?', nb: 'Hva ville du endret?' } },
  ],
};

const cardText = (a: PostedActivity | undefined) => JSON.stringify(a?.activity.attachments ?? []);
const cardOf = (h: TeamsHarness, person: TeamsPerson) => h.posted(person).find((a) => a.activity.attachments && cardText(a).includes('desk-check'));

/** The Action.Execute data of each question of a card, by question id. */
function actionsOf(activity: PostedActivity): Map<string, Record<string, unknown>> {
  const card = (activity.activity.attachments as { content: { body: { items?: { actions?: { type: string; data: Record<string, unknown> }[] }[] }[] } }[])[0]
    ?.content;
  const actions = (card?.body ?? [])
    .flatMap((b) => b.items ?? [])
    .flatMap((i) => i.actions ?? [])
    .filter((a) => a.type === 'Action.Execute');
  return new Map(actions.map((a) => [String(a.data.q), a.data]));
}

describe('surveys HR writes, answered in Teams', () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    // Tuesday 2027-01-05, the day before the survey.
    h = await startTeamsHarness({ roster: [...people, ADMIN], now: '2027-01-05T12:00:00Z' });
    expect((await h.installInTeam(TEAM_ID, 'Everyone')).status).toBe(200);
    // Each person has opened the chat once, so their language is known from Teams.
    for (const person of people) expect((await h.installPersonal(person)).status).toBe(200);
    await h.app.pulse.surveys.create(operator('cli', 'test'), DESK_CHECK);
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('each person gets the card at 09:30 their time, in their language, titled with the survey’s name', async () => {
    h.clock.set(h.clock.now().set({ day: 6, hour: 0 }));
    await h.app.pulse.jobs.tick();
    expect(cardOf(h, people[0]!)).toBeUndefined();
    h.clock.set(h.clock.now().set({ hour: 9, minute: 0 })); // 10:00 in Oslo, 04:00 in New York
    await h.app.pulse.jobs.tick();
    await eventually(() => cardOf(h, people[0]!) !== undefined);
    expect(cardOf(h, people[1]!)).toBeUndefined();
    h.clock.set(h.clock.now().set({ hour: 15 }));
    await h.app.pulse.jobs.tick();
    await eventually(() => people.every((p) => cardOf(h, p) !== undefined));

    const english = cardText(cardOf(h, people[0]!));
    expect(english).toContain('Desk check');
    expect(english).toContain('My chair is comfortable.');
    expect(english).toContain('A monitor');
    expect(english).toContain('Do you have a standing desk?');
    const norwegian = cardText(cardOf(h, people[1]!));
    expect(norwegian).toContain('Stolen min er komfortabel.');
    expect(norwegian).toContain('En ekstern skjerm');
    expect(norwegian).toContain('"title":"Ja"');
    // Swedish where HR wrote it, else the survey's default language.
    const swedish = cardText(cardOf(h, people[2]!));
    expect(swedish).toContain('Min stol är bekväm.');
    expect(swedish).toContain('Which screen do you use?');
    expect(swedish).toContain('"title":"Nej"');
  });

  it('answers to every question type are recorded once, and the card shows them answered', async () => {
    for (const [i, person] of people.entries()) {
      const prompt = cardOf(h, person)!;
      const actions = actionsOf(prompt);
      const answers: Record<string, string> = { chair: String(1 + (i % 5)), screen: i % 2 === 0 ? 'monitor' : 'laptop', standing_desk: i < 4 ? 'yes' : 'no' };
      for (const [q, value] of Object.entries(answers)) {
        expect((await h.execute(person, 'pulse.answer', { ...actions.get(q), [`a-${q}`]: value }, prompt.id)).status).toBe(200);
      }
      if (i === 1) {
        // The card the Action.Execute answers with shows the answered questions as answered, in Norwegian.
        const last = await h.execute(person, 'pulse.answer', { ...actions.get('standing_desk'), 'a-standing_desk': 'yes' }, prompt.id);
        expect(JSON.stringify(last.body)).toContain('Besvart');
        // Only the text question is still open: its input is the one input left on the card.
        expect(JSON.stringify(last.body).match(/"type":"Input\.[A-Za-z]+"/g)).toEqual(['"type":"Input.Text"']);
      }
      if (i === 0) {
        expect((await h.execute(person, 'pulse.answer', { ...actions.get('wish'), 'a-wish': 'A second screen' }, prompt.id)).status).toBe(200);
        // The same answer again (a double click) changes nothing.
        expect((await h.execute(person, 'pulse.answer', { ...actions.get('screen'), 'a-screen': 'laptop' }, prompt.id)).status).toBe(200);
      }
    }
    const count = (questionId: string) => h.app.database.collections.responses.countDocuments({ roundId: ROUND, questionId });
    await eventually(async () => (await count('standing_desk')) === 6);
    expect([await count('chair'), await count('screen')]).toEqual([6, 6]);
    expect(await h.app.database.collections.responses.countDocuments({ roundId: ROUND, questionId: 'screen', value: 'monitor' })).toBe(3);
    expect(await h.app.database.collections.comments.countDocuments({ roundId: ROUND, questionId: 'wish' })).toBe(1);
  });

  it('an empty text answer is refused and nothing is stored', async () => {
    const person = people[5]!;
    const prompt = cardOf(h, person)!;
    const before = await h.app.database.collections.responses.countDocuments({ roundId: ROUND });
    await h.execute(person, 'pulse.answer', { ...actionsOf(prompt).get('wish'), 'a-wish': '' }, prompt.id);
    expect(await h.app.database.collections.responses.countDocuments({ roundId: ROUND })).toBe(before);
    expect(await h.app.database.collections.comments.countDocuments({ roundId: ROUND })).toBe(1);
  });
});
