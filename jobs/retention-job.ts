import type { Agenda, Job } from 'agenda';
import { z } from 'zod';
import type { Pulse } from '../src/pulse/index.js';
import { JOBS } from './job-names.js';
import { BadJobPayload, DEFAULT_RETRIES, retryPolicy, type RetryOptions } from './retry-policy.js';

export const retentionPayloadSchema = z.object({ months: z.number().int().min(1).max(120) });

/**
 * Daily: deletes raw answers older than the retention window (counters stay) and old
 * deliveries. A failure is retried with backoff; a payload that does not parse fails once (one
 * log line, through the scheduler's `fail` handler) and is not retried.
 */
export function defineRetentionJob(agenda: Agenda, pulse: Pulse, retry: RetryOptions = DEFAULT_RETRIES): void {
  agenda.define(
    JOBS.retention,
    async (job: Job<unknown>) => {
      const payload = retentionPayloadSchema.safeParse(job.attrs.data);
      if (!payload.success) {
        const issue = payload.error.issues[0];
        throw new BadJobPayload(
          `${issue?.path.join('.') || 'data'}: ${issue?.message ?? 'invalid'}; it is not retried (the scheduler rewrites it from PULSE_RETENTION_MONTHS at the next start)`,
        );
      }
      await pulse.jobs.retention(payload.data.months);
    },
    { backoff: retryPolicy(retry) },
  );
}
