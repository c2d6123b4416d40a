import { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/domain/i18n/translate.js';
import { sendDueSummaries } from '../../src/services/summary-delivery.js';
import { checkPng } from '../support/png.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';
import { seedClosedRound, spread } from '../support/summary-seed.js';

const SCHEDULE = { weekday: 1, time: '08:00' } as const;
const team = (n: number, comment: string) => ({
  respondents: n,
  invited: n + 1,
  enps: spread(n, [10, 9, 7, 3]),
  likert: { 'workload-1': spread(n, [2, 3, 4]), 'growth-1': spread(n, [4, 5]) },
  comments: [comment],
});
const blocksText = (blocks: unknown) => JSON.stringify(blocks ?? []);

describe('Slack: weekly summaries and on-demand results', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    // U0004 (Oslo, nb) will lead sales; U0007 (Oslo, sv) leads support. Monday 2026-11-23 06:00 UTC.
    h = await startSlackHarness({
      people: users(12, (i) => (i === 3 ? { locale: 'nb-NO' } : i === 6 ? { locale: 'sv-SE' } : {})),
      groups: [
        { id: 'S1', handle: 'sales', name: 'Sales', users: ['U0001', 'U0002', 'U0003', 'U0004', 'U0005', 'U0006'] },
        { id: 'S2', handle: 'support', name: 'Support', users: ['U0007', 'U0008', 'U0009', 'U0010', 'U0011', 'U0012'] },
      ],
      now: '2026-11-23T06:00:00Z',
    });
    await h.command('UADMIN', '/pulse', 'role add <@U0004> leader sales');
    await h.command('UADMIN', '/pulse', 'role add <@U0007> leader support');
    for (const date of ['2026-11-09', '2026-11-16']) {
      await seedClosedRound(h.app.deps, {
        surveyId: 'pulse',
        date,
        // The user groups' segments: platform segment ids carry the workspace.
        segmentParents: { 'slack:T0TEST:sales': null, 'slack:T0TEST:support': null },
        bySegment: { 'slack:T0TEST:sales': team(6, `sales said something on ${date}`), 'slack:T0TEST:support': team(5, `support said something on ${date}`) },
      });
    }
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('at 08:00 Oslo time each leader and HR gets a Block Kit summary in their DM, in their language, with the chart as a PNG', async () => {
    const send = () => sendDueSummaries(h.app.deps, h.app.platforms, { schedule: SCHEDULE });
    expect(await send()).toEqual({ sent: 0, failed: 0 }); // 07:00 in Oslo
    h.clock.set(DateTime.fromISO('2026-11-23T07:00:00Z', { zone: 'utc' }));
    expect(await send()).toEqual({ sent: 4, failed: 0 }); // two leaders, UADMIN, UHR
    const [leader] = h.fake.messagesTo('U0004');
    expect(leader?.blocks?.[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Ukesoppsummering: Pulse, runden 2026-11-16' } });
    expect(blocksText(leader?.blocks)).toContain('6 av 7 har svart (86 %)');
    expect(blocksText(leader?.blocks)).toContain('Forslag til tiltak');
    expect(blocksText(leader?.blocks)).not.toContain('Support');
    expect(leader?.text).toMatch(/^Ukens oppsummering av pulsmålingen er klar\./);
    expect(blocksText(h.fake.messagesTo('U0007')[0]?.blocks)).toContain('Veckosammanfattning');
    expect(blocksText(h.fake.messagesTo('UHR')[0]?.blocks)).toContain('Weekly summary for the whole organisation');

    expect(h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(4);
    expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(4);
    const chart = h.fake.sharedFiles.find((f) => f.channel_id === 'DU0004');
    expect(chart?.png).toEqual({ width: 800, height: 400 });
    expect(checkPng(chart?.bytes ?? Buffer.alloc(0))).toEqual({ width: 800, height: 400 });
    expect(chart?.title).toBe('eNPS og deltakelse de siste 2 rundene: Sales');
  });

  it('a second pass the same week, or a later one, sends nothing more', async () => {
    const before = h.fake.messages.length;
    expect(await sendDueSummaries(h.app.deps, h.app.platforms, { schedule: SCHEDULE })).toEqual({ sent: 0, failed: 0 });
    h.clock.set(DateTime.fromISO('2026-11-24T09:00:00Z', { zone: 'utc' }));
    expect(await sendDueSummaries(h.app.deps, h.app.platforms, { schedule: SCHEDULE })).toEqual({ sent: 0, failed: 0 });
    expect(h.fake.messages.length).toBe(before);
  });

  it('/pulse results gives the same content privately, only for the caller’s segments', async () => {
    const leader = await h.results('U0004', '');
    expect(leader.status).toBe(200);
    expect(leader.text).toContain('*Ukesoppsummering: Pulse, runden 2026-11-16*');
    expect(leader.text).toContain('6 av 7 har svart (86 %)');
    expect(leader.text).not.toContain('Support');
    expect((await h.results('U0004', 'support')).text).toBe(translator('nb')('cmd.role.unknownSegment', { segment: 'support' }));
    const hr = await h.results('UHR', 'support');
    expect(hr.text).toContain('*Support*');
    expect(hr.text).not.toContain('*Sales*');
    expect((await h.results('U0002', '')).text).toBe('Results are for leaders, HR and admins.');
  });

  it('App Home shows a leader the latest summary', async () => {
    await h.event({ type: 'app_home_opened', user: 'U0007', channel: 'DU0007', tab: 'home', event_ts: '1.1' }, { eventId: 'EvSummaryHome' });
    await eventually(() => h.fake.callsTo('views.publish').length === 1);
    const home = JSON.stringify(h.fake.callsTo('views.publish')[0]?.params.view);
    expect(home).toContain('Veckosammanfattning: Pulse, omgången 2026-11-16');
    expect(home).toContain('5 av 6 har svarat (83 %)');
  });

  it('the fake Slack API refuses a .png upload whose bytes are not a PNG', async () => {
    const client = new WebClient('xoxb-test-token', { slackApiUrl: h.fake.url, retryConfig: { retries: 0 } });
    await expect(client.filesUploadV2({ channel_id: 'DU0001', filename: 'chart.png', file: Buffer.from('not a png') })).rejects.toMatchObject({
      data: { ok: false, error: 'invalid_file_type' },
    });
  });
});

describe('Slack: /pulse results that take longer than Slack waits', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    // A zero budget: every results reply takes the late path, as a cold process would.
    h = await startSlackHarness({ people: users(2), app: { timings: { slackResultsBudgetMs: 0 } } });
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('answers "on its way" in the ack, then sends the results once through response_url', async () => {
    const t = translator('en');
    const reply = await h.command('UADMIN', '/pulse', 'results');
    expect([reply.status, reply.text]).toEqual([200, t('summary.preparing')]);
    await eventually(() => h.responses(reply.responseUrlId).length > 0);
    await h.app.delivery.idle();
    expect(h.responses(reply.responseUrlId)).toEqual([t('results.none')]);
  });
});
