import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

describe('the agenda scheduler on the app’s MongoDB', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    // Sunday noon UTC: the default weekly pulse (Mondays 10:00 local) opens its first round
    // once Monday has begun somewhere on earth, which it has.
    h = await startSlackHarness({ people: users(4), now: '2026-11-29T12:00:00Z', app: { timings: { scheduler: true, schedulerPollMs: 500 } } });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('registers its recurring jobs and opens the due round by itself, with deliveries at each person’s 10:00', async () => {
    const jobs = h.app.database.db.collection('agenda_jobs');
    await eventually(async () => (await jobs.countDocuments({ name: { $in: ['pulsebot:tick', 'pulsebot:retention'] } })) === 2, 15_000);
    await eventually(async () => (await h.app.database.collections.deliveries.countDocuments({ roundId: 'pulse:2026-11-30' })) === 6, 30_000);
    const deliveries = await h.app.database.collections.deliveries.find({ roundId: 'pulse:2026-11-30' }).toArray();
    const times = new Set(deliveries.map((d) => d.sendAt.toISOString()));
    // Oslo 09:00Z, New York 15:00Z, Kolkata 04:30Z
    expect([...times].sort()).toEqual(['2026-11-30T04:30:00.000Z', '2026-11-30T09:00:00.000Z', '2026-11-30T15:00:00.000Z']);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  }, 60_000);
});
