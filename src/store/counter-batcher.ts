import type { Collection } from 'mongodb';
import { bulkUpsert } from './database.js';
import { counterId, type CounterDoc } from './documents/answers.js';
import { WriteLane } from './write-lane.js';

interface Pending {
  roundId: string;
  segment: string;
  questionId: string;
  value: string;
  n: number;
}

/**
 * Applies counter increments with at most one write in flight per process, folding the
 * increments that arrive meanwhile into the next write.
 *
 * Why: `$inc` is atomic on MongoDB, but the FerretDB test and playground server applies updates
 * as read-modify-write, so two concurrent increments of one counter can lose one. Serialising
 * here makes one process exact on both; under a burst it also turns hundreds of `$inc`s into a
 * few bulk writes. Several processes on real MongoDB stay exact because `$inc` is atomic there.
 * Every caller's promise settles when the write holding its increment has.
 */
export class CounterBatcher {
  private queued = new Map<string, Pending>();
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly counters: Collection<CounterDoc>,
    private readonly lane: WriteLane = new WriteLane(),
  ) {}

  add(roundId: string, segment: string, questionId: string, values: readonly string[]): Promise<void> {
    if (values.length === 0) return Promise.resolve();
    for (const value of values) {
      const id = counterId(roundId, segment, questionId, value);
      const entry = this.queued.get(id);
      if (entry) entry.n += 1;
      else this.queued.set(id, { roundId, segment, questionId, value, n: 1 });
    }
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.running) void this.drain();
    return done;
  }

  /** Resolves once every increment queued so far has been written (or failed). */
  async idle(): Promise<void> {
    while (this.running || this.queued.size > 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!this.running && this.queued.size > 0) void this.drain();
    }
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queued.size > 0) {
      const batch = this.queued;
      const waiters = this.waiters;
      this.queued = new Map();
      this.waiters = [];
      try {
        await this.lane.run(() => this.write(batch));
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters) w.reject(error);
      }
    }
    this.running = false;
  }

  private async write(batch: Map<string, Pending>): Promise<void> {
    await bulkUpsert(
      this.counters,
      [...batch].map(([_id, p]) => ({
        updateOne: {
          filter: { _id },
          update: { $inc: { n: p.n }, $setOnInsert: { roundId: p.roundId, segment: p.segment, questionId: p.questionId, value: p.value } },
          upsert: true,
        },
      })),
    );
  }
}
