/**
 * The answers this process is recording, per round. Closing a round waits for its own: an answer
 * that passed the "is it open?" check and then met slow writes would otherwise land after the
 * recount (counted twice) or after the participation ledger was purged (a record of who took
 * part outliving the round).
 */
export class AnswersInFlight {
  private readonly counts = new Map<string, number>();
  private readonly waiters = new Map<string, (() => void)[]>();

  /** Counts one answer for `roundId` as in flight; call the returned function once it is done. */
  enter(roundId: string): () => void {
    this.counts.set(roundId, (this.counts.get(roundId) ?? 0) + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const n = (this.counts.get(roundId) ?? 1) - 1;
      if (n > 0) {
        this.counts.set(roundId, n);
        return;
      }
      this.counts.delete(roundId);
      for (const wake of this.waiters.get(roundId) ?? []) wake();
      this.waiters.delete(roundId);
    };
  }

  /** Answers for `roundId` in flight right now. */
  count(roundId: string): number {
    return this.counts.get(roundId) ?? 0;
  }

  /** Resolves true once no answer for `roundId` is in flight, or false after `limitMs`. */
  async drained(roundId: string, limitMs: number): Promise<boolean> {
    if (this.count(roundId) === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<boolean>((resolve) => {
      const list = this.waiters.get(roundId) ?? [];
      list.push(() => resolve(true));
      this.waiters.set(roundId, list);
    });
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), limitMs)));
    try {
      return await Promise.race([done, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
