/**
 * A small per-process cache whose entries are forgotten after `ttlMs` (measured on the monotonic
 * clock: this is elapsed time, not a date) and, past `maxEntries`, oldest first. For documents the
 * answer path reads on every click and that change rarely; whoever changes one in this process
 * calls `delete`, and the TTL bounds how stale another process's change can look.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();
  /** Bumped by every delete: a load that began before one must not cache what it read. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (performance.now() - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: performance.now() });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The cached value, else `load()`'s (cached unless it is null or undefined). */
  async through(key: K, load: () => Promise<V | null>): Promise<V | null> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const value = await load();
    if (value !== null && generation === this.generation) this.set(key, value);
    return value;
  }
}
