import { z } from 'zod';
import { insertOnce, type Database } from './database.js';

/** At most this many tries to send one week's summary to one reader. */
export const SUMMARY_MAX_ATTEMPTS = 3;

/**
 * One reader's summary of one ISO week (identity side: who got a summary, never what anyone
 * answered). Its id `week|personKey` is what makes a summary go out once per week, across
 * restarts and instances: only the insert that creates it may send.
 */
export const summaryDeliveryDocSchema = z.object({
  _id: z.string().min(1),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  personKey: z.string().min(1),
  state: z.enum(['claimed', 'sent', 'failed']),
  attempts: z.number().int().min(0),
  claimedAt: z.date(),
  roundId: z.string().nullable().default(null),
  messageChannel: z.string().nullable().default(null),
  messageId: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
});
export type SummaryDeliveryDoc = z.infer<typeof summaryDeliveryDocSchema>;

export function summaryDeliveryId(week: string, personKey: string): string {
  return `${week}|${personKey}`;
}

/** Claim → send → record for weekly summaries, like prompt deliveries. */
export class SummaryDeliveriesRepo {
  constructor(private readonly database: Database) {}

  private get collection() {
    return this.database.db.collection<SummaryDeliveryDoc>('summary_deliveries');
  }

  /** One document per retry attempt (`week|personKey#n`): whoever inserts it sends that attempt. */
  private get locks() {
    return this.database.db.collection<{ _id: string }>('summary_locks');
  }

  /**
   * Deletes the records and locks of weeks before `week` (`YYYY-Www`, which sort as text): a
   * week's summaries are long settled by then, and nothing else reads them.
   */
  async deleteBefore(week: string): Promise<number> {
    const records = await this.collection.deleteMany({ week: { $lt: week } });
    // A lock's id starts with its week (`YYYY-Www|person#n`).
    await this.locks.deleteMany({ _id: { $lt: week } });
    return records.deletedCount;
  }

  /** Ids among `ids` that need nothing more this week: sent, being sent, or out of tries. */
  async settled(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = await this.collection.find({ _id: { $in: [...ids] } }, { projection: { state: 1, attempts: 1 } }).toArray();
    return new Set(docs.filter((d) => d.state !== 'failed' || d.attempts >= SUMMARY_MAX_ATTEMPTS).map((d) => d._id));
  }

  /**
   * Takes this week's summary for one reader; true only for the one caller that got it. The first
   * try is the insert of the record itself (a unique `_id`); a retry after a failed send is the
   * insert of a lock for that attempt (`id#n`). An insert is the one compare-and-set that is atomic
   * on every MongoDB-protocol server (FerretDB applies a filtered update as a read, then a write).
   */
  async claim(week: string, personKey: string, now: Date): Promise<boolean> {
    const _id = summaryDeliveryId(week, personKey);
    const doc = summaryDeliveryDocSchema.parse({ _id, week, personKey, state: 'claimed', attempts: 1, claimedAt: now });
    if (await insertOnce(this.collection, doc)) return true;
    const current = await this.get(_id);
    if (current?.state !== 'failed' || current.attempts >= SUMMARY_MAX_ATTEMPTS) return false;
    const attempt = current.attempts + 1;
    if (!(await insertOnce(this.locks, { _id: `${_id}#${attempt}` }))) return false;
    await this.collection.updateOne({ _id }, { $set: { state: 'claimed', claimedAt: now, attempts: attempt } });
    return true;
  }

  /** Only the claimer records its send, so these write by `_id` alone. */
  async markSent(id: string, roundId: string, channel: string, messageId: string): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: { state: 'sent', roundId, messageChannel: channel, messageId, lastError: null } });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: { state: 'failed', lastError: error.slice(0, 200) } });
  }

  async get(id: string): Promise<SummaryDeliveryDoc | null> {
    const doc = await this.collection.findOne({ _id: id });
    return doc === null ? null : summaryDeliveryDocSchema.parse(doc);
  }

  async forWeek(week: string): Promise<SummaryDeliveryDoc[]> {
    const docs = await this.collection.find({ week }).toArray();
    return docs.map((doc) => summaryDeliveryDocSchema.parse(doc));
  }
}
