import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { PROMPT_EVENT_TYPE } from '../../adapters/slack/action-value.js';
import { connectDatabase, type Database } from '../../src/store/database.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { postSigned, slashCommandBody } from '../fakes/slack-signing.js';
import { freePort, startAppProcess, type AppProcess } from '../support/child-process-app.js';
import { SIGNING_SECRET, TEAM, users } from '../support/slack-harness.js';

// The size: a fan-out to 2,000 people, killed (SIGKILL, a real child process) at random
// moments: once in the first second after the round is started (the fan-out itself may be half
// written), then twice while prompts are going out.
const PEOPLE = Number(process.env.CRASH_PEOPLE ?? 2000);
const APP_ID = 'A0PULSEBOT';

describe('Slack: a fan-out killed with SIGKILL and restarted', () => {
  let fake: FakeSlackApi;
  let database: Database;
  let env: Record<string, string>;
  let app: AppProcess | null = null;
  const log: string[] = [];
  /** Warnings and errors the killed processes logged, shown if the test fails. */
  const warnings: string[] = [];

  beforeAll(async () => {
    fake = await FakeSlackApi.start({ teamId: TEAM });
    fake.users = [...users(PEOPLE), { id: 'UADMIN', tz: 'Europe/Oslo', locale: 'en-US', profile: { email: 'admin@example.com' } }];
    const port = await freePort();
    const dbName = `crash_${randomBytes(6).toString('hex')}`;
    env = {
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: dbName,
      PULSE_SECRET: 'crash-secret-crash-secret-crash-secret-0123',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: fake.url,
      SLACK_MESSAGES_PER_SECOND: '0',
      PULSE_ADMINS: 'slack:UADMIN',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      // Slack retries a report the app did not take after 1 s and 35 s more here (1 and 5
      // minutes in production); the app waits out that window before judging a claim. A restart
      // slower than the window would (by design) give the claim up rather than risk a duplicate.
      PULSEBOT_TEST_CONFIRMATION_WINDOW_MS: '40000',
      PULSEBOT_TEST_CLAIM_LEASE_MS: '41000',
    };
    fake.reportPostsTo({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      appId: APP_ID,
      retryDelaysMs: [1000, 35_000],
      metadataTypes: [PROMPT_EVENT_TYPE],
    });
    database = await connectDatabase(inject('mongoUri'), dbName);
    app = await startAppProcess(env);
    await until(async () => (await database.collections.people.countDocuments({ active: true })) === PEOPLE + 1, 60_000);
  }, 120_000);

  afterAll(async () => {
    await app?.kill();
    await fake.events?.settled();
    await database.db.dropDatabase();
    await database.close();
    await fake.stop();
  });

  /** Polls a database condition (every 250 ms: each check scans a collection). */
  async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
    const end = performance.now() + ms;
    while (!(await check())) {
      if (performance.now() > end) {
        const states = await database.collections.deliveries
          .aggregate<{ _id: string; n: number }>([{ $group: { _id: { s: '$state', e: '$lastError', a: '$attempts' }, n: { $sum: 1 } } }])
          .toArray();
        throw new Error(
          `not settled in time; ${log.join('; ')}; ${prompts().length} prompts; deliveries ${JSON.stringify(states)}; stderr: ${app?.stderr.slice(-8).join(' | ') ?? ''}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const prompts = () => fake.messages.filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === PROMPT_EVENT_TYPE);
  // Every prompt that went out in this test belongs to the send-now round: the next scheduled
  // round sends at 10:00 local tomorrow (asserted below through the per-person count).

  async function crashAndRestart(why: string): Promise<void> {
    await app?.kill();
    warnings.push(...(app?.stderr ?? []).filter((line) => line.includes('"level":40') || line.includes('"level":50')).map((line) => line.slice(0, 300)));
    const killedAt = performance.now();
    const out = prompts().length;
    app = await startAppProcess(env);
    log.push(`${why}: killed with ${out} prompts out, back in ${((performance.now() - killedAt) / 1000).toFixed(1)} s`);
  }

  it(`sends every one of ${PEOPLE + 1} people exactly one prompt across three kills`, async () => {
    const body = slashCommandBody({ command: '/pulse', text: 'send-now', user_id: 'UADMIN', team_id: TEAM, response_url: fake.responseUrl('send-now') });
    const started = await postSigned(`http://127.0.0.1:${env.PORT ?? ''}/slack/events`, body, {
      signingSecret: SIGNING_SECRET,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(started.status).toBe(200);

    // Killed within a second of the round being written (a send-now the process died before
    // acting on was never started: the admin saw no "started" reply and sends it again).
    await until(async () => (await database.collections.rounds.countDocuments({ surveyId: 'pulse' })) > 0, 30_000);
    await new Promise((resolve) => setTimeout(resolve, randomInt(0, 1000)));
    await crashAndRestart('within a second of the round starting');
    for (const share of [randomInt(10, 45), randomInt(55, 90)]) {
      const target = Math.floor((PEOPLE * share) / 100);
      await until(() => Promise.resolve(prompts().length >= target), 120_000);
      await crashAndRestart(`at ${share}%`);
    }

    // Finished when no delivery is waiting or claimed any more (claims a kill left are settled
    // after the lease: recorded from Slack's report, or sent again when Slack never saw them).
    // (Only the send-now round counts: the next scheduled round may open meanwhile, sending later.)
    const round = await database.collections.rounds.findOne({ sendNow: true });
    const roundId = round?._id ?? 'none';
    await until(
      async () =>
        (await database.collections.deliveries.countDocuments({ roundId, state: { $in: ['pending', 'claimed'] } })) === 0 &&
        (await database.collections.deliveries.countDocuments({ roundId })) === PEOPLE + 1,
      180_000,
    );

    const perPerson = new Map<string, number>();
    for (const prompt of prompts()) perPerson.set(prompt.user ?? '?', (perPerson.get(prompt.user ?? '?') ?? 0) + 1);
    const twice = [...perPerson].filter(([, n]) => n > 1).map(([user]) => user);
    const none = fake.users.map((u) => u.id).filter((id) => !perPerson.has(id));
    const missed = await database.collections.deliveries.find({ personKey: { $in: none.map((id) => `slack:${TEAM}:${id}`) } }).toArray();
    expect({ twice, none, log }, JSON.stringify({ missed, warnings: [...warnings, ...(app?.stderr ?? [])].slice(-20) })).toEqual({ twice: [], none: [], log });
    expect(perPerson.size).toBe(PEOPLE + 1);
    const states = await database.collections.deliveries
      .aggregate<{ _id: string; n: number }>([{ $match: { roundId } }, { $group: { _id: '$state', n: { $sum: 1 } } }])
      .toArray();
    expect(states).toEqual([{ _id: 'sent', n: PEOPLE + 1 }]);
  }, 600_000);
});
