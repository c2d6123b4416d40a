import type { Agenda } from 'agenda';
import type { Pulse } from '../src/pulse/index.js';
import { JOBS } from './job-names.js';

/**
 * Every minute: send the outgoing webhook messages that are due (retries with backoff; new ones
 * go at once on their own). The messages are stored, so a restart resumes where it stopped.
 */
export function defineWebhooksJob(agenda: Agenda, pulse: Pulse): void {
  agenda.define(
    JOBS.webhooks,
    async () => {
      await pulse.jobs.webhooks();
    },
    { concurrency: 1, lockLimit: 1, lockLifetime: 5 * 60_000 },
  );
}
