/**
 * The change of a metric since the previous round, or null when either side is unknown
 * (not asked, or hidden by the anonymity threshold: a hidden value must not leak as a delta).
 */
export function change(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  return current - previous;
}
