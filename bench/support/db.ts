/** The bench's own connection to the bot's database, to watch progress and count results. */
import { MongoClient, type Db } from 'mongodb';

export interface BenchDb {
  readonly db: Db;
  count(collection: string, filter?: Record<string, unknown>): Promise<number>;
  drop(): Promise<void>;
  close(): Promise<void>;
}

export async function openBenchDb(uri: string, name: string): Promise<BenchDb> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const db = client.db(name);
  return {
    db,
    count: (collection, filter = {}) => db.collection(collection).countDocuments(filter),
    async drop() {
      await db.dropDatabase().catch(() => undefined);
    },
    close: () => client.close(),
  };
}
