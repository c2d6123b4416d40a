import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDashboardToken } from '../../adapters/web/dashboard-link.js';
import { closeRound } from '../../src/services/close-round.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { startRound } from '../../src/services/start-round.js';
import { weeklyPulse } from '../support/fixtures.js';
import { startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';
import { launchChromium } from '../support/web-harness.js';

/**
 * Outside the playground (Slack configured, PULSE_WEB=1) the dashboard is behind a signed,
 * expiring link that `/pulse dashboard` sends to leaders, HR and admins. Nobody without one
 * sees a number; forged and expired links are refused.
 */
let harness: SlackHarness;
let origin: string;

beforeAll(async () => {
  harness = await startSlackHarness({ people: users(6), env: { PULSE_WEB: '1', PULSE_PUBLIC_URL: 'https://pulse.example.com' } });
  origin = new URL(harness.base).origin;
}, 120_000);

afterAll(async () => {
  await harness?.dispose();
});

async function linkFor(userId: string): Promise<string> {
  const reply = await harness.command(userId, '/pulse', 'dashboard');
  expect(reply.status).toBe(200);
  const url = /https:\/\/pulse\.example\.com\/dashboard\?t=(\S+)/.exec(reply.text);
  if (!url?.[1]) throw new Error(`no link in: ${reply.text}`);
  return decodeURIComponent(url[1]);
}

/** Trades a link token for the session cookie, as the browser does on the redirect. */
async function signIn(token: string): Promise<{ status: number; cookie: string | null }> {
  const response = await fetch(`${origin}/dashboard?t=${encodeURIComponent(token)}`, { redirect: 'manual' });
  return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? null };
}

const get = (path: string, cookie?: string) => fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

describe('dashboard sign-in outside the playground', () => {
  it('without a link nothing is shown: the page asks to sign in and every data route answers 401', async () => {
    const page = await get('/dashboard');
    expect(page.status).toBe(401);
    const html = await page.text();
    expect(html).toContain('/pulse dashboard');
    expect(html).not.toContain('data-segment');
    for (const path of ['/dashboard/data', '/dashboard/view', '/dashboard/events']) {
      const response = await get(path);
      expect(response.status, path).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'UNAUTHORIZED' } });
    }
    // The playground's chat and clock are not served at all.
    expect((await get('/playground')).status).toBe(404);
    expect((await get('/web/api/people')).status).toBe(404);
    expect(
      (await fetch(`${origin}/web/api/fast-forward`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hours":24}' })).status,
    ).toBe(404);
  });

  it('/pulse dashboard gives an admin a personal link that opens the dashboard in the browser; an employee gets none', async () => {
    const token = await linkFor('UADMIN');
    expect((await harness.command('U0001', '/pulse', 'dashboard')).text).toBe('Results are for leaders, HR and admins.');

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/dashboard?t=${encodeURIComponent(token)}`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(page.url()).toBe(`${origin}/dashboard`); // the token left the address bar
      await expect(page.getByTestId('dashboard').textContent()).resolves.toContain('A group is shown only when at least 5 people have answered');
    } finally {
      await browser.close();
    }
    // A link opens the dashboard once: the browser used it, so it is refused now.
    expect((await signIn(token)).status).toBe(401);
    const { status, cookie } = await signIn(await linkFor('UADMIN'));
    expect(status).toBe(303);
    expect(cookie).toMatch(/^pulse_dash=/);
    const data = await get('/dashboard/data', cookie ?? '');
    expect(data.status).toBe(200);
    expect(await data.json()).toMatchObject({ k: 5 });
  });

  it('a leader sees only the teams they lead and no exit results; when the role goes, so does the dashboard', async () => {
    const { store } = harness.app.deps;
    await store.segments.upsert({ _id: 'sales', name: 'Sales', parentId: null });
    await store.segments.upsert({ _id: 'support', name: 'Support', parentId: null });
    const leader = 'slack:T0TEST:U0002';
    await store.people.setRoles(leader, ['leader'], ['sales']);
    const { cookie } = await signIn(await linkFor('U0002'));
    const data = (await (await get('/dashboard/data', cookie ?? '')).json()) as { history: { segment: string }[]; exit: unknown };
    expect(data.history.map((h) => h.segment)).toEqual(['sales']);
    expect(data.exit).toBeNull();
    await store.people.setRoles(leader, [], []);
    expect((await get('/dashboard/data', cookie ?? '')).status).toBe(403);
    expect((await get('/dashboard', cookie ?? '')).status).toBe(403);
  });

  it('a forged or tampered link is refused and sets no cookie', async () => {
    const token = await linkFor('UADMIN');
    const [payload, signature] = token.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ p: 'slack:T0TEST:UADMIN', e: 4_102_444_800 })).toString('base64url');
    const forged = [
      `${otherPayload}.${signature}`, // a later expiry under the old signature
      `${payload}.${Buffer.from('x'.repeat(32)).toString('base64url')}`,
      signDashboardToken('another-secret-another-secret-another-secret', 'slack:T0TEST:UADMIN', harness.clock.now()),
      'not-a-token',
    ];
    for (const bad of forged) {
      const response = await get(`/dashboard?t=${encodeURIComponent(bad)}`);
      expect(response.status, bad).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.text()).toContain('not valid or has expired');
      expect((await get('/dashboard/data', `pulse_dash=${encodeURIComponent(bad)}`)).status).toBe(401);
    }
    // A cookie that is not even percent-encoding (a broken browser, a hand-edited cookie) is no cookie.
    for (const broken of ['%', '%E0%A4%A']) {
      expect((await get('/dashboard/data', `pulse_dash=${broken}`)).status, broken).toBe(401);
      expect((await get('/dashboard', `pulse_dash=${broken}`)).status, broken).toBe(401);
    }
  });

  it('a link expires after 12 hours, and a signed-in session ends with it', async () => {
    const token = await linkFor('UADMIN');
    const { cookie } = await signIn(token);
    expect((await get('/dashboard/data', cookie ?? '')).status).toBe(200);
    harness.clock.advance({ hours: 12, minutes: 1 });
    expect((await get('/dashboard/data', cookie ?? '')).status).toBe(401);
    expect((await get(`/dashboard?t=${encodeURIComponent(token)}`)).status).toBe(401);
    expect((await get('/dashboard', cookie ?? '')).status).toBe(401);
  });

  it('without PULSE_WEB the dashboard is not served, and /pulse dashboard says how to switch it on', async () => {
    const plain = await startSlackHarness({ people: users(2) });
    try {
      expect((await plain.command('UADMIN', '/pulse', 'dashboard')).text).toBe(
        'The results dashboard is not switched on here: ask your administrator to set PULSE_WEB=1.',
      );
      const response = await fetch(`${new URL(plain.base).origin}/dashboard`);
      expect(response.status).toBe(404);
    } finally {
      await plain.dispose();
    }
  });
});

describe('the survey editor outside the playground', () => {
  const survey = 'id: desk-check\nname: Desk check\ntrigger: { type: once, date: "2027-03-01", time: "10:00" }\nquestions:\n  - builtin: enps\n';
  const post = (path: string, cookie: string | null, body: unknown, csrf?: string) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify(body),
    });

  it('is for HR and admins with a session, and every change needs the page’s CSRF token', async () => {
    expect((await get('/dashboard/surveys')).status).toBe(401);
    expect((await post('/dashboard/surveys/save', null, { text: survey })).status).toBe(401);

    const { cookie } = await signIn(await linkFor('UHR'));
    if (cookie === null) throw new Error('no session cookie');
    const page = await get('/dashboard/surveys', cookie);
    expect(page.status).toBe(200);
    const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(await page.text())?.[1] ?? '';
    expect(csrf).not.toBe('');

    expect((await post('/dashboard/surveys/save', cookie, { text: survey })).status).toBe(403);
    expect((await post('/dashboard/surveys/save', cookie, { text: survey }, 'wrong-token')).status).toBe(403);
    expect(await harness.app.database.collections.surveys.countDocuments({ _id: 'desk-check' })).toBe(0);

    const saved = await post('/dashboard/surveys/save', cookie, { text: survey }, csrf);
    expect(saved.status).toBe(200);
    expect(await harness.app.database.collections.surveys.countDocuments({ _id: 'desk-check' })).toBe(1);
    const preview = await post('/dashboard/surveys/preview', cookie, { text: survey, locale: 'sv' }, csrf);
    expect(preview.status).toBe(200);
    expect(JSON.stringify(await preview.json())).toContain('Desk check');
  });
});

describe('replies to comments from the dashboard (issue #19)', () => {
  it('need a session that may read the comment and the page’s CSRF token; the reply is stored, nobody’s identity with it', async () => {
    const deps = harness.app.deps;
    const round = await startRound(deps, weeklyPulse({ id: 'replies-check' }), deps.clock.now().toISODate() ?? '', { defaultTimezone: 'UTC' });
    const people = (await deps.store.database.collections.people.find({ userId: /^U000/ }).toArray()).map((p) => p._id);
    const tokens = people.map(() => newResponseToken());
    for (const [i, person] of people.entries())
      await recordAnswer(deps, { roundId: round._id, person, responseToken: tokens[i] ?? '', questionId: 'comment', raw: `thought ${i}` });
    await closeRound(deps, round._id, { graceMs: 0 });
    const comment = deps.store.ledger.answerId(tokens[0] ?? '', 'comment');
    const reply = (cookie: string | null, body: unknown, csrf?: string) =>
      fetch(`${origin}/dashboard/comments/${comment}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
        body: JSON.stringify(body),
      });

    expect((await reply(null, { ack: 'thanks' })).status).toBe(401);
    const { cookie } = await signIn(await linkFor('UHR'));
    if (cookie === null) throw new Error('no session cookie');
    const page = await (await get('/dashboard', cookie)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(csrf).not.toBe('');
    expect((await reply(cookie, { ack: 'thanks' })).status).toBe(403);
    expect((await reply(cookie, { ack: 'thanks' }, 'wrong-token')).status).toBe(403);
    expect(await harness.app.database.collections.conversations.countDocuments({})).toBe(0);
    expect((await reply(cookie, { ack: 'shrug' }, csrf)).status).toBe(400);

    const done = await reply(cookie, { text: 'Thank you, we will look at it.' }, csrf);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ messages: [{ kind: 'reply', from: 'leader', text: 'Thank you, we will look at it.' }] });
    const stored = JSON.stringify(await harness.app.database.collections.conversations.findOne({ _id: comment }));
    expect(stored).not.toContain('UHR');
    expect((await reply(cookie, { ack: 'thanks' }, csrf)).status).toBe(200);
  });
});
