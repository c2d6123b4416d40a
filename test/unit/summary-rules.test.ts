import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { actionKey, suggestActions } from '../../src/domain/actions/action-catalog.js';
import { DRIVERS } from '../../src/domain/drivers.js';
import { LOCALES } from '../../src/domain/i18n/locale.js';
import { catalogFor } from '../../src/domain/i18n/translate.js';
import { biggestMovers } from '../../src/domain/summary/movers.js';
import type { DriverScore } from '../../src/domain/summary/summary-model.js';
import { DEFAULT_SUMMARY_SCHEDULE, dueSummaryWeek, isoWeekKey } from '../../src/domain/summary/summary-schedule.js';

const valid = { MONGODB_URI: 'mongodb://127.0.0.1:27017', PULSE_SECRET: 'a'.repeat(64) };
const oslo = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Oslo' });
const score = (driver: DriverScore['driver'], favourable: number, mean: number, meanChange: number | null = null): DriverScore => ({
  driver,
  respondents: 10,
  mean,
  favourable,
  meanChange,
  favourableChange: null,
  roundDate: '2026-11-23',
});

describe('weekly summary schedule', () => {
  it('is due from Monday 08:00 local for two days (a process that was down catches up), not before or after', () => {
    const due = (iso: string, schedule = DEFAULT_SUMMARY_SCHEDULE) => dueSummaryWeek(oslo(iso), schedule);
    expect(due('2026-11-23T07:59')).toBeNull();
    expect(due('2026-11-23T08:00')).toBe('2026-W48');
    expect(due('2026-11-25T07:59')).toBe('2026-W48');
    expect(due('2026-11-25T08:00')).toBeNull();
    expect(due('2026-11-29T23:59')).toBeNull();
    const friday = { weekday: 5, time: '16:30' } as const;
    expect(due('2026-11-27T16:29', friday)).toBeNull();
    expect(due('2026-11-27T16:30', friday)).toBe('2026-W48');
    // Sunday's summary caught up on Monday still belongs to the week before.
    const sunday = { weekday: 7, time: '20:00' } as const;
    expect(due('2026-11-29T20:00', sunday)).toBe('2026-W48');
    expect(due('2026-11-30T09:00', sunday)).toBe('2026-W48');
  });

  it('keys a summary by the ISO week of the reader’s own date, across year ends', () => {
    expect(isoWeekKey(oslo('2026-11-23T08:00'))).toBe('2026-W48');
    expect(isoWeekKey(oslo('2027-01-01T08:00'))).toBe('2026-W53');
    expect(isoWeekKey(oslo('2027-01-04T08:00'))).toBe('2027-W01');
  });

  it('day and time come from the environment, and bad values stop start-up with one line', () => {
    expect(loadConfig(valid).summarySchedule).toEqual({ weekday: 1, time: '08:00' });
    expect(loadConfig({ ...valid, PULSE_SUMMARY_DAY: 'Friday', PULSE_SUMMARY_TIME: '16:30' }).summarySchedule).toEqual({ weekday: 5, time: '16:30' });
    expect(loadConfig({ ...valid, PULSE_SUMMARY_DAY: 'tue' }).summarySchedule.weekday).toBe(2);
    expect(() => loadConfig({ ...valid, PULSE_SUMMARY_DAY: 'someday' })).toThrow(/^PULSE_SUMMARY_DAY must be a weekday/);
    expect(() => loadConfig({ ...valid, PULSE_SUMMARY_TIME: '8am' })).toThrow(/^PULSE_SUMMARY_TIME must be a 24-hour time HH:mm/);
  });
});

describe('suggested actions', () => {
  it('one per weak driver (under 70% favourable), weakest first, at most three', () => {
    const drivers = [score('growth', 90, 4.4), score('workload', 20, 2.1), score('recognition', 40, 3.0), score('peers', 65, 3.7), score('wellness', 40, 2.9)];
    expect(suggestActions(drivers, 0).map((a) => a.driver)).toEqual(['workload', 'wellness', 'recognition']);
  });

  it('when no driver is weak, the weakest one still gets an action; with no drivers, none', () => {
    expect(suggestActions([score('growth', 90, 4.4), score('peers', 75, 3.9)], 0)).toEqual([{ driver: 'peers', index: 0 }]);
    expect(suggestActions([], 0)).toEqual([]);
  });

  it('the week picks which of a driver’s actions, and every action exists in every language', () => {
    expect(suggestActions([score('workload', 20, 2)], 48)[0]?.index).not.toBe(suggestActions([score('workload', 20, 2)], 49)[0]?.index);
    for (const locale of LOCALES) {
      const catalog = catalogFor(locale) as Record<string, string>;
      for (const driver of DRIVERS) {
        for (const index of [0, 1]) expect(catalog[actionKey({ driver, index })], `${locale} ${driver} ${index}`).toMatch(/\S/);
      }
    }
  });
});

describe('biggest movers', () => {
  it('finds the largest rise and drop; drivers without a change are no movers', () => {
    const drivers = [
      score('growth', 80, 4, 0.2),
      score('workload', 40, 2.5, -0.6),
      score('peers', 70, 3.8, 0.5),
      score('autonomy', 60, 3.2, null),
      score('alignment', 60, 3.2, -0.1),
    ];
    const movers = biggestMovers(drivers);
    expect(movers.up?.driver).toBe('peers');
    expect(movers.down?.driver).toBe('workload');
    expect(biggestMovers([score('autonomy', 60, 3.2, null), score('growth', 60, 3, 0)])).toEqual({ up: null, down: null });
  });
});
