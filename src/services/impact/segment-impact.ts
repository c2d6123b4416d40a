import type { Driver } from '../../domain/drivers.js';
import { rankImpact, topPriority, type ImpactEntry, type ImpactItem } from '../../domain/insight/driver-impact.js';
import type { ImpactPool } from './impact-pool.js';

/** A group's driver impact: its ranking and top priority, over the pool's rounds. */
export interface SegmentImpact {
  readonly segment: string;
  readonly items: readonly ImpactItem[];
  readonly top: ImpactItem | null;
  /** How many rounds the pool spans (whether or not each showed this group). */
  readonly rounds: number;
}

/**
 * Ranks what goes with eNPS in `segment`: each driver asked in the pool (its questions' pairs
 * pooled) and each scored question of HR's own with no driver. `favourableOf` gives a driver's
 * latest shown % favourable in the group, which decides whether it is weak.
 */
export function segmentImpact(pool: ImpactPool, segment: string, favourableOf: (driver: Driver) => number | null): SegmentImpact {
  const drivers = new Set<Driver>();
  const entries: ImpactEntry[] = [];
  for (const question of pool.questions.values()) {
    if (question.driver !== undefined) drivers.add(question.driver);
    else entries.push({ subject: { questionId: question.id }, sums: pool.sums(segment, question.id), favourable: null });
  }
  for (const driver of drivers) entries.push({ subject: { driver }, sums: pool.driverSums(segment, driver), favourable: favourableOf(driver) });
  const items = rankImpact(entries);
  return { segment, items, top: topPriority(items), rounds: pool.rounds.length };
}
