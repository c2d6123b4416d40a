import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostedActivity } from '../fakes/bot-connector.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { ADMIN, startTeamsHarness, TEAM_ID, teamsPeople, type TeamsHarness, type TeamsPerson } from '../fakes/teams-harness.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

type Card = { body: Record<string, unknown>[] };
const cardOf = (a: PostedActivity | undefined): Card => ((a?.activity.attachments ?? []) as { content: Card }[])[0]!.content;
function openQuestions(card: Card): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const element of card.body) {
    const items = (element.items ?? []) as { actions?: { type: string; data: Record<string, unknown> }[] }[];
    for (const item of items) for (const action of item.actions ?? []) if (action.type === 'Action.Execute') found.set(String(action.data.q), action.data);
  }
  return found;
}

// The attacker holds another person's prompt message (a compliance export, a backup, a shared
// screen) and replays its buttons as themselves: to learn from the reply which value that person
// gave, or to take their answer slot. Every surface checks the token's tag against the person
// clicking; and a second click is answered the same way whatever its value.
describe('Teams: a prompt answers only the person it was sent to', () => {
  const [alice, bob] = teamsPeople(2) as [TeamsPerson, TeamsPerson];
  let h: TeamsHarness;
  const promptOf = (person: TeamsPerson) => h.posted(person).find((a) => a.activity.attachments)!;
  /** Alice's eNPS action as first delivered (the card redraws without it once she answers). */
  let alicesEnps: Record<string, unknown> = {};

  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [alice, bob, ADMIN] });
    await h.installInTeam(TEAM_ID, 'Sales Team');
    await h.say(ADMIN, 'send-now');
    await eventually(() => h.fake.activities.filter((a) => a.activity.attachments).length === 3, 15_000);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('Bob replaying Alice’s card is refused, stores nothing, and leaves Alice’s answer slot to her', async () => {
    alicesEnps = openQuestions(cardOf(promptOf(alice))).get('enps')!;
    expect(alicesEnps.g).toEqual(expect.any(String));
    const stolen = await h.execute(bob, 'pulse.answer', { ...alicesEnps, 'a-enps': '0' }, promptOf(bob).id);
    expect(stolen.status).toBe(200);
    expect(JSON.stringify(stolen.body)).toContain('This survey was not sent to you');
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(0);
    expect(await h.app.database.collections.participation.countDocuments({})).toBe(0);

    const own = await h.execute(alice, 'pulse.answer', { ...alicesEnps, 'a-enps': '9' }, promptOf(alice).id);
    expect(JSON.stringify(own.body)).not.toContain('not sent to you');
    expect(await h.app.database.collections.responses.countDocuments({ questionId: 'enps' })).toBe(1);
  });

  it('asking to redraw Alice’s card as Bob gives Bob a note, never a card tagged for him with Alice’s token', async () => {
    const { r, t, g } = alicesEnps as { r: string; t: string; g: string };
    const redraw = await h.execute(bob, 'pulse.refresh', { r, t, g }, promptOf(bob).id);
    expect(JSON.stringify(redraw.body)).toContain('This survey was not sent to you');
    expect(JSON.stringify(redraw.body)).not.toContain(t);
  });

  it('a card without its tag (or with another’s) is refused the same way', async () => {
    const bobsEnps = openQuestions(cardOf(promptOf(bob))).get('enps')!;
    const { g: _tag, ...untagged } = bobsEnps;
    const reply = await h.execute(bob, 'pulse.answer', { ...untagged, 'a-enps': '5' }, promptOf(bob).id);
    expect(JSON.stringify(reply.body)).toContain('This survey was not sent to you');
  });

  it('Alice’s own second click gets the same reply whatever its value: the reply never tells which was stored', async () => {
    const data = alicesEnps;
    const same = await h.execute(alice, 'pulse.answer', { ...data, 'a-enps': '9' }, promptOf(alice).id);
    const other = await h.execute(alice, 'pulse.answer', { ...data, 'a-enps': '2' }, promptOf(alice).id);
    expect(same.status).toBe(200);
    expect(JSON.stringify(other.body)).toBe(JSON.stringify(same.body));
    expect(JSON.stringify(same.body)).toContain('You have already answered this question');
  });
});

describe('Slack: a prompt answers only the person it was sent to', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(2) });
    await h.command('UADMIN', '/pulse', 'send-now');
    await eventually(() => h.fake.messages.length === 4);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('U0002 clicking U0001’s button is refused and stores nothing', async () => {
    const alices = h.fake.messagesTo('U0001')[0] as PostedMessage;
    // U0002 holds a copy of U0001's message and clicks it in their own name.
    const asBob = { ...alices, user: 'U0002' };
    expect(await h.click(asBob, 'pulse:answer:enps:0')).toBe(200);
    await eventually(() => h.fake.callsTo('chat.postEphemeral').length === 1);
    expect(h.fake.callsTo('chat.postEphemeral')[0]?.params).toMatchObject({
      user: 'U0002',
      text: 'This survey was not sent to you, so your answer was not recorded.',
    });
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(0);
    expect(await h.app.database.collections.participation.countDocuments({})).toBe(0);
    // Nothing of Alice's message was redrawn for Bob, by chat.update or through the click's response_url.
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    expect(alices.updates).toBe(0);
    expect(await h.click(alices, 'pulse:answer:enps:9')).toBe(200);
    await eventually(async () => (await h.app.database.collections.responses.countDocuments({})) === 1);
  });
});
