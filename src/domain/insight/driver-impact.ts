import { WEAK_FAVOURABLE } from '../actions/action-catalog.js';
import type { Driver } from '../drivers.js';
import { correlationOf, type Correlation, type PairSums } from './pair-sums.js';

/**
 * What moves eNPS (issue #20), from pair sums pooled over a year of rounds: each driver's (and
 * each scored question's) correlation with eNPS, ranked, and the drivers that are both weak and
 * strongly related, the priorities. Correlation, not cause: the texts say "goes with".
 */

/** Fewer pooled pairs than this and a group's ranking is not shown: the interval would say little. */
export const MIN_IMPACT_PAIRS = 30;
/** Driver impact pools the rounds of the last twelve months. */
export const IMPACT_MONTHS = 12;
/** A correlation of at least this, with its whole 90% interval above 0, counts as strongly related. */
export const STRONG_CORRELATION = 0.3;

/** What one row of the ranking is about: a driver (its questions pooled) or a scored question of HR's own. */
export type ImpactSubject = { readonly driver: Driver } | { readonly questionId: string };

export interface ImpactEntry {
  readonly subject: ImpactSubject;
  readonly sums: PairSums;
  /** The driver's latest % favourable in the group, when shown (weakness is judged on it). */
  readonly favourable: number | null;
}

export interface ImpactItem extends Correlation {
  readonly subject: ImpactSubject;
  readonly favourable: number | null;
  /** Weak (below 70 % favourable) and strongly related to eNPS. */
  readonly priority: boolean;
}

export function isStrong(c: Correlation): boolean {
  return c.r >= STRONG_CORRELATION && c.low > 0;
}

/** The ranking, strongest correlation first; subjects with too few pairs or no variation are left out. */
export function rankImpact(entries: readonly ImpactEntry[]): ImpactItem[] {
  const items: ImpactItem[] = [];
  for (const entry of entries) {
    if (entry.sums.n < MIN_IMPACT_PAIRS) continue;
    const correlation = correlationOf(entry.sums);
    if (correlation === null) continue;
    const weak = entry.favourable !== null && entry.favourable < WEAK_FAVOURABLE;
    items.push({ ...correlation, subject: entry.subject, favourable: entry.favourable, priority: weak && isStrong(correlation) });
  }
  return items.sort((a, b) => b.r - a.r || b.n - a.n || subjectKey(a.subject).localeCompare(subjectKey(b.subject)));
}

export function subjectKey(subject: ImpactSubject): string {
  return 'driver' in subject ? `driver:${subject.driver}` : `question:${subject.questionId}`;
}

/** The top priority: the most strongly related of the weak drivers, or null. */
export function topPriority(items: readonly ImpactItem[]): ImpactItem | null {
  return items.find((item) => item.priority) ?? null;
}
