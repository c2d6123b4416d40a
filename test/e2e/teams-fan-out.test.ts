import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostedActivity } from '../fakes/bot-connector.js';
import { ADMIN, startTeamsHarness, TEAM_ID, TENANT, teamsPeople, type TeamsHarness, type TeamsPerson } from '../fakes/teams-harness.js';
import { eventually } from '../support/slack-harness.js';

const LOCALES = ['en-GB', 'nb-NO', 'sv-SE'] as const;
const UNREACHABLE_ID = 'cccccccc-0000-4000-8000-000000000001';
const people = teamsPeople(24, (i) => ({ locale: LOCALES[i % 3] }));
const cardText = (a: PostedActivity | undefined) => JSON.stringify(a?.activity.attachments ?? []);
const cardsTo = (h: TeamsHarness, person: TeamsPerson) => h.posted(person).filter((a) => a.activity.attachments);

async function startRound(h: TeamsHarness, everyone: number, failPosts = 0): Promise<void> {
  // Each person has opened the chat once, so their language is known from Teams.
  for (const person of people) expect((await h.installPersonal(person)).status).toBe(200);
  h.fake.activities.length = 0;
  h.fake.calls.length = 0;
  h.fake.failNextPosts = failPosts;
  expect((await h.say(ADMIN, 'send-now')).status).toBe(200);
  await eventually(() => h.fake.activities.filter((a) => a.activity.attachments).length === everyone, 30_000);
  await h.app.delivery.idle();
}

describe('Teams fan-out: 429s from the connector lose and double nothing; cards in each person’s language', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [...people, ADMIN] });
    expect((await h.installInTeam(TEAM_ID, 'Everyone')).status).toBe(200);
    // Someone in the directory (an HR import, say) whom the app can reach neither by a 1:1 chat nor a team.
    await h.app.deps.store.people.upsert({
      platform: 'teams',
      tenant: TENANT,
      userId: UNREACHABLE_ID,
      email: 'far@example.com',
      timezone: 'Europe/Oslo',
      locale: 'en',
      segment: null,
    });
    await startRound(h, people.length + 1, 10);
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('retries after 429 until every person has exactly one prompt', async () => {
    expect(h.fake.calls.filter((c) => c.status === 429)).toHaveLength(10);
    for (const person of [...people, ADMIN]) expect(cardsTo(h, person)).toHaveLength(1);
    const deliveries = await h.app.database.collections.deliveries.find({}).toArray();
    const reached = deliveries.filter((d) => !d.personKey.endsWith(UNREACHABLE_ID));
    expect(reached).toHaveLength(people.length + 1);
    expect(reached.every((d) => d.state === 'sent' && d.messageId !== null)).toBe(true);
  });

  it('reports a person it cannot reach to admins instead of skipping them silently', async () => {
    const delivery = await h.app.database.collections.deliveries.findOne({ personKey: `teams:${TENANT}:${UNREACHABLE_ID}` });
    expect(delivery?.state).not.toBe('sent');
    expect(delivery?.lastError).toMatch(/^teams_unreachable/);
    expect(delivery?.failure).toBe('unreachable');
    await h.say(ADMIN, 'status');
    await eventually(() => h.posted(ADMIN).some((a) => String(a.activity.text).includes('Not reachable in Teams: 1 (pulsebot is not installed for them)')));
  });

  it('reminds people on day 3 with a neutral message in their 1:1 chat, once each', async () => {
    h.fake.failNextPosts = 0;
    h.clock.set(h.clock.now().plus({ days: 3, hours: 12 }));
    h.app.delivery.kick();
    const reminded = (p: TeamsPerson) => h.posted(p).filter((a) => /reminder|påminnelse/i.test(String(a.activity.text)));
    await eventually(() => people.every((p) => reminded(p).length === 1), 15_000);
    await h.app.delivery.idle();
    for (const person of people) expect(reminded(person)).toHaveLength(1);
  });

  it('sends Norwegian and Swedish cards to people whose Teams speaks those languages', () => {
    const nb = cardText(cardsTo(h, people[1]!)[0]);
    expect(nb).toContain('Pulsmåling');
    expect(nb).toContain('Svarene dine er anonyme');
    const sv = cardText(cardsTo(h, people[2]!)[0]);
    expect(sv).toContain('Pulsmätning');
    expect(cardText(cardsTo(h, people[0]!)[0])).toContain('Pulse survey');
  });
});

describe('Teams fan-out pacing per tenant', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [...people, ADMIN], env: { TEAMS_MESSAGES_PER_SECOND: '20' } });
    await startRound(h, people.length + 1);
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('never posts more than the configured 20 messages in any one second', () => {
    const posts = h.fake.calls
      .filter((c) => c.method === 'POST' && c.path.includes('/activities') && c.status === 200)
      .map((c) => c.at)
      .sort((a, b) => a - b);
    expect(posts.length).toBeGreaterThanOrEqual(people.length);
    for (let i = 0; i < posts.length; i++) {
      const inWindow = posts.filter((at) => at >= posts[i]! && at < posts[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(20);
    }
    // 25 posts at 20/s take more than a second.
    expect(posts.at(-1)! - posts[0]!).toBeGreaterThan(1000);
  });
});
