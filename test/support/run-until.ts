import { DateTime } from 'luxon';
import type { ManualClock } from '../../src/ports/clock.js';
import type { PlatformRegistry } from '../../src/services/deliver-due.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { nextWakeAt, runScheduleTick } from '../../src/services/schedule-tick.js';

/** Runs the schedule tick at each moment it has work, moving the clock there, until `iso`; the clock ends at `iso`. */
export async function runUntil(deps: ServiceDeps & { clock: ManualClock }, platforms: PlatformRegistry, iso: string): Promise<void> {
  const end = DateTime.fromISO(iso).toJSDate();
  for (let i = 0; i < 200; i++) {
    const wake = await nextWakeAt(deps);
    if (wake === null || wake > end) break;
    if (wake > deps.clock.now().toJSDate()) deps.clock.set(DateTime.fromJSDate(wake, { zone: 'utc' }));
    await runScheduleTick(deps, platforms);
  }
  deps.clock.set(DateTime.fromJSDate(end, { zone: 'utc' }));
}
