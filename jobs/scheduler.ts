import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import type { Pulse } from '../src/pulse/index.js';
import { JOBS } from './job-names.js';
import { defineRetentionJob } from './retention-job.js';
import type { RetryOptions } from './retry-policy.js';
import { defineSummaryJob, SUMMARY_JOB } from './summary-job.js';
import { defineTickJob } from './tick-job.js';
import { defineWebhooksJob } from './webhooks-job.js';

export interface Scheduler {
  start(): Promise<void>;
  /** Stops taking jobs, lets a running one finish within `timeoutMs`, and releases locks. */
  stop(timeoutMs: number): Promise<void>;
  /** Runs a job now (operators, tests), with `data` as its payload. */
  runNow(name: string, data: unknown): Promise<void>;
}

export interface SchedulerOptions {
  readonly retentionMonths: number;
  /** Backoff for failed jobs (the tests shorten it). */
  readonly retry?: RetryOptions;
  /** Weekly summaries to leaders and HR; without it none are sent. */
  readonly summaries: boolean;
  /** How often agenda looks for due jobs (ms; default 10 s; the tests shorten it). */
  readonly pollMs?: number;
}

/**
 * agenda on the app's own database (collection `agenda_jobs`), sharing its MongoClient. On real
 * MongoDB its locks let several pulsebot processes run side by side; each job is also safe to run
 * twice, since every write it makes is idempotent.
 */
export function createScheduler(pulse: Pulse, options: SchedulerOptions): Scheduler {
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: pulse.jobs.database, collection: 'agenda_jobs' }),
    processEvery: options.pollMs ?? 10_000,
    defaultLockLifetime: 10 * 60_000,
  });
  const logger = pulse.logger.child({ component: 'scheduler' });
  // agenda reports a failed lock or poll (the database away for a moment) as an 'error' event:
  // without a listener Node would end the process; the next poll simply tries again.
  agenda.on('error', (error: Error) => logger.warn({}, `scheduler could not reach its jobs (retrying at the next poll): ${error.message}`));
  agenda.on('success', (job: { attrs: { name: string } }) => pulse.metrics?.jobRun(job.attrs.name, 'ok'));
  agenda.on('fail', (error: Error, job: { attrs: { name: string } }) => {
    pulse.metrics?.jobRun(job.attrs.name, 'failed');
    if (error.name === 'BadJobPayload') logger.error({ job: job.attrs.name }, `job has a bad payload and failed: ${error.message}`);
    else logger.warn({ job: job.attrs.name }, `job failed (retried with backoff): ${error.message}`);
  });
  defineTickJob(agenda, pulse);
  defineWebhooksJob(agenda, pulse);
  defineRetentionJob(agenda, pulse, options.retry);
  if (options.summaries) defineSummaryJob(agenda, pulse);
  return {
    async start() {
      await agenda.start();
      await agenda.every('1 minute', JOBS.tick);
      await agenda.every('1 minute', JOBS.webhooks);
      await agenda.every('1 day', JOBS.retention, { months: options.retentionMonths });
      if (options.summaries) await agenda.every('1 minute', SUMMARY_JOB);
    },
    async runNow(name, data) {
      await agenda.now(name, data);
    },
    async stop(timeoutMs) {
      await agenda.drain({ timeout: timeoutMs, closeConnection: false });
      await agenda.stop(false);
    },
  };
}
