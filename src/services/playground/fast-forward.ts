import { DateTime } from 'luxon';
import { isValidZone } from '../../domain/schedule.js';
import type { ManualClock } from '../../ports/clock.js';
import type { PlatformRegistry } from '../deliver-due.js';
import type { ServiceDeps } from '../deps.js';
import { nextWakeAt, runScheduleTick } from '../schedule-tick.js';
import { sendDueSummaries, type SummaryDeliveryOptions } from '../summary-delivery.js';
import { summaryReaders } from '../summary-readers.js';

export interface ForwardOptions {
  readonly deps: ServiceDeps;
  readonly clock: ManualClock;
  readonly platforms: PlatformRegistry;
  /** The weekly summaries (as the summary job sends them); absent: none. */
  readonly summaries: Omit<SummaryDeliveryOptions, 'signal'> | null;
}

export interface ForwardReport {
  opened: number;
  closed: number;
  expired: number;
  reminded: number;
  sent: number;
  summaries: number;
}

/** A step never skips more than this, so nothing lands far from its own time. */
const MAX_STEP_HOURS = 12;
const MAX_STEPS = 200;

/** The next weekly-summary time after `now` on any reader's own clock. */
async function nextSummaryAt(o: ForwardOptions, now: DateTime): Promise<DateTime | null> {
  if (o.summaries === null) return null;
  const { weekday, time } = o.summaries.schedule;
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const zones = new Set(
    (await summaryReaders(o.deps)).map((r) =>
      r.person.timezone !== null && isValidZone(r.person.timezone) ? r.person.timezone : o.deps.settings.defaultTimezone,
    ),
  );
  let next: DateTime | null = null;
  for (const zone of zones) {
    const local = now.setZone(zone);
    let at = local.set({ weekday, hour, minute, second: 0, millisecond: 0 });
    if (at <= local) at = at.plus({ weeks: 1 });
    if (next === null || at < next) next = at;
  }
  return next;
}

/**
 * Moves the playground's clock forward by `hours`, stopping at each moment something is due on
 * the way (a round opens or closes, prompts at someone's local time, a weekly summary) and
 * running the schedule there, as the scheduler would have at that time.
 */
export function fastForward(o: ForwardOptions, hours: number): Promise<ForwardReport> {
  // One at a time per clock: two overlapping runs (a double click) would each set the clock to
  // their own next stop, and the shorter run could move it back under the longer one.
  const run = (running.get(o.clock) ?? Promise.resolve()).then(() => forwardNow(o, hours));
  running.set(
    o.clock,
    run.catch(() => undefined),
  );
  return run;
}

const running = new WeakMap<ManualClock, Promise<unknown>>();

async function forwardNow(o: ForwardOptions, hours: number): Promise<ForwardReport> {
  const target = o.clock.now().plus({ hours });
  const report: ForwardReport = { opened: 0, closed: 0, expired: 0, reminded: 0, sent: 0, summaries: 0 };
  for (let step = 0; step < MAX_STEPS; step++) {
    const now = o.clock.now();
    if (now >= target) break;
    let next: DateTime = DateTime.min(target, now.plus({ hours: MAX_STEP_HOURS }));
    const wake = await nextWakeAt(o.deps);
    const summary = await nextSummaryAt(o, now);
    for (const at of [wake ? DateTime.fromJSDate(wake) : null, summary]) if (at !== null && at > now && at < next) next = at;
    o.clock.set(next.toUTC());
    const tick = await runScheduleTick(o.deps, o.platforms);
    report.opened += tick.opened;
    report.closed += tick.closed;
    report.expired += tick.expired;
    report.reminded += tick.reminded;
    report.sent += tick.sent;
    if (o.summaries !== null) report.summaries += (await sendDueSummaries(o.deps, o.platforms, o.summaries)).sent;
  }
  return report;
}
