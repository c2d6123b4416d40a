import type { Agenda } from 'agenda';
import type { SummarySchedule } from '../src/domain/summary/summary-schedule.js';
import type { PlatformRegistry } from '../src/services/deliver-due.js';
import type { ServiceDeps } from '../src/services/deps.js';
import { loadSummaryContext } from '../src/services/summary-context.js';
import { sendDueSummaries } from '../src/services/summary-delivery.js';
import { DEFAULT_SURVEY_ID } from '../src/services/surveys.js';

export const SUMMARY_JOB = 'pulsebot:summaries';

export interface SummaryJobOptions {
  readonly platforms: PlatformRegistry;
  readonly schedule: SummarySchedule;
}

/**
 * Every minute: sends the weekly summaries that are due on each reader's own clock
 * (src/services/summary-delivery.ts). agenda's lock runs it in one process at a time; the
 * once-a-week guarantee rests on the summary's unique claim, not on the lock.
 */
export function defineSummaryJob(agenda: Agenda, deps: ServiceDeps, options: SummaryJobOptions): void {
  agenda.define(
    SUMMARY_JOB,
    async () => {
      // Keeps this process's summary context warm, and snapshots a newly closed round's counters
      // within a minute, so 08:00 and `/pulse results` find them ready.
      await loadSummaryContext(deps, DEFAULT_SURVEY_ID);
      await sendDueSummaries(deps, options.platforms, { schedule: options.schedule });
    },
    { concurrency: 1, lockLimit: 1, lockLifetime: 10 * 60_000 },
  );
}
