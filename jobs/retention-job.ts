import type { Agenda, Job } from 'agenda';
import { z } from 'zod';
import type { Logger } from '../src/ports/logger.js';
import type { ServiceDeps } from '../src/services/deps.js';
import { applyRetention } from '../src/services/retention.js';
import { JOBS } from './job-names.js';

export const retentionPayloadSchema = z.object({ months: z.number().int().min(1).max(120) });

/**
 * Daily: deletes raw answers older than the retention window (counters stay) and old
 * deliveries. A payload that does not parse fails this run with one log line and is not retried.
 */
export function defineRetentionJob(agenda: Agenda, deps: ServiceDeps, logger: Logger): void {
  agenda.define(JOBS.retention, async (job: Job<unknown>) => {
    const payload = retentionPayloadSchema.safeParse(job.attrs.data);
    if (!payload.success) {
      logger.error({ job: JOBS.retention }, `bad payload, skipped: ${payload.error.issues[0]?.message ?? 'invalid'}`);
      return;
    }
    await applyRetention(deps, payload.data.months);
  });
}
