import type { DriverScore } from './summary-model.js';

/**
 * The drivers whose mean moved most up and most down since they were last asked. A driver
 * without a change (first time asked, or hidden before) is no mover; ties go to the catalog
 * order for stable output.
 */
export function biggestMovers(drivers: readonly DriverScore[]): { up: DriverScore | null; down: DriverScore | null } {
  let up: DriverScore | null = null;
  let down: DriverScore | null = null;
  for (const d of drivers) {
    if (d.meanChange === null || d.meanChange === 0) continue;
    if (d.meanChange > 0 && (up === null || d.meanChange > (up.meanChange ?? 0))) up = d;
    if (d.meanChange < 0 && (down === null || d.meanChange < (down.meanChange ?? 0))) down = d;
  }
  return { up, down };
}
