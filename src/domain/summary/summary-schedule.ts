import type { DateTime, WeekdayNumbers } from 'luxon';

/** When weekly summaries go out, in each reader's own time zone. */
export interface SummarySchedule {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: WeekdayNumbers;
  /** `HH:mm`, local. */
  readonly time: string;
}

export const DEFAULT_SUMMARY_SCHEDULE: SummarySchedule = { weekday: 1, time: '08:00' };

/** The ISO week of a local date-time, `2026-W48`: the key that makes a summary once a week. */
export function isoWeekKey(local: DateTime): string {
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

/** How long after its time a summary a process missed (it was down) is still sent. */
export const SUMMARY_CATCH_UP_HOURS = 48;

/**
 * The ISO week whose summary is due at `local` (the reader's own clock), or null: due from the
 * configured weekday and time for SUMMARY_CATCH_UP_HOURS, so a process that was down at the hour
 * still sends it, but not days later. The week is that of the scheduled time, so a catch-up that
 * runs into the next ISO week still counts for the week it belongs to.
 */
export function dueSummaryWeek(local: DateTime, schedule: SummarySchedule): string | null {
  const [hour = 0, minute = 0] = schedule.time.split(':').map(Number);
  let scheduled = local.set({ weekday: schedule.weekday, hour, minute, second: 0, millisecond: 0 });
  if (scheduled > local) scheduled = scheduled.minus({ weeks: 1 });
  return local.diff(scheduled, 'hours').hours < SUMMARY_CATCH_UP_HOURS ? isoWeekKey(scheduled) : null;
}
