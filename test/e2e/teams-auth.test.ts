import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../fakes/bot-connector-jwt.js';
import { ADMIN, startTeamsHarness, TENANT, teamsPeople, type TeamsHarness } from '../fakes/teams-harness.js';
import { eventually } from '../support/slack-harness.js';

const person = teamsPeople(1)[0]!;

function personalInstall(h: TeamsHarness): Record<string, unknown> {
  return {
    type: 'conversationUpdate',
    id: 'f:install-1',
    serviceUrl: h.fake.serviceUrl,
    channelId: 'msteams',
    from: { id: person.id, aadObjectId: person.aadObjectId, name: person.name },
    recipient: { id: h.botId, name: 'pulsebot' },
    conversation: { id: `a:personal-${person.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    membersAdded: [{ id: h.botId }],
    locale: 'nb-NO',
    localTimezone: 'Europe/Oslo',
  };
}

describe('Teams: every incoming activity must carry a valid Bot Framework JWT', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [person, ADMIN] });
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  const nothingStored = async () => {
    expect(await h.app.database.collections.people.countDocuments({})).toBe(0);
    expect(await h.app.database.db.collection('teams_personal_conversations').countDocuments({})).toBe(0);
    expect(h.fake.calls).toHaveLength(0);
  };

  const refused: [string, (h: TeamsHarness, activity: Record<string, unknown>) => string | null][] = [
    ['no Authorization header', () => null],
    ['an unsigned token (alg none)', (h, a) => `Bearer ${h.fake.channelToken(String(a.serviceUrl), {}, { alg: 'none' })}`],
    [
      'a token signed by a key that is not published (forged)',
      (h, a) => `Bearer ${h.fake.channelToken(String(a.serviceUrl), {}, { key: generateSigningKey() })}`,
    ],
    ['an expired token', (h, a) => `Bearer ${h.fake.channelToken(String(a.serviceUrl), { exp: 1_700_000_000, nbf: 1_699_990_000, iat: 1_699_990_000 })}`],
    [
      'a token for another bot (wrong audience)',
      (h, a) => `Bearer ${h.fake.channelToken(String(a.serviceUrl), { aud: '99999999-9999-4999-8999-999999999999' })}`,
    ],
    ['a token for another serviceUrl', (h) => `Bearer ${h.fake.channelToken('https://elsewhere.invalid/connector/')}`],
    ['a token from another issuer', (h, a) => `Bearer ${h.fake.channelToken(String(a.serviceUrl), { iss: 'https://issuer.invalid' })}`],
    ['a garbage bearer', () => 'Bearer not-a-jwt'],
  ];

  for (const [name, auth] of refused) {
    it(`refuses ${name} with 401 and writes nothing`, async () => {
      const activity = personalInstall(h);
      const reply = await h.post(activity, auth(h, activity));
      expect(reply.status).toBe(401);
      await nothingStored();
    });
  }

  it('refuses malformed JSON with 400 and a code, and non-POST with 405', async () => {
    const response = await fetch(h.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'malformed_json' });
    expect((await fetch(h.endpoint)).status).toBe(405);
    await nothingStored();
  });

  it('refuses a JSON body that is not an activity (no type) with 400 and a code, before any token check', async () => {
    for (const body of ['{}', '{"type":5}', '{"type":""}', '[]', '"message"']) {
      const response = await fetch(h.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect({ body, status: response.status, reply: await response.json() }).toEqual({ body, status: 400, reply: { error: 'not_an_activity' } });
    }
    await nothingStored();
  });

  it('accepts a valid token: the 1:1 chat and the person are stored, and the welcome goes out with the bot’s token', async () => {
    const reply = await h.post(personalInstall(h));
    expect(reply.status).toBe(200);
    const stored = await h.app.deps.store.people.get(`teams:${TENANT}:${person.aadObjectId}`);
    expect(stored).toMatchObject({ platform: 'teams', timezone: 'Europe/Oslo', locale: 'nb' });
    await eventually(() => h.fake.activities.length === 1);
    expect(String(h.fake.activities[0]?.activity.text)).toContain('Hei, jeg er pulsebot');
    const call = h.fake.calls.find((c) => c.method === 'POST');
    expect(call?.status).toBe(200);
    expect(call?.authorization).toMatch(/^Bearer [0-9a-f]{48}$/);
    expect(h.fake.tokenRequests).toEqual([{ clientId: h.fake.appId, scope: 'https://api.botframework.test/.default', ok: true }]);
  });
});

describe('Teams installationUpdate', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [person, ADMIN] });
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('a personal install stores the 1:1 chat; a team install reads the roster; removing the app from the team forgets the team', async () => {
    const personal = { ...personalInstall(h), type: 'installationUpdate', action: 'add', membersAdded: undefined };
    expect((await h.post(personal)).status).toBe(200);
    expect(await h.app.database.db.collection('teams_personal_conversations').countDocuments({})).toBe(1);

    const team = {
      ...personalInstall(h),
      type: 'installationUpdate',
      action: 'add',
      membersAdded: undefined,
      conversation: { id: '19:other@thread.tacv2', conversationType: 'channel', tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, team: { id: '19:other@thread.tacv2', name: 'Other' } },
    };
    h.fake.rosters.set('19:other@thread.tacv2', [person, ADMIN]);
    expect((await h.post(team)).status).toBe(200);
    expect((await h.app.deps.store.people.get(`teams:${TENANT}:${ADMIN.aadObjectId}`))?.segment).toBe(`teams:${TENANT}:other`);

    expect((await h.post({ ...team, action: 'remove' })).status).toBe(200);
    expect(await h.app.database.db.collection('teams_team_conversations').countDocuments({})).toBe(0);
    // Only reachable by a team that no longer has the app: ADMIN leaves the directory, the person with a 1:1 chat stays.
    expect((await h.app.deps.store.people.get(`teams:${TENANT}:${ADMIN.aadObjectId}`))?.active).toBe(false);
    expect((await h.app.deps.store.people.get(`teams:${TENANT}:${person.aadObjectId}`))?.active).toBe(true);
  });
});

describe('Teams local mode (TEAMS_LOCAL=1, no app id) for the Bot Framework Emulator', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [person], env: { TEAMS_APP_ID: '', TEAMS_APP_PASSWORD: '', TEAMS_LOCAL: '1', NODE_ENV: 'development' } });
    h.fake.requireAuth = false;
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('accepts activities without a token and replies to the serviceUrl without one', async () => {
    const reply = await h.post(personalInstall(h), null);
    expect(reply.status).toBe(200);
    await eventually(() => h.fake.activities.length === 1);
    expect(h.fake.calls.every((c) => c.authorization === null)).toBe(true);
    expect(h.fake.tokenRequests).toHaveLength(0);
  });
});
