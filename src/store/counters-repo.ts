import type { Database } from './database.js';
import { counterDocSchema, counterId, type CounterDoc } from './documents/answers.js';

/** Pre-aggregated counts, the only thing summaries read. */
export class CountersRepo {
  constructor(private readonly database: Database) {}

  /** Adds 1 to each counter (creating it at 1). */
  async increment(roundId: string, segment: string, questionId: string, values: readonly string[]): Promise<void> {
    if (values.length === 0) return;
    await this.database.collections.counters.bulkWrite(
      values.map((value) => ({
        updateOne: {
          filter: { _id: counterId(roundId, segment, questionId, value) },
          update: { $inc: { n: 1 }, $setOnInsert: { roundId, segment, questionId, value } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** Sets counters to exact values (at close, or invited counts at fan-out). Idempotent. */
  async set(roundId: string, rows: readonly { segment: string; questionId: string; value: string; n: number }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.database.collections.counters.bulkWrite(
      rows.map((row) => ({
        updateOne: {
          filter: { _id: counterId(roundId, row.segment, row.questionId, row.value) },
          update: { $set: { roundId, segment: row.segment, questionId: row.questionId, value: row.value, n: row.n } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** Replaces a round's answer counters (everything but round-level ones) with `rows`. */
  async replaceAnswerCounts(roundId: string, rows: readonly { segment: string; questionId: string; value: string; n: number }[], roundQuestion: string): Promise<void> {
    const keep = new Set(rows.map((row) => counterId(roundId, row.segment, row.questionId, row.value)));
    await this.set(roundId, rows);
    const stale = await this.database.collections.counters
      .find({ roundId, questionId: { $ne: roundQuestion } }, { projection: { _id: 1 } })
      .toArray();
    const toZero = stale.map((doc) => doc._id).filter((id) => !keep.has(id));
    if (toZero.length > 0) await this.database.collections.counters.deleteMany({ _id: { $in: toZero } });
  }

  async forRound(roundId: string): Promise<CounterDoc[]> {
    const docs = await this.database.collections.counters.find({ roundId }).toArray();
    return docs.map((doc) => counterDocSchema.parse(doc));
  }

  async forRounds(roundIds: readonly string[]): Promise<CounterDoc[]> {
    const docs = await this.database.collections.counters.find({ roundId: { $in: [...roundIds] } }).toArray();
    return docs.map((doc) => counterDocSchema.parse(doc));
  }
}
