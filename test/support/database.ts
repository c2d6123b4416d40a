import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connectDatabase, type Database } from '../../src/store/database.js';
import { ensureIndexes } from '../../src/store/indexes.js';

export interface TestDatabase {
  readonly database: Database;
  /** Drops the database and closes the connection. */
  dispose(): Promise<void>;
}

/** A fresh, empty database on the test server, with the app's indexes. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const database = await connectDatabase(inject('mongoUri'), name, { serverSelectionTimeoutMS: 5_000 });
  await ensureIndexes(database);
  return {
    database,
    async dispose() {
      await database.db.dropDatabase();
      await database.close();
    },
  };
}
