import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps } from '../support/fixtures.js';

/*
 * Delivery failures carry a typed reason (issue #16): `status` counts people it cannot reach from
 * that field, not by parsing error messages; deliveries stored before the field existed are still
 * counted from their message.
 */
describe('unreachable people, counted from the typed failure', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('counts typed and older unreachable deliveries that are still open, and nothing else', async () => {
    const deps = testDeps(db.database);
    const base = {
      roundId: 'pulse:2026-11-23',
      platform: 'teams',
      reportingSegment: 'org',
      sendAt: new Date(),
      attempts: 3,
      claimedAt: null,
      messageChannel: null,
      messageId: null,
      locale: null,
      reminders: [],
      nextReminderAt: null,
      expiresAt: null,
    };
    await db.database.db.collection('deliveries').insertMany([
      { ...base, _id: 'a', personKey: 'teams:t:a', state: 'failed', lastError: 'cannot post here', failure: 'unreachable' },
      { ...base, _id: 'b', personKey: 'teams:t:b', state: 'pending', lastError: 'teams_unreachable: not installed' },
      { ...base, _id: 'c', personKey: 'teams:t:c', state: 'failed', lastError: 'teams_unreachable: but retyped', failure: 'error' },
      { ...base, _id: 'd', personKey: 'teams:t:d', state: 'sent', lastError: null, failure: null },
      { ...base, _id: 'e', personKey: 'teams:t:e', state: 'closed', lastError: 'x', failure: 'unreachable' },
    ] as never[]);
    expect(await deps.store.deliveries.unreachableCount()).toBe(2);
  });
});
