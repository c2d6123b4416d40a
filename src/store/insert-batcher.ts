import { MongoBulkWriteError, type Collection, type Document, type OptionalUnlessRequiredId } from 'mongodb';
import { isDuplicateKey, isOnlyDuplicateKeys } from './database.js';
import type { WriteLane } from './write-lane.js';

interface Waiter {
  resolve: (inserted: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Inserts documents unless one with their `_id` exists, as `insertOnce` does, but folds the
 * inserts that arrive while one is being written into a single `insertMany` (unordered), with at
 * most one in flight per collection and each through the process's write lane. Every caller's
 * promise settles once the write holding its document has: true when this call stored it, false
 * when a document with its `_id` was already there (or was stored by another call in the batch).
 */
export class InsertBatcher<T extends Document & { _id: string }> {
  private queued = new Map<string, { doc: T; waiters: Waiter[] }>();
  private running = false;

  constructor(
    private readonly collection: Collection<T>,
    private readonly lane: WriteLane,
  ) {}

  add(doc: T): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const entry = this.queued.get(doc._id);
      if (entry) entry.waiters.push({ resolve, reject });
      else this.queued.set(doc._id, { doc, waiters: [{ resolve, reject }] });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queued.size > 0) {
      const batch = [...this.queued.values()];
      this.queued = new Map();
      try {
        const duplicates = await this.lane.run(() => this.write(batch.map((entry) => entry.doc)));
        batch.forEach((entry, index) => {
          // Two calls with one _id in a batch: at most the first stored it.
          entry.waiters.forEach((w, n) => w.resolve(n === 0 && !duplicates.has(index)));
        });
      } catch (error) {
        for (const entry of batch) for (const w of entry.waiters) w.reject(error);
      }
    }
    this.running = false;
  }

  /** Inserts the documents; returns the indexes of those refused because their `_id` existed. */
  private async write(docs: T[]): Promise<Set<number>> {
    try {
      await this.collection.insertMany(docs as OptionalUnlessRequiredId<T>[], { ordered: false });
      return new Set();
    } catch (error) {
      if (error instanceof MongoBulkWriteError && isOnlyDuplicateKeys(error)) return new Set(error.result.getWriteErrors().map((e) => e.index));
      if (docs.length === 1 && isDuplicateKey(error)) return new Set([0]);
      throw error;
    }
  }
}
