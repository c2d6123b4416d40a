import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendLeases, SEND_LEASE_MS } from '../../src/store/send-leases.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { ensureIndexes } from '../../src/store/indexes.js';

// Several pulsebot instances against one database: only one may send to a workspace at a time,
// or each would pace itself to the limit and together they would send several times too fast.
describe('send leases: one sender per workspace across instances', () => {
  let db: TestDatabase;
  let now = Date.parse('2026-11-23T09:00:00Z');
  const clock = () => now;
  const instance = (name: string) => new SendLeases(db.database.collections.sendLeases, name, clock);

  beforeAll(async () => {
    db = await openTestDatabase();
    await ensureIndexes(db.database);
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('twelve instances racing for a free workspace: exactly one wins, the others keep out while it lives', async () => {
    const racers = Array.from({ length: 12 }, (_, i) => instance(`i${i}`));
    const won = await Promise.all(racers.map((r) => r.hold('slack:T1')));
    expect(won.filter(Boolean)).toHaveLength(1);
    const winner = racers[won.indexOf(true)]!;
    now += SEND_LEASE_MS * 0.4;
    expect(await winner.hold('slack:T1')).toBe(true);
    expect((await Promise.all(racers.filter((r) => r !== winner).map((r) => r.hold('slack:T1')))).some(Boolean)).toBe(false);
    // Another workspace is another lease.
    expect(await racers.find((r) => r !== winner)!.hold('slack:T2')).toBe(true);
  });

  it('a holder that keeps sending renews its lease; one that dies is replaced once its lease has run out', async () => {
    const a = instance('a');
    const b = instance('b');
    expect(await a.hold('teams:tenant-1')).toBe(true);
    for (let i = 0; i < 4; i++) {
      now += SEND_LEASE_MS * 0.6;
      expect(await a.hold('teams:tenant-1')).toBe(true);
      expect(await b.hold('teams:tenant-1')).toBe(false);
    }
    // a stops (killed): b takes over after the lease's time, and a, if it came back, finds it gone.
    now += SEND_LEASE_MS + 1;
    expect(await b.hold('teams:tenant-1')).toBe(true);
    expect(await a.hold('teams:tenant-1')).toBe(false);
  });

  it('a holder that shuts down lets go at once', async () => {
    const a = instance('a2');
    const b = instance('b2');
    expect(await a.hold('slack:T9')).toBe(true);
    expect(await b.hold('slack:T9')).toBe(false);
    await a.releaseAll();
    expect(await b.hold('slack:T9')).toBe(true);
  });
});
