import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PlatformName } from '../ports/chat-platform.js';
import type { Metrics, SendFailure } from '../ports/metrics.js';

/** Figures read when Prometheus scrapes, not kept up to date on every change. */
export interface ScrapedFigures {
  /** Prompts due now and not yet sent (pending, sendAt passed). */
  deliveriesDue(): Promise<number>;
  /** Rounds taking answers. */
  openRounds(): Promise<number>;
}

/**
 * Slack wants every click answered within 3 s; the buckets are finer below that, where a
 * regression shows first.
 */
const ACK_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5];

/**
 * pulsebot's metrics on their own registry (one per app, so tests can run several apps in one
 * process), with Node's default process metrics (CPU, memory, event-loop lag) under `pulsebot_`.
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly sent: Counter<'platform'>;
  private readonly failed: Counter<'platform' | 'reason'>;
  private readonly limited: Counter<'platform'>;
  private readonly ack: Histogram<'platform'>;
  private readonly shed: Counter<'platform'>;
  private readonly jobs: Counter<'job' | 'outcome'>;
  private readonly dbErrors: Counter;

  constructor(figures: ScrapedFigures) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'pulsebot_' });
    this.sent = new Counter({ name: 'pulsebot_prompts_sent_total', help: 'Prompts and reminders the platform accepted.', labelNames: ['platform'], registers });
    this.failed = new Counter({
      name: 'pulsebot_prompts_failed_total',
      help: 'Send attempts that failed (retried later unless given up).',
      labelNames: ['platform', 'reason'],
      registers,
    });
    this.limited = new Counter({
      name: 'pulsebot_platform_rate_limited_total',
      help: 'Calls the platform answered with a rate limit (429).',
      labelNames: ['platform'],
      registers,
    });
    this.ack = new Histogram({
      name: 'pulsebot_answer_ack_seconds',
      help: 'Time from a click on a prompt to its answer to the platform.',
      labelNames: ['platform'],
      buckets: ACK_BUCKETS,
      registers,
    });
    this.shed = new Counter({
      name: 'pulsebot_answers_shed_total',
      help: 'Clicks answered "try again in a minute", unrecorded, because the answer path was full.',
      labelNames: ['platform'],
      registers,
    });
    this.jobs = new Counter({ name: 'pulsebot_jobs_total', help: 'Scheduled jobs run, by outcome.', labelNames: ['job', 'outcome'], registers });
    this.dbErrors = new Counter({ name: 'pulsebot_database_errors_total', help: 'Database commands that failed.', registers });
    new Gauge({
      name: 'pulsebot_deliveries_due',
      help: 'Prompts due and not yet sent.',
      registers,
      async collect() {
        this.set(await figures.deliveriesDue());
      },
    });
    new Gauge({
      name: 'pulsebot_rounds_open',
      help: 'Rounds taking answers.',
      registers,
      async collect() {
        this.set(await figures.openRounds());
      },
    });
  }

  promptSent(platform: PlatformName): void {
    this.sent.inc({ platform });
  }

  promptFailed(platform: PlatformName, reason: SendFailure): void {
    this.failed.inc({ platform, reason });
  }

  rateLimited(platform: PlatformName): void {
    this.limited.inc({ platform });
  }

  answerAcknowledged(platform: PlatformName, seconds: number): void {
    this.ack.observe({ platform }, seconds);
  }

  answerShed(platform: PlatformName): void {
    this.shed.inc({ platform });
  }

  jobRun(job: string, outcome: 'ok' | 'failed'): void {
    this.jobs.inc({ job, outcome });
  }

  databaseError(): void {
    this.dbErrors.inc();
  }

  /** The text Prometheus scrapes. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
