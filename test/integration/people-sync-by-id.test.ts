import { randomBytes } from 'node:crypto';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { PeopleRepo } from '../../src/store/people-repo.js';

// Found by `npm run bench -- fanout`: a sync of 5,000 people stalled at ~10 a second because one of
// its two writes per person filtered on `_id` plus `segmentSource`, which the FerretDB server
// answers with a full scan (it uses an index only for `_id`-only filters).
describe('directory sync writes people by _id alone and still keeps an imported segment', () => {
  let client: MongoClient;
  let database: Database;
  const filters: Record<string, unknown>[] = [];

  beforeAll(async () => {
    client = new MongoClient(inject('mongoUri'), { monitorCommands: true });
    client.on('commandStarted', (event: CommandStartedEvent) => {
      const command = event.command as { update?: string; find?: string; updates?: { q: Record<string, unknown> }[]; filter?: Record<string, unknown> };
      if (command.update === 'people') filters.push(...(command.updates ?? []).map((u) => u.q));
      if (command.find === 'people' && command.filter) filters.push(command.filter);
    });
    await client.connect();
    database = openDatabase(client, `test_${randomBytes(6).toString('hex')}`);
  });
  afterAll(async () => {
    await database.db.dropDatabase();
    await client.close();
  });

  const sync = (repo: PeopleRepo, userId: string, segment: string | null, syncId: string) =>
    repo.upsertFromPlatform({
      platform: 'slack',
      tenant: 'T1',
      userId,
      email: `${userId}@example.com`,
      timezone: 'Europe/Oslo',
      locale: 'en',
      segment,
      syncId,
    });

  it('a new person gets the platform segment, a later sync moves it, an HR-imported segment stays', async () => {
    const repo = new PeopleRepo(database);
    await sync(repo, 'U1', 'sales', 's1');
    await sync(repo, 'U2', 'sales', 's1');
    expect(await database.collections.people.findOne({ _id: 'slack:T1:U1' })).toMatchObject({ segment: 'sales', segmentSource: 'platform', active: true });

    await database.collections.people.updateOne({ _id: 'slack:T1:U2' }, { $set: { segment: 'finance', segmentSource: 'import' } });
    await sync(repo, 'U1', 'support', 's2');
    await sync(repo, 'U2', 'support', 's2');
    expect(await database.collections.people.findOne({ _id: 'slack:T1:U1' })).toMatchObject({ segment: 'support', segmentSource: 'platform', syncId: 's2' });
    expect(await database.collections.people.findOne({ _id: 'slack:T1:U2' })).toMatchObject({ segment: 'finance', segmentSource: 'import', syncId: 's2' });

    expect(filters.length).toBeGreaterThan(0);
    expect(filters.filter((f) => Object.keys(f).length !== 1 || !('_id' in f))).toEqual([]);
  });
});
