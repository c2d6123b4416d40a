import type { DateTime } from 'luxon';
import { z } from 'zod';

/** When weekly summaries go out, in each reader's own time zone. */
export interface SummarySchedule {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** `HH:mm`, local. */
  readonly time: string;
}

export const summaryScheduleSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});

export const DEFAULT_SUMMARY_SCHEDULE: SummarySchedule = { weekday: 1, time: '08:00' };

/** The ISO week of a local date-time, `2026-W48`: the key that makes a summary once a week. */
export function isoWeekKey(local: DateTime): string {
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

/**
 * Whether this week's summary is due at `local` (the reader's own clock): from the configured
 * weekday and time on, until the week ends. A process that was down at the hour still sends
 * later that week, and the week's key keeps it to once.
 */
export function summaryDue(local: DateTime, schedule: SummarySchedule): boolean {
  const [hour = 0, minute = 0] = schedule.time.split(':').map(Number);
  if (local.weekday !== schedule.weekday) return local.weekday > schedule.weekday;
  return local.hour > hour || (local.hour === hour && local.minute >= minute);
}
