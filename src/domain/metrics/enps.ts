/** Counts of 0–10 answers, by value (`counts[v]` = how many answered v). Missing values count 0. */
export type ScaleCounts = Readonly<Partial<Record<number, number>>>;

export type EnpsBand = 'poor' | 'acceptable' | 'strong' | 'excellent';

export interface Enps {
  readonly respondents: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** % promoters − % detractors, −100 … +100. */
  readonly score: number;
  /** Half-width of the 95% confidence interval, in score points. */
  readonly marginOfError: number;
  readonly band: EnpsBand;
}

const Z_95 = 1.959963984540054;

/**
 * eNPS from 0–10 counts: promoters answer 9–10, detractors 0–6. The margin of error treats each
 * answer as +1 (promoter), 0 (passive) or −1 (detractor): the score's variance is
 * p + d − (p − d)² per answer, so MoE = 1.96 · √((p + d − (p − d)²) / n) · 100.
 * Returns null when nobody answered.
 */
export function computeEnps(counts: ScaleCounts): Enps | null {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let value = 0; value <= 10; value++) {
    const n = counts[value] ?? 0;
    if (value >= 9) promoters += n;
    else if (value >= 7) passives += n;
    else detractors += n;
  }
  const respondents = promoters + passives + detractors;
  if (respondents === 0) return null;
  const p = promoters / respondents;
  const d = detractors / respondents;
  const score = (p - d) * 100;
  const variance = p + d - (p - d) ** 2;
  const marginOfError = Z_95 * Math.sqrt(variance / respondents) * 100;
  return { respondents, promoters, passives, detractors, score, marginOfError, band: enpsBand(score) };
}

/** Conventional bands: below 0 poor, 0 to under 30 acceptable, 30 to 50 strong, above 50 excellent. */
export function enpsBand(score: number): EnpsBand {
  if (score < 0) return 'poor';
  if (score < 30) return 'acceptable';
  if (score <= 50) return 'strong';
  return 'excellent';
}
