import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkUpsert } from '../../src/store/database.js';
import { DeliveriesRepo, deliveryId, type NewDelivery } from '../../src/store/deliveries-repo.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

// Bulk writes that touch documents which already exist: a fan-out resumed after a crash writes
// its page of deliveries again, and a busy round's counter batches increment counters that
// exist. On FerretDB v1 one large command of such updates (or a few at once) used to take every
// connection of the database's pool and never finish: the database stopped answering anyone.
describe('bulk writes over existing documents', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase();
  });

  afterAll(async () => {
    await db.dispose();
  });

  const page = (roundId: string, n: number): NewDelivery[] =>
    Array.from({ length: n }, (_, i) => {
      const personKey = `slack:T1:U${String(i).padStart(5, '0')}` as const;
      return { _id: deliveryId(roundId, personKey), roundId, personKey, platform: 'slack', reportingSegment: 'root', sendAt: new Date('2026-11-23T09:00:00Z') };
    });

  it('a fan-out page of 600 written again after a crash adds nothing, changes nothing, and the database keeps answering', async () => {
    const repo = new DeliveriesRepo(db.database);
    await repo.addPending(page('r1', 300));
    await db.database.collections.deliveries.updateOne({ _id: deliveryId('r1', 'slack:T1:U00007') }, { $set: { state: 'sent' } });

    await repo.addPending(page('r1', 600));

    expect(await db.database.collections.deliveries.countDocuments({ roundId: 'r1' })).toBe(600);
    expect((await repo.get(deliveryId('r1', 'slack:T1:U00007')))?.state).toBe('sent');
    expect(await repo.countByState('r1')).toEqual({ pending: 599, sent: 1 });
  });

  it('eight counter batches of 100 existing counters each, written at once, all land (four times over)', async () => {
    const counters = db.database.collections.counters;
    const ids = Array.from({ length: 800 }, (_, i) => `c${i}`);
    const increment = (id: string) => ({
      updateOne: {
        filter: { _id: id },
        update: { $inc: { n: 1 }, $setOnInsert: { roundId: 'r2', segment: 'root', questionId: 'q', value: id } },
        upsert: true,
      },
    });
    await bulkUpsert(counters, ids.map(increment));

    // Eight commands of 16 in step would need 128 of the pool's 100 connections; how the writes
    // interleave varies from run to run, so the burst is repeated.
    for (let burst = 0; burst < 4; burst++) {
      await Promise.all(Array.from({ length: 8 }, (_, k) => bulkUpsert(counters, ids.slice(k * 100, (k + 1) * 100).map(increment))));
    }

    const totals = await counters
      .aggregate<{ _id: number; docs: number }>([{ $match: { roundId: 'r2' } }, { $group: { _id: '$n', docs: { $sum: 1 } } }])
      .toArray();
    expect(totals).toEqual([{ _id: 5, docs: 800 }]);
  }, 60_000);
});
