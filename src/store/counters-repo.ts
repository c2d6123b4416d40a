import { CounterBatcher } from './counter-batcher.js';
import type { WriteLane } from './write-lane.js';
import { bulkUpsert, type Database } from './database.js';
import { COUNTER_INVITED, COUNTER_RESPONDENTS, ROUND_QUESTION, counterDocSchema, counterId, type CounterDoc } from './documents/answers.js';

/** Pre-aggregated counts, the only thing summaries read. */
export class CountersRepo {
  private readonly batcher: CounterBatcher;

  constructor(
    private readonly database: Database,
    lane?: WriteLane,
  ) {
    this.batcher = new CounterBatcher(database.collections.counters, lane);
  }

  /** Adds 1 to each counter (creating it at 1), within COUNTER_LINGER_MS. Settles once the increment is written. */
  increment(roundId: string, segment: string, questionId: string, values: readonly string[]): Promise<void> {
    return this.batcher.add(roundId, segment, questionId, values);
  }

  /** Waits until this process's pending increments are written. */
  settle(): Promise<void> {
    return this.batcher.idle();
  }

  /** Sets counters to exact values (at close, or invited counts at fan-out). Idempotent. */
  async set(roundId: string, rows: readonly { segment: string; questionId: string; value: string; n: number }[]): Promise<void> {
    if (rows.length === 0) return;
    await bulkUpsert(
      this.database.collections.counters,
      rows.map((row) => ({
        updateOne: {
          filter: { _id: counterId(roundId, row.segment, row.questionId, row.value) },
          update: { $set: { roundId, segment: row.segment, questionId: row.questionId, value: row.value, n: row.n } },
          upsert: true,
        },
      })),
    );
  }

  /** Replaces a round's answer counters (everything but round-level ones) with `rows`. */
  async replaceAnswerCounts(
    roundId: string,
    rows: readonly { segment: string; questionId: string; value: string; n: number }[],
    roundQuestion: string,
  ): Promise<void> {
    const keep = new Set(rows.map((row) => counterId(roundId, row.segment, row.questionId, row.value)));
    await this.set(roundId, rows);
    const stale = await this.database.collections.counters.find({ roundId, questionId: { $ne: roundQuestion } }, { projection: { _id: 1 } }).toArray();
    const toZero = stale.map((doc) => doc._id).filter((id) => !keep.has(id));
    if (toZero.length > 0) await this.database.collections.counters.deleteMany({ _id: { $in: toZero } });
  }

  /** Organisation-wide invited and respondents of a round. */
  async roundTotals(roundId: string): Promise<{ invited: number; respondents: number }> {
    // This process's own increments are written before it reads: what it recorded, it shows.
    await this.settle();
    const docs = await this.database.collections.counters.find({ roundId, questionId: ROUND_QUESTION }).toArray();
    const sum = (value: string) => docs.filter((d) => d.value === value).reduce((total, d) => total + d.n, 0);
    return { invited: sum(COUNTER_INVITED), respondents: sum(COUNTER_RESPONDENTS) };
  }

  async forRound(roundId: string): Promise<CounterDoc[]> {
    await this.settle();
    const docs = await this.database.collections.counters.find({ roundId }).toArray();
    return docs.map((doc) => counterDocSchema.parse(doc));
  }

  async forRounds(roundIds: readonly string[]): Promise<CounterDoc[]> {
    // No rounds, no counters: FerretDB answers `$in: []` with a scan of every counter (33 s for a year of 10,000 people).
    if (roundIds.length === 0) return [];
    await this.settle();
    const docs = await this.database.collections.counters.find({ roundId: { $in: [...roundIds] } }).toArray();
    return docs.map((doc) => counterDocSchema.parse(doc));
  }
}
