import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localSendTime, nextOccurrences, roundDates, roundIndexOf } from '../../src/domain/schedule.js';
import type { Cadence } from '../../src/domain/survey-definition.js';

const weekly = (weekday: number, time = '09:00'): Cadence => ({ every: 'weekly', weekday, time, startDate: '2026-01-01' });
const utc = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true });

describe('round dates', () => {
  it('weekly, every second week and monthly', () => {
    expect(roundDates(weekly(1), '2026-11-18', 3)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    const biweekly: Cadence = { every: 'biweekly', weekday: 3, time: '09:00', startDate: '2026-11-02' };
    expect(roundDates(biweekly, '2026-11-05', 3)).toEqual(['2026-11-18', '2026-12-02', '2026-12-16']);
    const monthly: Cadence = { every: 'monthly', weekday: 2, time: '09:00', startDate: '2026-01-01' };
    expect(roundDates(monthly, '2026-11-04', 3)).toEqual(['2026-12-01', '2027-01-05', '2027-02-02']);
  });

  it('numbers rounds from the first one, and knows days that are not round days', () => {
    expect(roundIndexOf(weekly(1), '2026-01-05')).toBe(0);
    expect(roundIndexOf(weekly(1), '2026-11-23')).toBe(46);
    expect(roundIndexOf(weekly(1), '2026-11-24')).toBeNull();
  });
});

describe('local send times across DST', () => {
  it('Europe/Oslo: 09:00 local on both sides of the October change', () => {
    const times = nextOccurrences(weekly(1), 'Europe/Oslo', DateTime.fromISO('2026-10-15T00:00Z'), 3, true);
    expect(times.map((t) => t.toFormat('yyyy-MM-dd HH:mm'))).toEqual(['2026-10-19 09:00', '2026-10-26 09:00', '2026-11-02 09:00']);
    expect(times.map(utc)).toEqual(['2026-10-19T07:00:00Z', '2026-10-26T08:00:00Z', '2026-11-02T08:00:00Z']);
  });

  it('America/New_York: 09:00 local on both sides of the March change', () => {
    const times = nextOccurrences(weekly(1), 'America/New_York', DateTime.fromISO('2026-03-01T00:00Z'), 2, true);
    expect(times.map(utc)).toEqual(['2026-03-02T14:00:00Z', '2026-03-09T13:00:00Z']);
  });

  it('Australia/Sydney: 09:00 local on both sides of the April and October changes', () => {
    const april = nextOccurrences(weekly(1), 'Australia/Sydney', DateTime.fromISO('2026-03-28T00:00Z'), 2, true);
    expect(april.map(utc)).toEqual(['2026-03-29T22:00:00Z', '2026-04-05T23:00:00Z']);
    const october = nextOccurrences(weekly(1), 'Australia/Sydney', DateTime.fromISO('2026-09-27T00:00Z'), 2, true);
    expect(october.map(utc)).toEqual(['2026-09-27T23:00:00Z', '2026-10-04T22:00:00Z']);
  });

  it('Asia/Kolkata: no DST, half-hour offset all year', () => {
    const times = nextOccurrences(weekly(1), 'Asia/Kolkata', DateTime.fromISO('2026-03-01T00:00Z'), 2, true);
    expect(times.map(utc)).toEqual(['2026-03-02T03:30:00Z', '2026-03-09T03:30:00Z']);
    expect(utc(localSendTime('2026-10-26', '09:00', 'Asia/Kolkata', true))).toBe('2026-10-26T03:30:00Z');
  });

  it('a time inside a spring-forward gap moves forward by the gap, in every zone that has one', () => {
    expect(localSendTime('2026-03-29', '02:30', 'Europe/Oslo', false).toISO()).toBe('2026-03-29T03:30:00.000+02:00');
    expect(localSendTime('2026-03-08', '02:30', 'America/New_York', false).toISO()).toBe('2026-03-08T03:30:00.000-04:00');
    expect(localSendTime('2026-10-04', '02:30', 'Australia/Sydney', false).toISO()).toBe('2026-10-04T03:30:00.000+11:00');
  });

  it('the same round date is a different instant in each zone', () => {
    const zones = ['Europe/Oslo', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
    const instants = zones.map((zone) => utc(localSendTime('2026-11-23', '09:00', zone, true)));
    expect(instants).toEqual(['2026-11-23T08:00:00Z', '2026-11-23T14:00:00Z', '2026-11-23T03:30:00Z', '2026-11-22T22:00:00Z']);
  });

  it('skips weekends when asked: a Saturday round goes out on Monday', () => {
    expect(localSendTime('2026-11-21', '10:00', 'Europe/Oslo', true).toISODate()).toBe('2026-11-23');
    expect(localSendTime('2026-11-21', '10:00', 'Europe/Oslo', false).toISODate()).toBe('2026-11-21');
  });

  it('does not return an occurrence that is already past', () => {
    const after = DateTime.fromISO('2026-11-23T08:30:00Z');
    const [oslo] = nextOccurrences(weekly(1), 'Europe/Oslo', after, 1, true);
    const [newYork] = nextOccurrences(weekly(1), 'America/New_York', after, 1, true);
    expect(oslo?.toISODate()).toBe('2026-11-30');
    expect(newYork?.toISODate()).toBe('2026-11-23');
  });
});
