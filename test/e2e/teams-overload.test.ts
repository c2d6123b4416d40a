import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/domain/i18n/translate.js';
import type { PostedActivity } from '../fakes/bot-connector.js';
import { ADMIN, startTeamsHarness, TEAM_ID, teamsPeople, type TeamsHarness, type TeamsPerson } from '../fakes/teams-harness.js';
import { eventually } from '../support/slack-harness.js';

/*
 * Teams' door (issue #21): under overload an answer click is answered at once with "try again in
 * a minute" in the person's own language, before teams-ai and the answer path spend anything on
 * it, and nothing is stored. Here the door is always full, so every answer click is shed; the
 * request is still authenticated first, and other activities (a command) go through.
 */
type Card = { body: Record<string, unknown>[] };

function answerData(prompt: PostedActivity): Record<string, unknown> {
  const card = ((prompt.activity.attachments ?? []) as { content: Card }[])[0]?.content;
  for (const element of card?.body ?? [])
    for (const item of (element.items ?? []) as { actions?: { type: string; data: Record<string, unknown> }[] }[])
      for (const action of item.actions ?? []) if (action.type === 'Action.Execute' && action.data.q === 'enps') return action.data;
  throw new Error('no eNPS action in the card');
}

describe('Teams: at the door, an answer click is answered at once when the bot has too much in hand', () => {
  const people = teamsPeople(3, (i) => (i === 1 ? { locale: 'nb-NO' } : {}));
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness({
      roster: [...people, ADMIN],
      app: { timings: { teamsDoor: { maxInFlight: 0, maxLagMs: 60_000, maxAgeMs: 60_000 } } },
    });
    expect((await h.installInTeam(TEAM_ID, 'Sales Team')).status).toBe(200);
    expect((await h.say(ADMIN, 'send-now')).status).toBe(200);
    await eventually(() => h.fake.activities.filter((a) => a.activity.attachments).length === 4, 15_000);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('answers the click 200 with the busy message in the person’s language, stores nothing and leaves the card as it was', async () => {
    for (const [i, person] of people.slice(0, 2).entries()) {
      const prompt = h.posted(person).find((a) => a.activity.attachments) as PostedActivity;
      const reply = await h.execute(person, 'pulse.answer', { ...answerData(prompt), 'a-enps': '9' }, prompt.activity.id as string);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t(i === 1 ? 'nb' : 'en', 'answer.busy') });
    }
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(0);
    expect(await h.app.database.collections.participation.countDocuments({})).toBe(0);
    expect(h.fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    expect((await h.app.metrics.render()).body).toContain('pulsebot_answers_shed_total{platform="teams"} 2');
  });

  it('still refuses a click without a valid token, and still answers a command', async () => {
    const person = people[2] as TeamsPerson;
    const prompt = h.posted(person).find((a) => a.activity.attachments) as PostedActivity;
    const forged = await h.post(
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: h.fake.serviceUrl,
        from: { id: person.id, aadObjectId: person.aadObjectId },
        recipient: { id: h.botId },
        conversation: { id: 'x', tenantId: '11111111-2222-3333-4444-555555555555' },
        value: { action: { type: 'Action.Execute', verb: 'pulse.answer', data: { ...answerData(prompt), 'a-enps': '9' } } },
      },
      'Bearer not-a-token',
    );
    expect(forged.status).toBe(401);
    const before = h.fake.activities.length;
    expect((await h.say(person, 'help')).status).toBe(200);
    await eventually(() => h.fake.activities.length > before);
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(0);
  });
});
