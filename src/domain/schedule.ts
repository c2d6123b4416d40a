import { DateTime } from 'luxon';
import type { Cadence } from './survey-definition.js';

/** A calendar date, `YYYY-MM-DD`, with no zone: the day a round belongs to everywhere. */
export type IsoDate = string;

function day(iso: IsoDate): DateTime {
  const d = DateTime.fromISO(iso, { zone: 'utc' });
  if (!d.isValid) throw new RangeError(`not an ISO date: ${iso}`);
  return d.startOf('day');
}

function iso(d: DateTime): IsoDate {
  return d.toISODate() as IsoDate;
}

/** The first date on or after `d` that falls on ISO `weekday`. */
function onOrAfter(d: DateTime, weekday: number): DateTime {
  return d.plus({ days: (weekday - d.weekday + 7) % 7 });
}

function firstWeekdayOfMonth(month: DateTime, weekday: number): DateTime {
  return onOrAfter(month.startOf('month'), weekday);
}

/** The cadence's first round date: its first matching day on or after `startDate`. */
function firstRound(cadence: Cadence): DateTime {
  const start = day(cadence.startDate);
  if (cadence.every === 'once') return start;
  if (cadence.every !== 'monthly' && cadence.every !== 'quarterly') return onOrAfter(start, cadence.weekday);
  const thisMonth = firstWeekdayOfMonth(start, cadence.weekday);
  return thisMonth >= start ? thisMonth : firstWeekdayOfMonth(start.plus({ months: 1 }), cadence.weekday);
}

/** The round date with index `n` (0 = the first round). A survey sent once has only round 0. */
export function roundDateAt(cadence: Cadence, n: number): IsoDate {
  const first = firstRound(cadence);
  switch (cadence.every) {
    case 'event':
      throw new RangeError('an event-triggered survey has no dated rounds');
    case 'once':
      if (n !== 0) throw new RangeError(`a survey sent once has no round ${n}`);
      return iso(first);
    case 'quarterly':
      return iso(firstWeekdayOfMonth(first.plus({ months: 3 * n }), cadence.weekday));
    case 'weekly':
      return iso(first.plus({ weeks: n }));
    case 'biweekly':
      return iso(first.plus({ weeks: 2 * n }));
    case 'monthly':
      return iso(firstWeekdayOfMonth(first.plus({ months: n }), cadence.weekday));
  }
}

/** The index of the first round dated on or after `from` (0 when `from` is before the first round). */
export function roundIndexOnOrAfter(cadence: Cadence, from: IsoDate): number {
  if (cadence.every === 'event') return 0;
  const first = firstRound(cadence);
  const target = day(from);
  if (target <= first) return 0;
  let n: number;
  switch (cadence.every) {
    case 'weekly':
      n = Math.floor(target.diff(first, 'days').days / 7);
      break;
    case 'biweekly':
      n = Math.floor(target.diff(first, 'days').days / 14);
      break;
    case 'monthly':
      n = Math.max(0, (target.year - first.year) * 12 + (target.month - first.month) - 1);
      break;
    case 'quarterly':
      n = Math.max(0, Math.floor(((target.year - first.year) * 12 + (target.month - first.month)) / 3) - 1);
      break;
    case 'once':
      return 1;
  }
  while (day(roundDateAt(cadence, n)) < target) n++;
  return n;
}

/** The index of the round dated exactly `date`, or null when the cadence has no round that day. */
export function roundIndexOf(cadence: Cadence, date: IsoDate): number | null {
  if (cadence.every === 'event') return null;
  const n = roundIndexOnOrAfter(cadence, date);
  if (cadence.every === 'once' && n > 0) return null;
  return roundDateAt(cadence, n) === date ? n : null;
}

/** The next `count` round dates on or after `from` (fewer for a survey sent once). */
export function roundDates(cadence: Cadence, from: IsoDate, count: number): IsoDate[] {
  if (cadence.every === 'event') return [];
  const start = roundIndexOnOrAfter(cadence, from);
  if (cadence.every === 'once') return start === 0 && count > 0 ? [roundDateAt(cadence, 0)] : [];
  return Array.from({ length: count }, (_, i) => roundDateAt(cadence, start + i));
}

/**
 * When a person in `zone` gets the prompt of the round dated `roundDate`: that date at `time`
 * on their own clock (09:00 in Oslo and 09:00 in New York are different instants). A time that
 * does not exist that day (a spring-forward gap) moves forward by the gap, as clocks do. With
 * `skipWeekends`, a Saturday or Sunday moves to the Monday after.
 */
export function localSendTime(roundDate: IsoDate, time: string, zone: string, skipWeekends: boolean): DateTime {
  let date = day(roundDate);
  if (skipWeekends && date.weekday >= 6) date = onOrAfter(date, 1);
  const [hour, minute] = time.split(':').map(Number);
  const local = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: hour ?? 0, minute: minute ?? 0 }, { zone });
  if (!local.isValid) throw new RangeError(`cannot place ${roundDate} ${time} in zone ${zone}: ${local.invalidReason ?? ''}`);
  return local;
}

/**
 * The next `count` prompt times for a person in `zone`, strictly after `after`, as local
 * date-times in that zone.
 */
export function nextOccurrences(cadence: Cadence, zone: string, after: DateTime, count: number, skipWeekends: boolean): DateTime[] {
  // Start a day early: a round dated yesterday in UTC may still be ahead in a zone west of it.
  let n = roundIndexOnOrAfter(cadence, iso(after.setZone('utc').minus({ days: 2 })));
  const out: DateTime[] = [];
  while (out.length < count) {
    if (cadence.every === 'once' && n > 0) break;
    const at = localSendTime(roundDateAt(cadence, n), cadence.time, zone, skipWeekends);
    if (at > after) out.push(at);
    n++;
  }
  return out;
}

/** Whether `zone` is an IANA time zone luxon knows. */
export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
