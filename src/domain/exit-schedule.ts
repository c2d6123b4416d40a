import { DateTime } from 'luxon';

export const EXIT_SEND_TIME = { hour: 10, minute: 0 } as const;
export const EXIT_SURVEY_ID = 'exit';

/** The next Monday–Friday after `now`'s date in `zone`. */
export function nextWorkingDay(now: DateTime, zone: string): string {
  let day = now.setZone(zone).startOf('day').plus({ days: 1 });
  while (day.weekday >= 6) day = day.plus({ days: 1 });
  return day.toISODate() as string;
}

/** `date` at 10:00 in `zone`. */
export function exitSendTime(date: string, zone: string): DateTime {
  return DateTime.fromISO(date, { zone }).set({ ...EXIT_SEND_TIME, second: 0, millisecond: 0 });
}

/** `at` plus `n` working days (Saturdays and Sundays are skipped). */
export function addWorkingDays(at: DateTime, n: number): DateTime {
  let out = at;
  for (let left = n; left > 0;) {
    out = out.plus({ days: 1 });
    if (out.weekday < 6) left--;
  }
  return out;
}

/** First day of the quarter of `date`. */
export function quarterStart(date: string): string {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  return d.set({ month: Math.floor((d.month - 1) / 3) * 3 + 1, day: 1 }).toISODate() as string;
}

/** How many working days before the last day the exit survey goes out, so the leaver still has access. */
export const DAYS_BEFORE_LAST_DAY = 3;

/** `date` minus `n` working days (Saturdays and Sundays are skipped). */
export function workingDaysBefore(date: DateTime, n: number): DateTime {
  let out = date;
  for (let left = n; left > 0;) {
    out = out.minus({ days: 1 });
    if (out.weekday < 6) left--;
  }
  return out;
}

/** The exit survey's day for a leaver whose last day is `lastDay` (their zone): three working days before, or today if that is later. */
export function exitDateForLastDay(lastDay: DateTime, today: DateTime): string {
  return DateTime.max(today.startOf('day'), workingDaysBefore(lastDay.startOf('day'), DAYS_BEFORE_LAST_DAY)).toISODate() ?? '';
}
