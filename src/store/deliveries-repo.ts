import { UNREACHABLE, type DeliveryFailure } from '../ports/chat-platform.js';
import { MongoBulkWriteError } from 'mongodb';
import { eachWrite, insertLocks, lockId, roundsStillOpen } from './claim-batch.js';
import { insertOnce, isOnlyDuplicateKeys, type Database } from './database.js';
import { deliveryDocSchema, type DeliveryDoc, type PersonKey } from './documents/identity.js';

export function deliveryId(roundId: string, person: PersonKey): string {
  return `${roundId}|${person}`;
}

export type NewDelivery = Omit<
  DeliveryDoc,
  | 'state'
  | 'attempts'
  | 'claimedAt'
  | 'claimedBy'
  | 'messageChannel'
  | 'messageId'
  | 'lastError'
  | 'failure'
  | 'locale'
  | 'reminders'
  | 'nextReminderAt'
  | 'expiresAt'
  | 'bound'
> &
  Partial<Pick<DeliveryDoc, 'locale' | 'reminders' | 'expiresAt'>>;

function withReminders(doc: NewDelivery): Omit<DeliveryDoc, 'state'> {
  const reminders = [...(doc.reminders ?? [])].sort((a, b) => a.getTime() - b.getTime());
  return deliveryDocSchema.omit({ state: true }).parse({ ...doc, reminders, nextReminderAt: reminders[0] ?? null });
}

/** Who a round's prompt goes to, and how far each send got. Identity side. */
export class DeliveriesRepo {
  constructor(private readonly database: Database) {}

  private get deliveries() {
    return this.database.collections.deliveries;
  }

  /**
   * Adds pending deliveries; one that exists is left as it is, so a restarted fan-out adds only
   * what is missing. One unordered insertMany: the server writes the new ones in one transaction
   * and refuses the existing ones with a duplicate key, which is the only error ignored here.
   */
  /** Inserts the deliveries not yet written (unordered: one already there is left as it is); returns those it inserted. */
  async addPending(docs: readonly NewDelivery[]): Promise<DeliveryDoc[]> {
    if (docs.length === 0) return [];
    const full = docs.map((doc) => deliveryDocSchema.parse({ ...withReminders(doc), state: 'pending' }));
    try {
      await this.deliveries.insertMany(
        full.map((doc) => ({ ...doc })),
        { ordered: false },
      );
      return full;
    } catch (error) {
      if (!isOnlyDuplicateKeys(error) || !(error instanceof MongoBulkWriteError)) throw error;
      const existing = new Set(error.result.getWriteErrors().map((e) => e.index));
      return full.filter((_, index) => !existing.has(index));
    }
  }

  /** Writes a pending delivery, replacing one that was never sent (an exit survey asked for again). */
  async replacePending(doc: NewDelivery): Promise<void> {
    const full = deliveryDocSchema.parse({ ...withReminders(doc), state: 'pending' });
    const replaced = await this.deliveries.replaceOne({ _id: doc._id, state: { $in: ['pending', 'failed', 'closed'] } }, full);
    if (replaced.matchedCount === 0) await this.addPending([doc]);
  }

  async get(id: string): Promise<DeliveryDoc | null> {
    const doc = await this.deliveries.findOne({ _id: id });
    return doc === null ? null : deliveryDocSchema.parse(doc);
  }

  /**
   * Pending deliveries due by `now`, oldest first, read as one query and streamed `batchSize` at a
   * time (the server scans the collection once, not once per batch).
   */
  async *dueStream(now: Date, limit: number, batchSize: number): AsyncGenerator<DeliveryDoc> {
    const cursor = this.deliveries
      .find({ state: 'pending', sendAt: { $lte: now } })
      .sort({ sendAt: 1 })
      .limit(limit)
      .batchSize(batchSize);
    try {
      for await (const doc of cursor) yield deliveryDocSchema.parse(doc);
    } finally {
      await cursor.close();
    }
  }

  /** Pending deliveries due by `now`, oldest first. */
  async due(now: Date, limit: number): Promise<DeliveryDoc[]> {
    const docs = await this.deliveries
      .find({ state: 'pending', sendAt: { $lte: now } })
      .sort({ sendAt: 1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => deliveryDocSchema.parse(doc));
  }

  /**
   * Takes a pending delivery for sending; true only for the one caller that got it.
   *
   * The claim is the insert of a lock for this attempt (`id#attempts`), the one compare-and-set
   * that is atomic on every MongoDB-protocol server; then the delivery is read again (a stale copy
   * of one the round has closed is let go) and moved to `claimed`. Every read and write here
   * filters on `_id` alone, which every server answers from an index. A reader holding a stale
   * copy asks for an attempt whose lock exists, and loses. A lock whose holder died is skipped
   * past once stale (`skipStaleLock`). `claimMany` takes many at once.
   */
  async claim(delivery: DeliveryDoc, now: Date, staleAfterMs: number): Promise<boolean> {
    if (await insertOnce(this.database.collections.sendLocks, { _id: lockId(delivery), roundId: delivery.roundId, at: now })) {
      // The copy the caller read may be stale (the round closed it, another attempt moved it on).
      const current = await this.get(delivery._id);
      if (current?.state !== 'pending' || current.attempts !== delivery.attempts) return false;
      await this.deliveries.updateOne({ _id: delivery._id }, { $set: { state: 'claimed', claimedAt: now, attempts: delivery.attempts + 1 } });
      return true;
    }
    await this.skipStaleLock(delivery, now, staleAfterMs);
    return false;
  }

  /**
   * Takes many pending deliveries for sending at once; returns those this caller got, as claimed.
   *
   * Exclusive like `claim`: the locks (`id#attempts`) of all the copies go in one unordered
   * insertMany, and a delivery is this caller's only if its lock insert succeeded; a duplicate key
   * means someone else holds that attempt. Instead of re-reading every delivery, the rounds are
   * read once, after the locks are in: a copy whose lock could still be inserted is at an attempt
   * nobody took (whoever claimed a delivery, and so whoever sent, retried or released it, holds
   * the lock of the attempt the copy shows), and the one change made to a pending delivery without
   * a lock, closing it, comes after its round is marked closing. Every write filters on `_id`
   * alone (the server's only indexed filter), a few at a time.
   */
  async claimMany(copies: readonly DeliveryDoc[], now: Date, staleAfterMs: number, claimedBy: string | null = null): Promise<DeliveryDoc[]> {
    const taken = await insertLocks(
      this.database,
      copies.map((copy) => ({ _id: lockId(copy), roundId: copy.roundId, at: now })),
    );
    const open = await roundsStillOpen(
      this.database,
      copies.map((copy) => copy.roundId),
      now,
    );
    const ours = copies.filter((copy, index) => !taken.has(index) && open.has(copy.roundId));
    for (const [index, copy] of copies.entries()) if (taken.has(index)) await this.skipStaleLock(copy, now, staleAfterMs);
    await eachWrite(ours, (copy) =>
      this.deliveries.updateOne({ _id: copy._id }, { $set: { state: 'claimed', claimedAt: now, claimedBy, attempts: copy.attempts + 1 } }),
    );
    return ours.map((copy) => ({ ...copy, state: 'claimed', claimedAt: now, claimedBy, attempts: copy.attempts + 1 }));
  }

  /**
   * A lock whose holder died before moving the delivery (still pending at that attempt after
   * `staleAfterMs`) is skipped past: the attempt count goes up, and the next claim takes a fresh
   * lock. Nothing was sent under it, since sending comes after the move.
   */
  private async skipStaleLock(delivery: DeliveryDoc, now: Date, staleAfterMs: number): Promise<void> {
    const lock = await this.database.collections.sendLocks.findOne({ _id: lockId(delivery) });
    if (lock !== null && lock.at.getTime() <= now.getTime() - staleAfterMs) {
      const current = await this.get(delivery._id);
      if (current?.state === 'pending' && current.attempts === delivery.attempts) {
        await this.deliveries.updateOne({ _id: delivery._id }, { $max: { attempts: delivery.attempts + 1 } });
      }
    }
  }

  /** Claimed deliveries this process let go unsent (shutting down) go back to pending, at their new attempt. */
  async unclaim(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.deliveries.updateOne({ _id: id }, { $set: { state: 'pending', claimedAt: null, claimedBy: null } });
  }

  /** Drops a closed round's send locks: with nothing left to send, no claim can race any more. */
  async dropLocks(roundId: string): Promise<void> {
    await this.database.collections.sendLocks.deleteMany({ roundId });
  }

  /** Deliveries claimed before `before` and never recorded. */
  async staleClaims(before: Date): Promise<DeliveryDoc[]> {
    const docs = await this.deliveries
      .find({ state: 'claimed', claimedAt: { $lt: before } })
      .limit(1000)
      .toArray();
    return docs.map((doc) => deliveryDocSchema.parse(doc));
  }

  async markSent(id: string, channel: string, messageId: string): Promise<void> {
    await this.deliveries.updateOne({ _id: id }, { $set: { state: 'sent', messageChannel: channel, messageId, lastError: null, failure: null, bound: true } });
  }

  async markFailed(id: string, error: string, failure: DeliveryFailure = 'error'): Promise<void> {
    await this.deliveries.updateOne({ _id: id }, { $set: { state: 'failed', lastError: error, failure } });
  }

  async markClosed(id: string): Promise<void> {
    await this.deliveries.updateOne({ _id: id, state: 'pending' }, { $set: { state: 'closed' } });
  }

  async retryLater(id: string, sendAt: Date, error: string, failure: DeliveryFailure = 'error'): Promise<void> {
    await this.deliveries.updateOne({ _id: id }, { $set: { state: 'pending', sendAt, lastError: error, failure } });
  }

  /** A claimed prompt known never to have been posted goes back to pending, due `now` (a fresh attempt). */
  async releaseClaim(id: string, now: Date): Promise<void> {
    await this.deliveries.updateOne(
      { _id: id },
      { $set: { state: 'pending', sendAt: now, claimedAt: null, claimedBy: null, lastError: 'never_posted_after_crash' } },
    );
  }

  /**
   * Records that a claimed prompt turned out to be posted (the platform confirmed it after its
   * sender died). Only a delivery still `claimed` changes. True if it did.
   */
  async confirmPosted(id: string, channel: string, messageId: string): Promise<boolean> {
    const current = await this.get(id);
    if (current?.state !== 'claimed') return false;
    await this.markSent(id, channel, messageId);
    return true;
  }

  async countByState(roundId: string): Promise<Record<string, number>> {
    const rows = this.deliveries.aggregate<{ _id: string; n: number }>([{ $match: { roundId } }, { $group: { _id: '$state', n: { $sum: 1 } } }]);
    const out: Record<string, number> = {};
    for await (const row of rows) out[row._id] = row.n;
    return out;
  }

  /** Sent prompts whose next reminder is due. */
  async remindersDue(now: Date, limit: number): Promise<DeliveryDoc[]> {
    const docs = await this.deliveries
      .find({ state: 'sent', nextReminderAt: { $lte: now } })
      .sort({ nextReminderAt: 1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => deliveryDocSchema.parse(doc));
  }

  /** Moves a delivery past the reminder it was due for. */
  async reminderProcessed(delivery: DeliveryDoc): Promise<void> {
    const next = delivery.reminders.find((at) => delivery.nextReminderAt !== null && at > delivery.nextReminderAt) ?? null;
    await this.deliveries.updateOne({ _id: delivery._id, nextReminderAt: delivery.nextReminderAt }, { $set: { nextReminderAt: next } });
  }

  /** The earliest moment any delivery needs attention (a send or a reminder), or null. */
  async nextDueAt(): Promise<Date | null> {
    const [send] = await this.deliveries.find({ state: 'pending' }).sort({ sendAt: 1 }).limit(1).toArray();
    const [remind] = await this.deliveries
      .find({ state: 'sent', nextReminderAt: { $ne: null } })
      .sort({ nextReminderAt: 1 })
      .limit(1)
      .toArray();
    const times = [send?.sendAt, remind?.nextReminderAt].filter((d): d is Date => d instanceof Date);
    return times.length === 0 ? null : new Date(Math.min(...times.map((d) => d.getTime())));
  }

  /** Deliveries of a round whose prompt went out, streamed. */
  async *sentIn(roundId: string): AsyncGenerator<DeliveryDoc> {
    for await (const doc of this.deliveries.find({ roundId, state: 'sent' }).batchSize(500)) yield deliveryDocSchema.parse(doc);
  }

  /** A sent prompt now shows its round as closed. */
  async markPromptClosed(id: string): Promise<void> {
    await this.deliveries.updateOne({ _id: id, state: 'sent' }, { $set: { state: 'closed' } });
  }

  /** Prompts never sent before the round closed will not be. */
  async closePending(roundId: string): Promise<void> {
    await this.deliveries.updateMany({ roundId, state: 'pending' }, { $set: { state: 'closed' } });
  }

  /** Rounds whose prompt this person has received and that are still marked sent. */
  async openPromptsOf(person: string): Promise<string[]> {
    const docs = await this.deliveries.find({ personKey: person, state: 'sent' }, { projection: { roundId: 1 } }).toArray();
    return docs.map((d) => d.roundId);
  }

  /** Prompts of open deliveries that could not reach their person at all (see UNREACHABLE). */
  async unreachableCount(): Promise<number> {
    // Deliveries stored before failures were typed say so only in their message.
    const reached = { $or: [{ failure: 'unreachable' as const }, { failure: null, lastError: { $regex: `^${UNREACHABLE}` } }] };
    return this.database.collections.deliveries.countDocuments({ ...reached, state: { $in: ['failed', 'pending'] } });
  }

  /** Invited people per reporting segment, counted from the deliveries themselves (idempotent). */
  async invitedBySegment(roundId: string): Promise<Map<string, number>> {
    const rows = this.deliveries.aggregate<{ _id: string; n: number }>([{ $match: { roundId } }, { $group: { _id: '$reportingSegment', n: { $sum: 1 } } }]);
    const out = new Map<string, number>();
    for await (const row of rows) out.set(row._id, row.n);
    return out;
  }
}
