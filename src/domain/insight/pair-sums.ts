/**
 * Sufficient statistics of paired answers (x: eNPS 0–10, y: a scored question): what a closed
 * round keeps of the answers one prompt linked, per visible group (issue #20). Sums add, so rounds
 * and a driver's questions pool by adding them; no single pair can be read back from them.
 */
export interface PairSums {
  readonly n: number;
  readonly sx: number;
  readonly sy: number;
  readonly sxy: number;
  readonly sxx: number;
  readonly syy: number;
}

export const NO_PAIRS: PairSums = { n: 0, sx: 0, sy: 0, sxy: 0, sxx: 0, syy: 0 };

export function pairOf(x: number, y: number): PairSums {
  return { n: 1, sx: x, sy: y, sxy: x * y, sxx: x * x, syy: y * y };
}

export function addSums(a: PairSums, b: PairSums): PairSums {
  return { n: a.n + b.n, sx: a.sx + b.sx, sy: a.sy + b.sy, sxy: a.sxy + b.sxy, sxx: a.sxx + b.sxx, syy: a.syy + b.syy };
}

/** A Pearson correlation with its 90% interval (Fisher's z), or null when it cannot be computed. */
export interface Correlation {
  readonly r: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/** z of the two-sided 90% interval. */
const Z90 = 1.6448536269514722;

/**
 * Pearson's r from the sums, with a 90% confidence interval from Fisher's transformation
 * (atanh r ± z/√(n−3)). Null with fewer than 4 pairs or when either side never varies.
 */
export function correlationOf(sums: PairSums): Correlation | null {
  const { n, sx, sy, sxy, sxx, syy } = sums;
  if (n < 4) return null;
  const covariance = n * sxy - sx * sy;
  const varX = n * sxx - sx * sx;
  const varY = n * syy - sy * sy;
  if (varX <= 0 || varY <= 0) return null;
  const r = Math.max(-1, Math.min(1, covariance / Math.sqrt(varX * varY)));
  // r of exactly ±1 has no finite z: its interval is the point itself.
  if (Math.abs(r) >= 1) return { r, low: r, high: r, n };
  const z = Math.atanh(r);
  const half = Z90 / Math.sqrt(n - 3);
  return { r, low: Math.tanh(z - half), high: Math.tanh(z + half), n };
}
