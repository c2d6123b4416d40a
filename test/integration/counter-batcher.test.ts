import { randomBytes } from 'node:crypto';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { CountersRepo } from '../../src/store/counters-repo.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { WriteLane } from '../../src/store/write-lane.js';

// Issue #21: a click's CPU went largely to database commands. The live counters of the clicks
// within 200 ms now share one write, which the click does not wait for; what this process
// recorded it still shows at once, and closing a round writes them before it recounts.
describe('live counters', () => {
  let client: MongoClient;
  let database: Database;
  let repo: CountersRepo;
  const updates: number[] = [];

  beforeAll(async () => {
    client = new MongoClient(inject('mongoUri'), { monitorCommands: true });
    client.on('commandStarted', (event: CommandStartedEvent) => {
      if (event.commandName === 'update' && event.command.update === 'counters') updates.push((event.command.updates as unknown[]).length);
    });
    await client.connect();
    database = openDatabase(client, `test_${randomBytes(6).toString('hex')}`);
  });
  beforeEach(() => {
    repo = new CountersRepo(database, new WriteLane());
    updates.length = 0;
  });
  afterAll(async () => {
    await database.db.dropDatabase();
    await client.close();
  });

  const n = async (roundId: string, value: string) => (await repo.forRound(roundId)).find((c) => c.value === value)?.n;

  it('forty clicks within the wait share one write, and every increment lands', async () => {
    const written = Array.from({ length: 40 }, (_, i) => repo.increment('r1', 'org', 'enps', [String(i % 4), '_answered']));
    await Promise.all(written);
    expect(updates).toEqual([5]);
    expect(await n('r1', '_answered')).toBe(40);
    expect(await n('r1', '3')).toBe(10);
  });

  it('what this process counted, it reads at once (the write has not gone out yet)', async () => {
    void repo.increment('r2', 'org', 'enps', ['_answered']);
    void repo.increment('r2', 'org', '_round', ['_respondents']);
    expect(await n('r2', '_answered')).toBe(1);
    expect((await repo.roundTotals('r2')).respondents).toBe(1);
  });

  it('settle writes at once what is waiting (a closing round)', async () => {
    void repo.increment('r3', 'org', 'enps', ['_answered']);
    await repo.settle();
    expect(updates).toEqual([1]);
    expect(await database.collections.counters.countDocuments({ roundId: 'r3' })).toBe(1);
  });
});
