import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

describe('the weekly summary job in agenda', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(3), now: '2026-11-23T07:05:00Z', app: { timings: { scheduler: true, schedulerPollMs: 500 } } });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('is registered to run every minute and runs without failing (no round has closed, so nothing is sent)', async () => {
    const jobs = h.app.database.db.collection('agenda_jobs');
    await eventually(async () => (await jobs.findOne({ name: 'pulsebot:summaries', lastFinishedAt: { $ne: null } })) !== null, 30_000);
    const job = await jobs.findOne({ name: 'pulsebot:summaries' });
    expect(job?.repeatInterval).toBe('1 minute');
    expect(job?.failReason ?? null).toBeNull();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await h.app.database.db.collection('summary_deliveries').countDocuments({})).toBe(0);
  }, 60_000);
});
