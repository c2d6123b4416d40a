import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '../../app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { ManualClock } from '../../src/ports/clock.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { postSigned, slashCommandBody } from '../fakes/slack-signing.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

const TOKEN = 'metrics-token-0123456789';

/** One sample's value from Prometheus' text format, or null when the line is not there. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe('operations: /metrics and /readyz on a Slack install', () => {
  let h: SlackHarness;
  let origin: string;

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(6), env: { PULSE_METRICS_TOKEN: TOKEN } });
    origin = new URL(h.base).origin;
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('counts prompts sent and rate limits per platform, open rounds and prompts due, and names nobody', async () => {
    h.fake.failNext('chat.postMessage', 2, 0);
    await h.command('UADMIN', '/pulse', 'send-now');
    await eventually(() => h.fake.messages.length === 8);
    await h.app.delivery.idle();

    expect((await fetch(`${origin}/metrics`)).status).toBe(401);
    const response = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'pulsebot_prompts_sent_total{platform="slack"}')).toBe(8);
    expect(sample(text, 'pulsebot_platform_rate_limited_total{platform="slack"}')).toBe(2);
    expect(sample(text, 'pulsebot_rounds_open')).toBe(1);
    expect(sample(text, 'pulsebot_deliveries_due')).toBe(0);
    expect(sample(text, 'pulsebot_nodejs_eventloop_lag_seconds')).not.toBeNull();
    // No label carries a person: none of the directory's ids or e-mails appears anywhere.
    for (const person of h.fake.users) {
      expect(text).not.toContain(person.id);
      if (person.profile?.email) expect(text).not.toContain(person.profile.email);
    }
  }, 60_000);

  it('is ready once the database answers and the directory has been synced', async () => {
    const response = await fetch(`${origin}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });
});

describe('operations: before the first directory sync', () => {
  it('/readyz answers 503 naming the directory, and a send-now waits for the sync instead of inviting only the people read so far', async () => {
    const fake = await FakeSlackApi.start({ teamId: 'T0READY' });
    fake.users = [...users(7), { id: 'UADMIN', tz: 'Europe/Oslo', locale: 'en-US', profile: { email: 'admin@example.com' } }];
    fake.failNext('users.list', 1_000, 0);
    const dbName = `ready_${randomBytes(6).toString('hex')}`;
    const signingSecret = 'ready-signing-secret-0123456789';
    const config = loadConfig({
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: dbName,
      PULSE_SECRET: 'ready-secret-ready-secret-ready-secret-0',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: 'xoxb-ready',
      SLACK_API_URL: fake.url,
      SLACK_MESSAGES_PER_SECOND: '0',
      PULSE_ADMINS: 'slack:UADMIN',
      LOG_LEVEL: 'silent',
    });
    const clock = new ManualClock(DateTime.fromISO('2026-11-23T07:00:00Z', { zone: 'utc' }));
    const app = await createApp(config, clock, silentLogger(), { timings: { slackRetries: 0, scheduler: false, closeGraceMs: 0, deliveryEveryMs: 3_600_000 } });
    try {
      const origin = `http://127.0.0.1:${await app.listen(0)}`;
      await eventually(() => fake.callsTo('users.list').length > 0);
      const notReady = await fetch(`${origin}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({ status: 'not_ready', waitingFor: 'directory' });
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);

      const command = slashCommandBody({
        command: '/pulse',
        text: 'send-now',
        user_id: 'UADMIN',
        team_id: 'T0READY',
        response_url: fake.responseUrl('send-now'),
      });
      const answered = await postSigned(`${origin}/slack/events`, command, { signingSecret, contentType: 'application/x-www-form-urlencoded' });
      expect(answered.status).toBe(200);
      // Still unsynced: the command is held, no round opens over an empty directory.
      await app.delivery.idle();
      expect(await app.database.collections.rounds.countDocuments({ kind: 'pulse' })).toBe(0);

      fake.failNext('users.list', 0);
      await app.syncDirectories();
      expect((await fetch(`${origin}/readyz`)).status).toBe(200);
      await eventually(async () => (await app.database.collections.rounds.countDocuments({ kind: 'pulse' })) === 1);
      await eventually(() => fake.callsTo('response_url:send-now').length > 0);
      const round = await app.database.collections.rounds.findOne({ kind: 'pulse' });
      // Everyone the sync found is invited: the seven people and the admin.
      expect(await app.database.collections.deliveries.countDocuments({ roundId: round?._id })).toBe(8);
    } finally {
      await app.close();
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(inject('mongoUri'));
      await client.db(dbName).dropDatabase();
      await client.close();
      await fake.stop();
    }
  }, 60_000);
});
