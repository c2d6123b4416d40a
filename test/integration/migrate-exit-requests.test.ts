import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitRequestId } from '../../src/store/documents/identity.js';
import { ensureIndexes } from '../../src/store/indexes.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

/** An install from before issue #18 keeps its scheduled and open exit surveys through the upgrade. */
describe('exit_requests move into event_requests at start', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await db.dispose();
  });

  it('moves each request under the exit survey, once, keeping its state and times', async () => {
    const old = db.database.db.collection<{ _id: string }>('exit_requests');
    const sendAt = new Date('2026-12-07T09:00:00Z');
    const expiresAt = new Date('2026-12-21T09:00:00Z');
    await old.insertOne({
      _id: 'slack:T1:U9',
      state: 'scheduled',
      roundId: 'exit:2026-Q4',
      requestedBy: 'slack:T1:UHR',
      sendDate: '2026-12-07',
      sendAt,
      expiresAt,
      locale: 'nb',
    } as never);
    await ensureIndexes(db.database);
    await ensureIndexes(db.database);
    expect(await old.countDocuments({})).toBe(0);
    const moved = await db.database.collections.eventRequests.find({}).toArray();
    expect(moved).toEqual([
      {
        _id: exitRequestId('slack:T1:U9'),
        surveyId: 'exit',
        personKey: 'slack:T1:U9',
        event: 'person.leaving',
        step: 0,
        state: 'scheduled',
        roundId: 'exit:2026-Q4',
        requestedBy: 'slack:T1:UHR',
        sendDate: '2026-12-07',
        sendAt,
        expiresAt,
        locale: 'nb',
      },
    ]);
  });
});
