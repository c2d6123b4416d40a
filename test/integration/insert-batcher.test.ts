import { randomBytes } from 'node:crypto';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { InsertBatcher } from '../../src/store/insert-batcher.js';
import { WriteLane } from '../../src/store/write-lane.js';

// Found by `npm run bench -- ingest`: at 200 clicks/s the answer path's many small concurrent
// inserts made the FerretDB server's SQLite writers wait on each other (its busy handler sleeps
// and retries), and latency went to seconds. Batched through one lane, a burst is a few writes.
describe('the answer path’s batched inserts', () => {
  let client: MongoClient;
  let database: Database;
  const inserts: number[] = [];

  beforeAll(async () => {
    client = new MongoClient(inject('mongoUri'), { monitorCommands: true });
    client.on('commandStarted', (event: CommandStartedEvent) => {
      if (event.commandName === 'insert' && event.command.insert === 'comments') inserts.push((event.command.documents as unknown[]).length);
    });
    await client.connect();
    database = openDatabase(client, `test_${randomBytes(6).toString('hex')}`);
  });
  afterAll(async () => {
    await database.db.dropDatabase();
    await client.close();
  });

  const doc = (i: number) => ({
    _id: `00000000-0000-8000-8000-${String(i).padStart(12, '0')}`,
    roundId: 'r',
    roundDate: '2026-11-23',
    questionId: 'comment',
    segment: 'org',
    text: `text ${i}`,
  });

  it('a burst of 60 inserts goes out in a few commands, and each caller learns whether it stored its document', async () => {
    const batcher = new InsertBatcher(database.collections.comments, new WriteLane());
    inserts.length = 0;
    await database.collections.comments.insertOne(doc(7));

    const ids = Array.from({ length: 60 }, (_, i) => i);
    // 7 already exists; 11 is asked for twice in the same burst.
    const results = await Promise.all([...ids.map((i) => batcher.add(doc(i))), batcher.add(doc(11))]);

    expect(results.filter((stored) => stored)).toHaveLength(59);
    expect(results[7]).toBe(false);
    expect([results[11], results[60]].sort()).toEqual([false, true]);
    expect(await database.collections.comments.countDocuments({})).toBe(60);
    expect(inserts.length).toBeLessThanOrEqual(3);
    expect(inserts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(61);
  });

  it('a write the server refuses rejects its caller, and the writes after it go on', async () => {
    const batcher = new InsertBatcher(database.collections.comments, new WriteLane());
    // A document FerretDB and MongoDB both refuse: a key starting with "$".
    const bad = { ...doc(100), $bad: 1 } as unknown as ReturnType<typeof doc>;
    const settled = await Promise.allSettled([batcher.add(bad), batcher.add(doc(101))]);
    expect(settled[0]?.status).toBe('rejected');
    expect(await batcher.add(doc(102))).toBe(true);
  });
});
