import { ConfigError } from './lib/config-error.js';
import { DEFAULT_SUMMARY_SCHEDULE, type SummarySchedule } from './domain/summary/summary-schedule.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * When weekly summaries go out, in each reader's own zone: PULSE_SUMMARY_DAY (a weekday name,
 * default monday) and PULSE_SUMMARY_TIME (HH:mm, default 08:00).
 */
export function loadSummaryConfig(env: Record<string, string | undefined>): SummarySchedule {
  const day = env.PULSE_SUMMARY_DAY?.trim().toLowerCase();
  const time = env.PULSE_SUMMARY_TIME?.trim();
  let weekday: SummarySchedule['weekday'] = DEFAULT_SUMMARY_SCHEDULE.weekday;
  if (day !== undefined) {
    const index = WEEKDAYS.findIndex((name) => name === day || name.slice(0, 3) === day);
    if (index < 0) throw new ConfigError(`PULSE_SUMMARY_DAY must be a weekday such as monday or mon (got "${day}")`);
    weekday = (index + 1) as SummarySchedule['weekday'];
  }
  if (time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
    throw new ConfigError(`PULSE_SUMMARY_TIME must be a 24-hour time HH:mm such as 08:00 (got "${time}")`);
  }
  return { weekday, time: time ?? DEFAULT_SUMMARY_SCHEDULE.time };
}
