import type { Document } from 'mongodb';
import type { Database } from './database.js';
import { exitRequestId } from './documents/identity.js';

/**
 * Installs from before issue #18 kept exit surveys in `exit_requests`, keyed by the person. They
 * move into `event_requests` as the exit survey's requests (idempotent: a request already moved
 * is left as it is), so a scheduled or open exit survey survives the upgrade.
 */
export async function migrateExitRequests(database: Database): Promise<number> {
  const old = database.db.collection<Document & { _id: string }>('exit_requests');
  let moved = 0;
  for (const doc of await old.find({}).toArray()) {
    const { _id: person, ...rest } = doc;
    await database.collections.eventRequests.updateOne(
      { _id: exitRequestId(person) },
      { $setOnInsert: { ...rest, surveyId: 'exit', personKey: person, event: 'person.leaving', step: 0 } as never },
      { upsert: true },
    );
    await old.deleteOne({ _id: person });
    moved++;
  }
  return moved;
}
