import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/** OAuth mode (no bot token), allowing installs from `allowedTeams`. */
const oauthEnv = (allowedTeams: string): Record<string, string> => ({
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret-state-secret-state-secret',
  SLACK_ALLOWED_TEAMS: allowedTeams,
});

describe('Slack: multi-workspace OAuth install', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({
      people: users(3),
      env: oauthEnv('T0TEST'),
    });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('installs from /slack/install, keeps the installation in MongoDB, and then serves that workspace', async () => {
    const origin = h.base.replace('/slack/events', '');
    const start = await fetch(`${origin}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get('location') ?? '');
    expect(location.searchParams.get('client_id')).toBe('111.222');
    expect(location.searchParams.get('scope')).toBe('chat:write,commands,users:read,users:read.email,usergroups:read,metadata.message:read');
    const state = location.searchParams.get('state') ?? '';
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const callback = await fetch(`${origin}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(callback.status).toBeLessThan(400);
    const stored = await h.app.database.collections.installations.find({}).toArray();
    expect(stored.map((d) => d._id)).toEqual(['slack:team:T0TEST']);
    expect(stored[0]?.installation).toContain('xoxb-installed-T0TEST');

    await h.app.slack?.syncDirectories(true);
    expect(await h.app.database.collections.people.countDocuments({ tenant: 'T0TEST' })).toBe(5);
    const reply = await h.command('UADMIN', '/pulse', 'send-now');
    expect(reply.status).toBe(200);
    await eventually(() => h.fake.messages.length === 5);
    const tokens = new Set(h.fake.callsTo('chat.postMessage').map((c) => c.token));
    expect([...tokens]).toEqual(['xoxb-installed-T0TEST']);
  });

  it('a forged OAuth state is refused and stores nothing new, with a page that says to start again', async () => {
    const origin = h.base.replace('/slack/events', '');
    const before = await h.app.database.collections.installations.countDocuments({});
    const callback = await fetch(`${origin}/slack/oauth_redirect?code=x&state=forged`, { redirect: 'manual' });
    expect(callback.status).toBe(400);
    expect(await callback.text()).toContain('This install link has expired or was already used. Start again at <a href="/slack/install">/slack/install</a>.');
    expect(await h.app.database.collections.installations.countDocuments({})).toBe(before);
  });

  it("pressing Cancel on Slack's consent screen ends on a page that says nothing was installed, in the browser's language", async () => {
    const origin = h.base.replace('/slack/events', '');
    const callback = await fetch(`${origin}/slack/oauth_redirect?error=access_denied&state=s`, {
      headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' },
      redirect: 'manual',
    });
    expect(callback.status).toBe(400);
    const page = await callback.text();
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain('Installationen avbröts, så inget installerades.');
  });

  it('a code Slack refuses (already used) ends on a 502 page that says to try again, not a 500', async () => {
    const origin = h.base.replace('/slack/events', '');
    const callbackWith = async (code: string) => {
      const start = await fetch(`${origin}/slack/install`, { redirect: 'manual' });
      const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
      const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return fetch(`${origin}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
    };
    expect((await callbackWith('code-once')).status).toBeLessThan(400);
    const again = await callbackWith('code-once');
    expect(again.status).toBe(502);
    expect(await again.text()).toContain('Slack did not complete the installation.');
  });
});

describe('Slack: OAuth install from a workspace that is not allowed', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({
      people: users(1),
      env: oauthEnv('T0OTHER,E0ORG'),
    });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('is refused and nothing is stored', async () => {
    const origin = h.base.replace('/slack/events', '');
    const start = await fetch(`${origin}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const callback = await fetch(`${origin}/slack/oauth_redirect?code=c&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
    expect(callback.status).toBe(403);
    expect(await callback.text()).toContain('This workspace may not install this pulsebot');
    expect(await h.app.database.collections.installations.countDocuments({})).toBe(0);
  });

  it('an installation stored before the allowlist existed serves no events and feeds no directory', async () => {
    // The harness's workspace (T0TEST) was installed while SLACK_ALLOWED_TEAMS was unset.
    const stale = {
      team: { id: 'T0TEST' },
      isEnterpriseInstall: false,
      tokenType: 'bot',
      bot: { token: 'xoxb-stale-T0TEST', userId: 'UBOT', id: 'B0BOT', scopes: ['chat:write'] },
    };
    await h.app.database.collections.installations.insertOne({ _id: 'slack:team:T0TEST', installation: JSON.stringify(stale), updatedAt: new Date() });

    await h.app.slack?.syncDirectories(true);
    await h.command('UADMIN', '/pulse', 'send-now');
    expect(await h.app.database.collections.people.countDocuments({})).toBe(0);
    expect(await h.app.database.collections.rounds.countDocuments({})).toBe(0);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(h.fake.callsTo('users.list').map((c) => c.token)).not.toContain('xoxb-stale-T0TEST');
  });
});
