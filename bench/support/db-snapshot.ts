/** Every document of a database (minus the scheduler's own bookkeeping), to tell whether anything was written. */
import { BSON, type Db } from 'mongodb';

const { EJSON } = BSON;

export type Snapshot = Map<string, string>;

/**
 * Bookkeeping that changes by itself, not data a request can write: agenda_jobs on every scheduler
 * tick (lockedAt, lastRunAt), instances on every heartbeat, send_leases while sending, close_drains
 * while a round closes.
 */
const IGNORED = new Set(['agenda_jobs', 'instances', 'send_leases', 'close_drains']);

export async function snapshot(db: Db): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const { name } of await db.listCollections().toArray()) {
    if (IGNORED.has(name)) continue;
    for (const doc of await db.collection(name).find({}).toArray()) {
      out.set(`${name}/${EJSON.stringify(doc._id)}`, EJSON.stringify(doc, { relaxed: false }));
    }
  }
  return out;
}

/** Documents added, removed or changed between two snapshots, by key. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const [key, doc] of after) if (before.get(key) !== doc) changed.push(before.has(key) ? `changed ${key}` : `added ${key}`);
  for (const key of before.keys()) if (!after.has(key)) changed.push(`removed ${key}`);
  return changed;
}
