import type { Agenda } from 'agenda';
import type { Pulse } from '../src/pulse/index.js';

export const SUMMARY_JOB = 'pulsebot:summaries';

/**
 * Every minute: sends the weekly summaries that are due on each reader's own clock. agenda's
 * lock runs it in one process at a time; the once-a-week guarantee rests on the summary's unique
 * claim, not on the lock.
 */
export function defineSummaryJob(agenda: Agenda, pulse: Pulse): void {
  agenda.define(SUMMARY_JOB, () => pulse.jobs.summaries(), { concurrency: 1, lockLimit: 1, lockLifetime: 10 * 60_000 });
}
