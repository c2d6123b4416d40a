import { MongoBulkWriteError } from 'mongodb';
import { isOnlyDuplicateKeys, type Database } from './database.js';
import type { DeliveryDoc, SendLockDoc } from './documents/identity.js';

/**
 * Writes per bulk request. FerretDB (v1, SQLite) stops answering an `update` command of 100
 * statements or more, so bulk updates go in slices below that.
 */
export const BULK_SLICE = 50;

export function slices<T>(items: readonly T[], size = BULK_SLICE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The send lock of a delivery's current attempt: inserting it is the claim. */
export function lockId(delivery: Pick<DeliveryDoc, '_id' | 'attempts'>): string {
  return `${delivery._id}#${delivery.attempts}`;
}

/**
 * Inserts send locks in one unordered insertMany; returns the indexes of those that already
 * existed (held by someone else). Any other error throws: then no lock counts as taken.
 */
export async function insertLocks(database: Database, locks: readonly SendLockDoc[]): Promise<Set<number>> {
  if (locks.length === 0) return new Set();
  try {
    await database.collections.sendLocks.insertMany(locks.map((lock) => ({ ...lock })), { ordered: false });
    return new Set();
  } catch (error) {
    if (!isOnlyDuplicateKeys(error) || !(error instanceof MongoBulkWriteError)) throw error;
    return new Set(error.result.getWriteErrors().map((e) => e.index));
  }
}

/**
 * Whether the round of a claimed batch may still be sent to: open and not past its close. Read
 * after the locks are in, it stands in for re-reading each delivery (see DeliveriesRepo.claimMany).
 */
export async function roundsStillOpen(database: Database, roundIds: Iterable<string>, now: Date): Promise<Set<string>> {
  const open = new Set<string>();
  for (const id of new Set(roundIds)) {
    const round = await database.collections.rounds.findOne({ _id: id });
    if (round !== null && round.state === 'open' && round.closesAt > now) open.add(id);
  }
  return open;
}
