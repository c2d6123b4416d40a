/** `--people 10000 --rounds 52` → { people: '10000', rounds: '52' }. */
export function parseArgs(args: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] ?? '';
    if (!flag.startsWith('--')) throw new Error(`unexpected argument "${flag}": flags look like --people 10000`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    out.set(flag.slice(2), value);
    i++;
  }
  return out;
}

/** A whole number flag, with a default; a bad value stops the bench with a clear message. */
export function intFlag(args: ReadonlyMap<string, string>, name: string, fallback: number, min = 1): number {
  const text = args.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min} (got "${text}")`);
  return value;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}
