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

/** How long an increment waits for others to share its write (ms). */
export const COUNTER_LINGER_MS = 200;

/**
 * Applies counter increments with at most one write in flight per process, folding the
 * increments that arrive meanwhile into the next write.
 *
 * Why: `$inc` is atomic on MongoDB, but the FerretDB test and playground server applies updates
 * as read-modify-write, so two concurrent increments of one counter can lose one. Serialising
 * here makes one process exact on both; under a burst it also turns hundreds of `$inc`s into a
 * few bulk writes. Several processes on real MongoDB stay exact because `$inc` is atomic there.
 *
 * An increment also waits up to `lingerMs` for others before it is written (issue #21: at 80
 * clicks a second, one write of a few counters every 200 ms instead of one or two per click).
 * The answer path does not wait for it: the answer and its ledger entry are stored first, these
 * are the live counts, and closing a round recounts them exactly from the answers. Every
 * caller's promise settles when the write holding its increment has; `idle()` writes at once.
 */
export class CounterBatcher {
  private queued = new Map<string, Pending>();
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;
  /** The write in flight, settled either way. */
  private current: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly counters: Collection<CounterDoc>,
    private readonly lane: WriteLane = new WriteLane(),
    private readonly lingerMs = COUNTER_LINGER_MS,
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
    if (this.timer === null && this.writing === null) {
      this.timer = setTimeout(() => void this.drain(), this.lingerMs);
      this.timer.unref();
    }
    return done;
  }

  /**
   * Writes at once what is queued now, and resolves when that is written or has failed (it
   * never waits for increments that arrive later: a reader under a steady stream of clicks).
   */
  async idle(): Promise<void> {
    if (this.queued.size > 0) {
      const written = new Promise<void>((resolve) => this.waiters.push({ resolve, reject: () => resolve() }));
      void this.drain();
      await written;
    } else if (this.current !== null) {
      await this.current;
    }
  }

  private drain(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.writing !== null) return this.writing;
    if (this.queued.size === 0) return Promise.resolve();
    this.writing = (async () => {
      while (this.queued.size > 0) {
        const batch = this.queued;
        const waiters = this.waiters;
        this.queued = new Map();
        this.waiters = [];
        const write = this.lane.run(() => this.write(batch));
        this.current = write.then(
          () => undefined,
          () => undefined,
        );
        try {
          await write;
          for (const w of waiters) w.resolve();
        } catch (error) {
          for (const w of waiters) w.reject(error);
        }
      }
      this.current = null;
      this.writing = null;
    })();
    return this.writing;
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
