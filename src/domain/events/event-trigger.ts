import type { DateTime } from 'luxon';
import { z } from 'zod';
import { localTimeSchema } from '../survey-definition.js';

/**
 * A survey sent when something happens to one person (issue #18): a ticket closed, a first week,
 * a resignation. The field names are a published contract: keep them exactly.
 */

/** `ticket.resolved`, `person.joined`: dotted lowercase words. */
export const EVENT_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
export const eventNameSchema = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(EVENT_NAME, 'must be dotted lowercase words such as "ticket.resolved"');

/** The events pulsebot raises itself, from the directory, the people import and HR's exit command. */
export const BUILTIN_EVENTS = ['person.joined', 'person.manager_changed', 'person.leaving'] as const;
export type BuiltinEvent = (typeof BUILTIN_EVENTS)[number];

const delaySchema = z.union([z.strictObject({ workingDays: z.number().int().min(0).max(365) }), z.strictObject({ days: z.number().int().min(0).max(365) })], {
  error: 'is {"workingDays": N} or {"days": N}, N from 0 to 365',
});
export type EventDelay = z.infer<typeof delaySchema>;

export const eventTriggerSchema = z.object({
  type: z.literal('event'),
  event: eventNameSchema,
  /**
   * How long after the event the survey goes: one delay, or several for a check-in series (the
   * onboarding template asks on days 7, 30 and 90). Each is its own prompt, pooled apart.
   */
  delay: z.union([delaySchema, z.array(delaySchema).min(1, 'give at least one delay').max(5, 'at most 5 delays')]).default({ days: 0 }),
  /** The local time it arrives, in the person's time zone. */
  time: localTimeSchema.default('10:00'),
  /** Days the prompt takes answers after it is sent. */
  expiresAfterDays: z.number().int().min(1).max(28).default(14),
});
export type EventTrigger = z.infer<typeof eventTriggerSchema>;
export type EventTriggerInput = z.input<typeof eventTriggerSchema>;

/** The trigger's delays, one per prompt of the series, in the order given. */
export function delaysOf(trigger: EventTrigger): readonly EventDelay[] {
  return Array.isArray(trigger.delay) ? trigger.delay : [trigger.delay];
}

/** "30 days", "3 working days": how a delay is named to HR (the dry run; never shown to employees). */
export function delayLabel(delay: EventDelay): string {
  const n = 'workingDays' in delay ? delay.workingDays : delay.days;
  const unit = 'workingDays' in delay ? 'working day' : 'day';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function isWorkingDay(day: DateTime): boolean {
  return day.weekday < 6;
}

/** `day` plus `n` working days (Saturdays and Sundays skipped); with 0, the day itself or the next working day. */
export function plusWorkingDays(day: DateTime, n: number): DateTime {
  let out = day;
  while (!isWorkingDay(out)) out = out.plus({ days: 1 });
  for (let left = n; left > 0;) {
    out = out.plus({ days: 1 });
    if (isWorkingDay(out)) left--;
  }
  return out;
}

/**
 * When a person's prompt goes out: the day the event happened in their zone, moved by the delay,
 * at the trigger's local time. A `days` delay that lands on a weekend moves to the Monday, so no
 * survey arrives on a day off. Never before `now`: an event reported late goes at the next such
 * local time (today's, if it is still to come).
 */
export function eventSendTime(occurredAt: DateTime, delay: EventDelay, time: string, zone: string, now: DateTime): DateTime {
  const [hour = 10, minute = 0] = time.split(':').map(Number);
  const start = occurredAt.setZone(zone).startOf('day');
  const day = 'workingDays' in delay ? plusWorkingDays(start, delay.workingDays) : plusWorkingDays(start.plus({ days: delay.days }), 0);
  const at = day.set({ hour, minute, second: 0, millisecond: 0 });
  if (at >= now) return at;
  let next = plusWorkingDays(now.setZone(zone).startOf('day'), 0).set({ hour, minute, second: 0, millisecond: 0 });
  if (next < now) next = plusWorkingDays(next.plus({ days: 1 }), 0);
  return next;
}
