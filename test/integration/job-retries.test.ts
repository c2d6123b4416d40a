import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOBS } from '../../jobs/job-names.js';
import { retryPolicy } from '../../jobs/retry-policy.js';
import { createScheduler, type Scheduler } from '../../jobs/scheduler.js';
import { createPulse } from '../../src/pulse/index.js';
import type { Logger } from '../../src/ports/logger.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps } from '../support/fixtures.js';
import { eventually } from '../support/slack-harness.js';

/** A logger that keeps every line, to check what an operator would read. */
function recordingLogger(lines: { level: string; msg: string }[]): Logger {
  const at = (level: string) => (_obj: object, msg?: string) => void lines.push({ level, msg: msg ?? '' });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}

describe('agenda jobs: failures retry with backoff, a bad payload fails once', () => {
  let db: TestDatabase;
  let agenda: Agenda | null = null;
  let scheduler: Scheduler | null = null;

  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await agenda?.stop(false);
    await scheduler?.stop(1000);
    agenda = null;
    scheduler = null;
    await db.dispose();
  });

  it('retries a failing job with growing delays, and stops after the last retry', async () => {
    agenda = new Agenda({ backend: new MongoBackend({ mongo: db.database.db, collection: 'agenda_jobs' }), processEvery: 50 });
    const flakyRuns: number[] = [];
    const brokenRuns: number[] = [];
    agenda.define(
      'flaky',
      () => {
        flakyRuns.push(performance.now());
        if (flakyRuns.length < 3) throw new Error('database unreachable');
        return Promise.resolve();
      },
      { backoff: retryPolicy({ delayMs: 200, maxRetries: 4 }) },
    );
    agenda.define(
      'broken',
      () => {
        brokenRuns.push(performance.now());
        throw new Error('always');
      },
      { backoff: retryPolicy({ delayMs: 100, maxRetries: 2 }) },
    );
    await agenda.start();
    await agenda.now('flaky', {});
    await agenda.now('broken', {});

    await eventually(() => flakyRuns.length === 3 && brokenRuns.length === 3, 20_000);
    const [first = 0, second = 0, third = 0] = flakyRuns;
    // The first retry waits about 200 ms, the second about 400 (±10% jitter).
    expect(second - first).toBeGreaterThanOrEqual(170);
    expect(third - second).toBeGreaterThanOrEqual(350);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(flakyRuns).toHaveLength(3); // it succeeded: no more runs
    expect(brokenRuns).toHaveLength(3); // one run and two retries, then it gives up
  }, 30_000);

  it('fails a retention job with a bad payload once, with one clear line, and keeps running other jobs', async () => {
    const lines: { level: string; msg: string }[] = [];
    const deps = { ...testDeps(db.database, '2026-11-23T12:00:00Z'), logger: recordingLogger(lines) };
    let ticks = 0;
    const pulse = createPulse(deps, { platforms: new Map(), deliveryEveryMs: null, summarySchedule: null });
    // The tick job runs the door's tick; counting it is all this test needs of it.
    const counted = { ...pulse, jobs: { ...pulse.jobs, tick: () => Promise.resolve(void ticks++) } };
    scheduler = createScheduler(counted, { retentionMonths: 12, summaries: false, retry: { delayMs: 100, maxRetries: 3 }, pollMs: 500 });
    await scheduler.start();
    await scheduler.runNow(JOBS.retention, { months: 'twelve' });
    await scheduler.runNow(JOBS.tick, {});

    await eventually(() => lines.some((l) => l.msg.includes('bad payload')) && ticks > 0, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const bad = lines.filter((l) => l.msg.includes('bad payload'));
    expect(bad).toHaveLength(1);
    expect(bad[0]?.level).toBe('error');
    expect(bad[0]?.msg).toMatch(/months: .*not retried/);
    expect(ticks).toBeGreaterThan(0);
  }, 60_000);
});
