import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOidcProvider, type NextLogin } from '../fakes/oidc-provider.js';
import { startSlackHarness, TEAM, users, type SlackHarness } from '../support/slack-harness.js';

const TENANT = '3f1c2a44-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const SLACK_ADMIN = { 'https://slack.com/team_id': TEAM, 'https://slack.com/user_id': 'UADMIN', sub: 'UADMIN', email: 'admin@example.com' };

interface Attempt {
  readonly status: number;
  readonly location: string | null;
  readonly body: string;
  /** The callback address the provider sent the browser back to, and the pending-sign-in cookie. */
  readonly callback: string;
  readonly pending: string;
}

describe('dashboard sign-in with Slack and Microsoft Entra ID (OpenID Connect)', () => {
  let h: SlackHarness;
  let origin: string;
  let slackIdp: FakeOidcProvider;
  let entraIdp: FakeOidcProvider;

  beforeAll(async () => {
    slackIdp = await FakeOidcProvider.start({ clientId: 'slack-client', clientSecret: 'slack-client-secret' });
    entraIdp = await FakeOidcProvider.start({ path: `/${TENANT}/v2.0`, clientId: 'entra-client', clientSecret: 'entra-client-secret' });
    h = await startSlackHarness({
      people: users(3),
      env: {
        PULSE_WEB: '1',
        PULSE_SIGNIN_SLACK_CLIENT_ID: 'slack-client',
        PULSE_SIGNIN_SLACK_CLIENT_SECRET: 'slack-client-secret',
        PULSE_SIGNIN_SLACK_ISSUER: slackIdp.issuer,
        PULSE_SIGNIN_ENTRA_CLIENT_ID: 'entra-client',
        PULSE_SIGNIN_ENTRA_CLIENT_SECRET: 'entra-client-secret',
        PULSE_SIGNIN_ENTRA_TENANTS: TENANT,
        PULSE_SIGNIN_ENTRA_AUTHORITY: new URL(entraIdp.issuer).origin,
      },
    });
    origin = new URL(h.base).origin;
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
    await slackIdp.stop();
    await entraIdp.stop();
  });

  const pendingCookie = (response: Response): string => /pulse_signin=[^;]*/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';

  /** Starts a sign-in as a browser would, lets the provider answer, and follows it back to pulsebot. */
  async function attempt(provider: string, idp: FakeOidcProvider, claims: Record<string, unknown>, mode: NextLogin = 'ok'): Promise<Attempt> {
    idp.signInNext(claims, mode);
    const started = await fetch(`${origin}/auth/start/${encodeURIComponent(provider)}`, { redirect: 'manual' });
    expect(started.status).toBe(302);
    const pending = pendingCookie(started);
    const answered = await fetch(started.headers.get('location') ?? '', { redirect: 'manual' });
    const back = new URL(answered.headers.get('location') ?? '');
    const callback = `${origin}${back.pathname}${back.search}`;
    const finished = await fetch(callback, { redirect: 'manual', headers: { cookie: pending } });
    return { status: finished.status, location: finished.headers.get('location'), body: await finished.text(), callback, pending };
  }

  /** Follows a successful sign-in into the dashboard and reads its data with the session cookie. */
  async function dashboardData(location: string): Promise<number> {
    const opened = await fetch(`${origin}${location}`, { redirect: 'manual' });
    const session = /pulse_dash=[^;]*/.exec(opened.headers.get('set-cookie') ?? '')?.[0] ?? '';
    return (await fetch(`${origin}/dashboard/data`, { headers: { cookie: session } })).status;
  }

  it('the sign-in page offers Slack and Microsoft, in the browser’s language', async () => {
    const page = await (await fetch(`${origin}/auth`, { headers: { 'accept-language': 'nb-NO,nb;q=0.9' } })).text();
    expect(page).toContain('Logg inn med Slack');
    expect(page).toContain('Logg inn med Microsoft');
  });

  it('an admin signs in with Slack (code flow with PKCE, state and nonce) and reads the dashboard', async () => {
    const result = await attempt('slack', slackIdp, SLACK_ADMIN);
    expect(result.status).toBe(303);
    expect(result.location).toMatch(/^\/dashboard\?t=/);
    expect(await dashboardData(result.location ?? '')).toBe(200);
    // The browser's pending sign-in is cleared: the same callback again finds nothing to finish.
    const replay = await fetch(result.callback, { redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('expired or was already used');
    // Even with the old cookie kept (a stolen one), the provider's code is good once: refused.
    const stolen = await fetch(result.callback, { redirect: 'manual', headers: { cookie: result.pending } });
    expect(stolen.status).toBe(401);
    expect(stolen.headers.get('location')).toBeNull();
  });

  it.each([
    ['an ID token signed with a key the provider never published', 'forged'],
    ['an ID token for another client', 'wrong_audience'],
    ['an expired ID token', 'expired'],
  ] as const)('refuses %s with a page that says what to do', async (_what, mode) => {
    const result = await attempt('slack', slackIdp, SLACK_ADMIN, mode);
    expect(result.status).toBe(401);
    expect(result.location).toBeNull();
    expect(result.body).toContain('could not be verified');
  });

  it('refuses a callback whose state is not this browser’s sign-in', async () => {
    const first = await attempt('slack', slackIdp, SLACK_ADMIN, 'deny');
    slackIdp.signInNext(SLACK_ADMIN);
    const other = await fetch(`${origin}/auth/start/slack`, { redirect: 'manual' });
    const answered = await fetch(other.headers.get('location') ?? '', { redirect: 'manual' });
    const back = new URL(answered.headers.get('location') ?? '');
    // The code and state of the second attempt, with the first attempt's cookie.
    const crossed = await fetch(`${origin}${back.pathname}${back.search}`, { redirect: 'manual', headers: { cookie: first.pending } });
    expect(crossed.status).toBe(400);
  });

  it('a sign-in the person cancels at the provider ends on a page saying to start again', async () => {
    const result = await attempt('slack', slackIdp, SLACK_ADMIN, 'deny');
    expect(result.status).toBe(403);
    expect(result.body).toContain('cancelled or refused');
  });

  it('an Entra account that is not in the directory is refused and told to ask HR', async () => {
    const result = await attempt(`entra:${TENANT}`, entraIdp, { tid: TENANT, oid: 'not-a-known-object-id', sub: 'x' });
    expect(result.status).toBe(403);
    expect(result.body).toContain('not in pulsebot’s directory');
  });

  it('an Entra account of a person in the directory signs in (single tenant)', async () => {
    const key = await h.app.deps.store.people.upsert({
      platform: 'teams',
      tenant: TENANT,
      userId: 'entra-hr-object-id',
      email: 'hr2@example.com',
      timezone: null,
      locale: null,
      segment: null,
      roles: ['hr'],
    });
    expect(key).toBe(`teams:${TENANT}:entra-hr-object-id`);
    const result = await attempt(`entra:${TENANT}`, entraIdp, { tid: TENANT, oid: 'entra-hr-object-id', sub: 'y' });
    expect(result.status).toBe(303);
    expect(await dashboardData(result.location ?? '')).toBe(200);
  });
});
