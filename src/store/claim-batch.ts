import { MongoBulkWriteError } from 'mongodb';
import { isOnlyDuplicateKeys, type Database } from './database.js';
import type { DeliveryDoc, SendLockDoc } from './documents/identity.js';

/**
 * How many single-document writes go to the server at once. Not bulk writes: FerretDB v1 (SQLite)
 * keeps each statement's cursor, and so one of its 100 pooled connections, open until the whole
 * command ends, so an `update` command of many statements (bulkWrite) can take every connection
 * and wait forever for one more, as can a few such commands at once.
 */
const PARALLEL_WRITES = 4;

/** Runs `write` over `items`, a few at a time. */
export async function eachWrite<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(PARALLEL_WRITES, items.length) }, async () => {
    while (next < items.length) await write(items[next++] as T);
  });
  await Promise.all(lanes);
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
    await database.collections.sendLocks.insertMany(
      locks.map((lock) => ({ ...lock })),
      { ordered: false },
    );
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
