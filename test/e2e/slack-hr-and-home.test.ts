import { exitRequestId } from '../../src/store/documents/identity.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

const textOf = (m: PostedMessage | undefined) => JSON.stringify(m?.blocks ?? []);
const roundOf = (m: PostedMessage) => (m.metadata as { event_payload?: { round_id?: string } } | undefined)?.event_payload?.round_id ?? '';

describe('Slack: exit surveys, App Home and languages', () => {
  let h: SlackHarness;
  /** The prompt of `roundId` in `user`'s DM (the scheduled weekly pulse may be there too). */
  const promptOf = (user: string, roundId: string) => h.fake.messagesTo(user).find((m) => roundOf(m) === roundId);

  beforeAll(async () => {
    // Sunday 2026-11-22 12:00 UTC. U0001 Oslo, U0002 New York, U0003 Kolkata; U0004 speaks nb, U0005 sv.
    h = await startSlackHarness({
      people: users(6, (i) => (i === 3 ? { locale: 'nb-NO' } : i === 4 ? { locale: 'sv-SE' } : {})),
      groups: [{ id: 'S1', handle: 'sales', name: 'Sales', users: ['U0001', 'U0002', 'U0003', 'U0004', 'U0005', 'U0006'] }],
      now: '2026-11-22T12:00:00Z',
    });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('someone who is not HR is refused privately and nothing is scheduled', async () => {
    const reply = await h.command('U0006', '/exit-survey', '<@U0001|person1>');
    expect(reply.text).toBe('Sorry, only HR and admins can do that. Nothing was sent.');
    expect(await h.app.database.collections.eventRequests.countDocuments({})).toBe(0);
    expect(await h.app.database.collections.deliveries.countDocuments({})).toBe(0);
  });

  it('HR schedules an exit survey for the next working day, 10:00 the leaver’s time', async () => {
    const reply = await h.command('UHR', '/exit-survey', '<@U0002|person2>');
    expect(reply.text).toBe(
      'Exit survey for <@U0002> scheduled for 2026-11-23 at 10:00 their time (America/New_York). Their answers are anonymous and pooled with others who left.',
    );
    const delivery = await h.app.database.collections.deliveries.findOne({});
    expect(delivery?.sendAt.toISOString()).toBe('2026-11-23T15:00:00.000Z');
    const again = await h.command('UHR', '/exit-survey', '<@U0002|person2>');
    expect(again.text).toMatch(/^An exit survey for <@U0002> is already scheduled for 2026-11-23/);
  });

  it('bad arguments get the usage line; an unknown person is named', async () => {
    expect((await h.command('UHR', '/exit-survey', '')).text).toMatch(/^Usage: `\/exit-survey @person/);
    expect((await h.command('UHR', '/exit-survey', '<@U0003> 2020-01-01')).text).toBe(
      '2020-01-01 is not a valid date between today and a year from now. Use YYYY-MM-DD.',
    );
    expect((await h.command('UHR', '/exit-survey', '<@U9999>')).text).toMatch(/^I do not know <@U9999> yet/);
  });

  it('it is delivered at the time, in the language HR chose, and the leaver can answer reasons (multi-select)', async () => {
    expect((await h.command('UHR', '/exit-survey', '<@U0003> 2026-11-24 sv')).text).toContain('2026-11-24');
    h.clock.set(h.clock.now().plus({ days: 2 }));
    h.app.delivery.kick();
    await eventually(() => promptOf('U0003', 'exit:2026-Q4') !== undefined);
    await h.app.delivery.idle();
    expect((await h.app.database.collections.eventRequests.findOne({ _id: exitRequestId('slack:T0TEST:U0003') }))?.state).toBe('sent');
    const prompt = promptOf('U0003', 'exit:2026-Q4');
    expect(textOf(prompt)).toContain('Avgångsenkät');
    const state = { 'q:exit-reasons:a': { 'pulse:multi:exit-reasons': { type: 'checkboxes', selected_options: [{ value: 'pay' }, { value: 'growth' }] } } };
    expect(await h.click(prompt as PostedMessage, 'pulse:multi-submit:exit-reasons', state)).toBe(200);
    const stored = await h.app.database.collections.responses.find({ questionId: 'exit-reasons' }).toArray();
    expect(stored.map((r) => r.value)).toEqual([['growth', 'pay']]);
    expect(stored[0]?.roundId).toBe('exit:2026-Q4');
    // Filed under the leaver's department (Sales has 6 people, at least k), so pooled exit results can break down by it.
    expect(stored[0]?.segment).toBe('slack:T0TEST:sales');
  });

  it('HR can withdraw a sent exit survey: no more answers, the prompt closes, and the reply does not say whether it was answered', async () => {
    const reply = await h.command('UHR', '/exit-survey', 'cancel <@U0003>');
    expect(reply.text).toBe(
      'The exit survey for <@U0003> is withdrawn: it takes no more answers. Anything already answered stays anonymous in the pooled results.',
    );
    const prompt = promptOf('U0003', 'exit:2026-Q4') as PostedMessage;
    const before = await h.app.database.collections.responses.countDocuments({});
    const rating = JSON.stringify(prompt.blocks).match(/"action_id":"(pulse:[a-z]+:exit-rate-pay[^"]*)"/)?.[1] ?? '';
    expect(rating).not.toBe('');
    expect(await h.click(prompt, rating)).toBe(200);
    expect(await h.app.database.collections.responses.countDocuments({})).toBe(before);
    h.app.delivery.kick();
    await eventually(async () => (await h.app.database.collections.eventRequests.findOne({ _id: exitRequestId('slack:T0TEST:U0003') }))?.state === 'expired');
    expect((await h.command('UHR', '/exit-survey', 'cancel <@U0003>')).text).toBe('There is no open exit survey for <@U0003> to cancel.');
  });

  it('exit results are for HR and admins; until a pool passes the threshold they say so', async () => {
    expect((await h.command('U0006', '/pulse', 'results exit')).text).toBe('Exit results are for HR and admins.');
    expect((await h.command('UHR', '/pulse', 'results exit')).text).toBe(
      'No exit results to show yet. Answers are pooled quarter by quarter and shown once at least 5 people have answered.',
    );
  });

  it('HR can cancel an exit survey that has not been sent', async () => {
    expect((await h.command('UHR', '/exit-survey', '<@U0005> 2026-12-01')).text).toContain('2026-12-01');
    expect((await h.command('UHR', '/exit-survey', 'cancel <@U0005>')).text).toBe('The exit survey for <@U0005> is cancelled. Nothing will be sent.');
    expect((await h.command('UHR', '/exit-survey', 'cancel <@U0005>')).text).toBe('There is no open exit survey for <@U0005> to cancel.');
  });

  it('pulse prompts and App Home speak each person’s language (nb, sv)', async () => {
    await h.command('UADMIN', '/pulse', 'send-now');
    const today = 'pulse:2026-11-24';
    await eventually(() => promptOf('U0004', today) !== undefined && promptOf('U0005', today) !== undefined && promptOf('U0001', today) !== undefined);
    await h.app.delivery.idle(); // the deliveries are recorded as sent just after Slack answers
    expect(textOf(promptOf('U0004', today))).toContain('Svarene dine er anonyme');
    expect(textOf(promptOf('U0005', today))).toContain('Dina svar är anonyma');
    expect(textOf(promptOf('U0001', today))).toContain('Your answers are anonymous');
    await h.event({ type: 'app_home_opened', user: 'U0004', channel: 'DU0004', tab: 'home', event_ts: '1.1' }, { eventId: 'EvNb' });
    await eventually(() => h.fake.callsTo('views.publish').length === 1);
    const home = JSON.stringify(h.fake.callsTo('views.publish')[0]?.params.view);
    expect(home).toContain('Pulsmåling');
    expect(home).not.toContain('Siste resultater');
  });

  it('App Home for an employee shows open surveys; for a leader also results', async () => {
    await h.command('UADMIN', '/pulse', 'role add <@U0006> leader sales');
    const person = await h.app.database.collections.people.findOne({ userId: 'U0006' });
    expect(person?.roles).toEqual(['leader']);
    expect(person?.leads).toEqual(['slack:T0TEST:sales']);
    await h.event({ type: 'app_home_opened', user: 'U0001', channel: 'DU0001', tab: 'home', event_ts: '1.3' }, { eventId: 'EvEmployee' });
    await h.event({ type: 'app_home_opened', user: 'U0006', channel: 'DU0006', tab: 'home', event_ts: '1.4' }, { eventId: 'EvLeader' });
    await eventually(() => h.fake.callsTo('views.publish').length === 3);
    // Events are acknowledged at once and handled concurrently: tell the two views apart by user.
    const viewOf = (userId: string) => JSON.stringify(h.fake.callsTo('views.publish').find((c) => c.params.user_id === userId)?.params.view);
    const [employee, leader] = [viewOf('U0001'), viewOf('U0006')];
    expect(employee).toContain('Open surveys');
    expect(employee).toContain('Pulse survey: open until');
    expect(employee).not.toContain('Latest results you can see');
    expect(leader).toContain('Latest results you can see');
    expect(leader).toContain('No results yet');
  });
});
