/** `YYYY-Qn` */
export type Quarter = string;

export interface QuarterCount {
  readonly quarter: Quarter;
  readonly respondents: number;
}

export interface ExitPool {
  readonly quarters: readonly Quarter[];
  readonly respondents: number;
  /** False for the trailing pool that has not reached the threshold yet. */
  readonly visible: boolean;
}

/** The quarter of a calendar date, e.g. `2026-11-22` → `2026-Q4`. */
export function quarterOf(isoDate: string): Quarter {
  const [year, month] = isoDate.split('-').map(Number);
  if (!year || !month || month < 1 || month > 12) throw new RangeError(`not an ISO date: ${isoDate}`);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/**
 * Pools exit answers quarter by quarter: a quarter below `k` rolls into the next until the pool
 * reaches `k`. Quarters are taken in time order; a pool never spans a gap it has not seen. The
 * last pool may still be below `k`; it is returned hidden, so callers can say "pending".
 */
export function poolExitQuarters(quarters: readonly QuarterCount[], k: number): ExitPool[] {
  const sorted = [...quarters].sort((a, b) => a.quarter.localeCompare(b.quarter));
  const pools: ExitPool[] = [];
  let current: Quarter[] = [];
  let respondents = 0;
  for (const q of sorted) {
    current.push(q.quarter);
    respondents += q.respondents;
    if (respondents >= k) {
      pools.push({ quarters: current, respondents, visible: true });
      current = [];
      respondents = 0;
    }
  }
  if (current.length > 0) pools.push({ quarters: current, respondents, visible: false });
  return pools;
}
