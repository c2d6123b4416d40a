import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/*
 * Dashboard sessions are server-side (issue #15 item 9, issue #21): a link from the bot opens the
 * dashboard once; the browser holds only a random session id; sign-out and revocation end a
 * session at once; a state-changing request needs the session's CSRF token and the dashboard's
 * own origin.
 */
let h: SlackHarness;
let origin: string;
const PUBLIC = 'https://pulse.example.com';

beforeAll(async () => {
  h = await startSlackHarness({ people: users(6), env: { PULSE_WEB: '1', PULSE_PUBLIC_URL: PUBLIC } });
  origin = new URL(h.base).origin;
}, 120_000);
afterAll(async () => {
  await h?.dispose();
});

async function linkFor(userId: string): Promise<string> {
  const reply = await h.command(userId, '/pulse', 'dashboard');
  const url = /https:\/\/pulse\.example\.com\/dashboard\?t=(\S+)/.exec(reply.text);
  if (!url?.[1]) throw new Error(`no link in: ${reply.text}`);
  return decodeURIComponent(url[1]);
}
const open = (token: string) => fetch(`${origin}/dashboard?t=${encodeURIComponent(token)}`, { redirect: 'manual' });
async function signIn(userId = 'UADMIN'): Promise<{ token: string; cookie: string }> {
  const token = await linkFor(userId);
  const response = await open(token);
  expect(response.status).toBe(303);
  return { token, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
}
const get = (path: string, cookie: string) => fetch(`${origin}${path}`, { headers: { cookie }, redirect: 'manual' });
/** The sign-out form's CSRF token, as the page carries it. */
async function csrfOf(cookie: string): Promise<string> {
  const html = await (await get('/dashboard', cookie)).text();
  const token = /name="csrf" value="([0-9a-f]{64})"/.exec(html)?.[1];
  if (!token) throw new Error('no sign-out form on the page');
  return token;
}
const logout = (cookie: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}/dashboard/logout`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
    redirect: 'manual',
  });

describe('dashboard sessions', () => {
  it('a link opens the dashboard once; opened again it is refused and sets no cookie', async () => {
    const { token } = await signIn();
    const again = await open(token);
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('already been used');
  });

  it('the browser holds only a random id, and the database only its hash', async () => {
    const { token, cookie } = await signIn();
    const id = cookie.split('=')[1] ?? '';
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain(token.split('.')[0]);
    const stored = JSON.stringify(await h.app.database.collections.webSessions.find({}).toArray());
    expect(stored).not.toContain(id);
    expect(stored).toContain('slack:T0TEST:UADMIN');
    expect((await get('/dashboard/data', cookie)).status).toBe(200);
  });

  it("signing out needs the page's token and the dashboard's origin; a forged request changes nothing", async () => {
    const { cookie } = await signIn();
    const csrf = await csrfOf(cookie);
    for (const [body, headers] of [
      ['', {}],
      [`csrf=${'0'.repeat(64)}`, {}],
      [`csrf=${csrf}`, { origin: 'https://evil.example' }],
      [`csrf=${csrf}`, { 'sec-fetch-site': 'cross-site' }],
    ] as const) {
      const forged = await logout(cookie, body, headers);
      expect(forged.status, JSON.stringify([body.slice(0, 9), headers])).toBe(403);
      expect(await forged.text()).toContain('did not come from your dashboard page');
      expect((await get('/dashboard/data', cookie)).status).toBe(200);
    }
    const out = await logout(cookie, `csrf=${csrf}`, { origin: PUBLIC, 'sec-fetch-site': 'same-origin' });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^pulse_dash=; .*Max-Age=0/);
    expect((await get('/dashboard/data', cookie)).status).toBe(401);
    expect((await get('/dashboard', cookie)).status).toBe(401);
    expect((await fetch(`${origin}/dashboard/logout`, { headers: { cookie } })).status).toBe(405);
  });

  it("an operator revokes one person's sessions, or everyone's, from the CLI", async () => {
    const admin = await signIn('UADMIN');
    const hr = await signIn('UHR');
    const one = await cli(h.app.database, ['sessions', 'revoke', '--person', 'slack:T0TEST:UHR']);
    expect([one.code, one.out.trim()]).toEqual([0, 'revoked 1 dashboard session(s) of slack:T0TEST:UHR']);
    expect((await get('/dashboard/data', hr.cookie)).status).toBe(401);
    expect((await get('/dashboard/data', admin.cookie)).status).toBe(200);
    const all = await cli(h.app.database, ['sessions', 'revoke', '--all']);
    expect(all.code).toBe(0);
    expect((await get('/dashboard/data', admin.cookie)).status).toBe(401);
    expect((await cli(h.app.database, ['sessions', 'revoke'])).code).toBe(2);
    expect((await cli(h.app.database, ['sessions', 'revoke', '--person', 'nobody@example.com'])).code).toBe(1);
  });

  it('a session ends after 12 hours', async () => {
    const { cookie } = await signIn();
    h.clock.advance({ hours: 11, minutes: 59 });
    expect((await get('/dashboard/data', cookie)).status).toBe(200);
    h.clock.advance({ minutes: 2 });
    expect((await get('/dashboard/data', cookie)).status).toBe(401);
  });
});
