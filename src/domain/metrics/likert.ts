/** Counts of 1–5 answers by value. */
export type LikertCounts = Readonly<Partial<Record<number, number>>>;

export interface LikertSummary {
  readonly respondents: number;
  /** Mean of the 1–5 answers. */
  readonly mean: number;
  /** Share answering 4 or 5, in percent. */
  readonly favourable: number;
}

/** Mean and % favourable (4–5) of Likert counts; null when nobody answered. */
export function summarizeLikert(counts: LikertCounts): LikertSummary | null {
  let respondents = 0;
  let sum = 0;
  let favourable = 0;
  for (let value = 1; value <= 5; value++) {
    const n = counts[value] ?? 0;
    respondents += n;
    sum += n * value;
    if (value >= 4) favourable += n;
  }
  if (respondents === 0) return null;
  return { respondents, mean: sum / respondents, favourable: (favourable / respondents) * 100 };
}
