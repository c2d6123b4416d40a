/** Wall-clock helpers: benches measure real elapsed time (the product's injected Clock is not involved). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds since the epoch, for comparing with the fakes' `at` stamps. */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Polls `check` every `everyMs` until it is true; false when `timeoutMs` passed first. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) return false;
    await sleep(everyMs);
  }
  return true;
}

/** The q-th quantile (0..1) of `values` (nearest rank); 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}
