import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/** The dashboard's action board (issue #19), outside the playground: signed sessions, CSRF on every form, roles read on each request. */
let h: SlackHarness;
let origin: string;

beforeAll(async () => {
  h = await startSlackHarness({
    people: users(8),
    groups: [
      { id: 'S1', handle: 'sales', name: 'Sales', users: ['U0001', 'U0002', 'U0003'] },
      { id: 'S2', handle: 'support', name: 'Support', users: ['U0005', 'U0006', 'U0007'] },
    ],
    env: { PULSE_WEB: '1', PULSE_PUBLIC_URL: 'https://pulse.example.com' },
  });
  origin = new URL(h.base).origin;
  await h.command('UADMIN', '/pulse', 'role add <@U0004> leader sales');
  await h.command('UADMIN', '/pulse', 'role add <@U0008> leader support');
}, 120_000);
afterAll(async () => {
  await h?.dispose();
});

async function session(userId: string): Promise<{ cookie: string; csrf: string; page: string }> {
  const reply = await h.command(userId, '/pulse', 'dashboard');
  const token = decodeURIComponent(/https:\/\/pulse\.example\.com\/dashboard\?t=(\S+)/.exec(reply.text)?.[1] ?? '');
  const signed = await fetch(`${origin}/dashboard?t=${encodeURIComponent(token)}`, { redirect: 'manual' });
  const cookie = signed.headers.get('set-cookie')?.split(';')[0] ?? '';
  const page = await (await fetch(`${origin}/dashboard/actions`, { headers: { cookie } })).text();
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '', page };
}

const postForm = (path: string, cookie: string, fields: Record<string, string>) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('the action board', () => {
  it('is for signed-in leaders and HR only', async () => {
    expect((await fetch(`${origin}/dashboard/actions`)).status).toBe(401);
    expect((await postForm('/dashboard/actions', '', { segment: 'x' })).status).toBe(401);
  });

  it('a leader commits from the board for a group they lead, with the page’s CSRF token, and changes its status', async () => {
    const lead = await session('U0004');
    expect(lead.csrf).not.toBe('');
    expect(lead.page).toContain('<option value="slack:T0TEST:sales">Sales</option>');
    expect(lead.page).not.toContain('Support</option>');
    expect(lead.page).toContain('data-testid="no-actions"');

    const form = { segment: 'slack:T0TEST:sales', driver: 'workload', words: 'No meetings on Friday afternoons', dueDate: '2026-12-31' };
    expect((await postForm('/dashboard/actions', lead.cookie, form)).status).toBe(403); // no CSRF token
    expect((await postForm('/dashboard/actions', lead.cookie, { ...form, csrf: 'forged' })).status).toBe(403);
    const empty = await postForm('/dashboard/actions', lead.cookie, { ...form, words: ' ', csrf: lead.csrf });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Write what you will do');
    const elsewhere = await postForm('/dashboard/actions', lead.cookie, { ...form, segment: 'slack:T0TEST:support', csrf: lead.csrf });
    expect(elsewhere.status).toBe(403);
    expect(await h.app.database.collections.actions.countDocuments({})).toBe(0);

    const made = await postForm('/dashboard/actions', lead.cookie, { ...form, csrf: lead.csrf });
    expect(made.status).toBe(303);
    expect(made.headers.get('location')).toBe('/dashboard/actions?saved=1');
    const [action] = await h.app.database.collections.actions.find({}).toArray();
    expect(action).toMatchObject({
      owner: 'slack:T0TEST:U0004',
      segment: 'slack:T0TEST:sales',
      driver: 'workload',
      words: { text: form.words },
      status: 'planned',
    });
    const board = await (await fetch(`${origin}/dashboard/actions?saved=1`, { headers: { cookie: lead.cookie } })).text();
    expect(board).toContain('Saved.');
    expect(board).toContain('No meetings on Friday afternoons');

    // The team hears of it.
    h.app.delivery.kick();
    await eventually(() =>
      ['U0001', 'U0002', 'U0003'].every((u) => h.fake.messagesTo(u).some((m) => (m.text ?? '').includes('No meetings on Friday afternoons'))),
    );
    expect(h.fake.messagesTo('U0005').some((m) => (m.text ?? '').includes('No meetings on Friday afternoons'))).toBe(false);

    expect(
      (await postForm(`/dashboard/actions/${action?._id ?? ''}`, lead.cookie, { status: 'in_progress', dueDate: '2027-01-15', csrf: lead.csrf })).status,
    ).toBe(303);
    expect(await h.app.database.collections.actions.findOne({ _id: action?._id ?? '' })).toMatchObject({ status: 'in_progress', dueDate: '2027-01-15' });

    // Another group's leader sees nothing of it and cannot change it.
    const other = await session('U0008');
    expect(other.page).not.toContain('No meetings on Friday afternoons');
    const refused = await postForm(`/dashboard/actions/${action?._id ?? ''}`, other.cookie, { status: 'done', csrf: other.csrf });
    expect(refused.status).toBe(404);
    expect(await refused.text()).toContain('is not yours to change');
  });

  it('HR sees every action, and per leader how many actions are open or overdue, counts only', async () => {
    const hr = await session('UHR');
    expect(hr.page).toContain('No meetings on Friday afternoons');
    const leaders = /<table data-testid="leaders">.*?<\/table>/s.exec(hr.page)?.[0] ?? '';
    expect(leaders).toContain('<td>person4@example.com</td><td>0</td><td>1</td><td>0</td>');
    expect(leaders).toContain('<td>person8@example.com</td><td>0</td><td>0</td><td>0</td>');
  });
});
