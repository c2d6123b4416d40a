import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueSummaries } from '../../src/services/summary-delivery.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';
import { seedClosedRound, spread } from '../support/summary-seed.js';

const SCHEDULE = { weekday: 1, time: '08:00' } as const;
const SALES = ['U0001', 'U0002', 'U0003', 'U0004', 'U0005', 'U0006'];
const SUPPORT = ['U0007', 'U0008', 'U0009', 'U0010', 'U0011', 'U0012'];
const text = (m: PostedMessage | undefined) => `${m?.text ?? ''} ${JSON.stringify(m?.blocks ?? [])}`;

/** Issue #19 through the real Bolt app: an action committed from a summary reaches the team, the next round, and the next summary. */
describe('Slack: an action committed from the weekly summary', () => {
  let h: SlackHarness;
  const summaryOf = (user: string) =>
    h.fake
      .messagesTo(user)
      .filter((m) => text(m).includes('Weekly summary'))
      .at(-1);

  beforeAll(async () => {
    h = await startSlackHarness({
      people: users(12),
      groups: [
        { id: 'S1', handle: 'sales', name: 'Sales', users: SALES },
        { id: 'S2', handle: 'support', name: 'Support', users: SUPPORT },
      ],
      now: '2026-11-23T06:00:00Z',
    });
    await h.command('UADMIN', '/pulse', 'role add <@U0004> leader sales');
    // Last week's round: autonomy (which this week's round asks again) is weak in sales (every answer 2 of 5).
    await seedClosedRound(h.app.deps, {
      surveyId: 'pulse',
      date: '2026-11-16',
      segmentParents: { 'slack:T0TEST:sales': null, 'slack:T0TEST:support': null },
      bySegment: {
        'slack:T0TEST:sales': {
          respondents: 6,
          invited: 6,
          enps: spread(6, [9, 8]),
          likert: { 'autonomy-2': spread(6, [2]) },
          comments: ['We never get to decide how we work', 'Too many approvals'],
        },
        'slack:T0TEST:support': { respondents: 6, invited: 6, enps: spread(6, [9, 8]), likert: { 'autonomy-2': spread(6, [4]) } },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('Commit opens a modal with the suggestion; the team hears of it; the next round asks the team; the next summary shows before and now', async () => {
    h.clock.set(DateTime.fromISO('2026-11-23T07:00:00Z', { zone: 'utc' }));
    await sendDueSummaries(h.app.deps, h.app.platforms, { schedule: SCHEDULE });
    const summary = summaryOf('U0004') as PostedMessage;
    expect(text(summary)).toContain('Commit: Autonomy');

    // Commit: the modal holds the catalog's suggestion, to keep or rewrite, and a due date.
    expect(await h.click(summary, 'pulse:plan:commit:0')).toBe(200);
    await eventually(() => h.fake.callsTo('views.open').length === 1);
    const view = h.fake.callsTo('views.open')[0]?.params.view as Record<string, unknown>;
    const suggestion = /"initial_value":"([^"]+)"/.exec(JSON.stringify(view))?.[1] ?? '';
    expect(suggestion.length).toBeGreaterThan(20);
    const bad = await h.submitView('U0004', view, { words: { text: { value: ' ' } }, due: { date: { selected_date: '2026-11-01' } } });
    expect(bad.body).toContain('Write what you will do');
    expect(await h.app.database.collections.actions.countDocuments({})).toBe(0);
    const kept = suggestion;
    const submitted = await h.submitView('U0004', view, { words: { text: { value: kept } }, due: { date: { selected_date: '2026-12-18' } } });
    expect(submitted.status).toBe(200);
    await eventually(() => h.fake.messagesTo('U0004').some((m) => (m.text ?? '').startsWith('Committed:')));
    const [action] = await h.app.database.collections.actions.find({}).toArray();
    expect(action).toMatchObject({
      segment: 'slack:T0TEST:sales',
      driver: 'autonomy',
      words: { catalogKey: expect.stringMatching(/^action\.autonomy\.[12]$/) as unknown },
      owner: 'slack:T0TEST:U0004',
    });

    // "You said, we're doing": every member of sales, nobody in support.
    h.app.delivery.kick();
    await h.app.delivery.idle();
    await eventually(() => SALES.every((u) => h.fake.messagesTo(u).some((m) => text(m).includes('You said, we’re doing'))));
    expect(SUPPORT.some((u) => h.fake.messagesTo(u).some((m) => text(m).includes('You said, we’re doing')))).toBe(false);

    // The next round asks sales whether it made a difference; support's prompt does not.
    const reply = await h.command('UADMIN', '/pulse', 'send-now');
    await eventually(() => h.responses(reply.responseUrlId).length > 0);
    await eventually(() => [...SALES, ...SUPPORT].every((u) => h.fake.messagesTo(u).some((m) => text(m).includes('pulse:answer:'))));
    await h.app.delivery.idle();
    const promptOf = (u: string) => h.fake.messagesTo(u).find((m) => text(m).includes('pulse:answer:')) as PostedMessage;
    const followUp = `pulse:answer:action-${action?._id ?? ''}`;
    expect(text(promptOf('U0001'))).toContain('made a difference?');
    expect(text(promptOf('U0007'))).not.toContain('made a difference?');
    const [round] = await h.app.deps.store.rounds.openRounds();
    const autonomy = round?.questionIds.find((id) => id.startsWith('autonomy-'));
    expect(autonomy).toBeDefined();
    for (const u of SALES) {
      expect(await h.click(promptOf(u), `${followUp}:${u === 'U0001' ? 'not_yet' : 'yes'}`)).toBe(200);
      expect(await h.click(promptOf(u), `pulse:answer:${autonomy ?? ''}:5`)).toBe(200);
    }
    await eventually(async () => (await h.app.database.collections.responses.countDocuments({ questionId: `action-${action?._id ?? ''}` })) === 6);

    // The round closes; next Monday's summary lists the action with what the team said.
    h.clock.set(DateTime.fromISO('2026-11-30T07:00:00Z', { zone: 'utc' }));
    h.app.delivery.kick();
    await eventually(async () => (await h.app.deps.store.rounds.get(round?._id ?? ''))?.state === 'closed', 15_000);
    await sendDueSummaries(h.app.deps, h.app.platforms, { schedule: SCHEDULE });
    const next = text(summaryOf('U0004'));
    expect(next).toContain('Your actions');
    expect(next).toContain(`${kept} (Sales): Planned, due 2026-12-18`);
    expect(next).toMatch(/Has it made a difference \(2026-11-2\d\)\? Yes 5 · Somewhat 0 · Not yet 1 \(6 answers\)/);
    expect(next).toMatch(/Autonomy: 0 % favourable when committed \(2026-11-16\), 100 % now \(2026-11-2\d\)/);
    expect(next).toContain('pulse:plan:status:');
  }, 120_000);

  it('the leader replies to the summary’s comments from a form: an acknowledgement to one, words to another', async () => {
    const first = h.fake.messagesTo('U0004').find((m) => text(m).includes('Weekly summary')) as PostedMessage;
    expect(text(first)).toContain('Reply to these comments');
    const opened = h.fake.callsTo('views.open').length;
    expect(await h.click(first, 'pulse:summary-replies:0')).toBe(200);
    await eventually(() => h.fake.callsTo('views.open').length === opened + 1);
    const view = h.fake.callsTo('views.open').at(-1)?.params.view as Record<string, unknown>;
    const shown = JSON.stringify(view);
    expect(shown).toContain('Too many approvals');
    expect(shown).toContain('We never get to decide how we work');
    const order = ['We never get to decide how we work', 'Too many approvals'].sort((a, b) => shown.indexOf(a) - shown.indexOf(b));

    expect((await h.submitView('U0004', view, {})).body).toContain('Pick an acknowledgement or write a reply');
    const sent = await h.submitView('U0004', view, {
      'ack-0': { v: { type: 'static_select', selected_option: { value: 'thanks' } } },
      'reply-1': { v: { type: 'plain_text_input', value: 'Which approvals slow you down most?' } },
    });
    expect(sent.status).toBe(200);
    await eventually(() => h.fake.messagesTo('U0004').some((m) => (m.text ?? '').startsWith('Sent 2.')));
    const comments = await h.app.database.collections.comments.find({ roundId: 'pulse:2026-11-16' }).toArray();
    const conversation = async (words: string) =>
      (await h.app.database.collections.conversations.findOne({ _id: comments.find((c) => c.text === words)?._id ?? '' }))?.messages;
    expect(await conversation(order[0] ?? '')).toEqual([{ kind: 'ack', from: 'leader', ack: 'thanks' }]);
    expect(await conversation(order[1] ?? '')).toEqual([{ kind: 'reply', from: 'leader', text: 'Which approvals slow you down most?' }]);
  }, 60_000);
});
