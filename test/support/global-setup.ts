import { MongoClient } from 'mongodb';
import type { TestProject } from 'vitest/node';
import { startMongoServer } from '../../src/embedded-db/launcher.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

/**
 * Gives the storage tests a real MongoDB wire-protocol server: the one in MONGODB_URI when it is
 * set (real MongoDB), else a FerretDB started here and stopped after the run. A server that does
 * not answer fails the run; it never skips.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.MONGODB_URI;
  const server = given ? null : await startMongoServer();
  const uri = given ?? server?.uri ?? '';
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } catch (error) {
    await server?.stop();
    throw new Error(`the test database at ${uri} does not answer: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.close();
  }
  project.provide('mongoUri', uri);
  return async () => {
    await server?.stop();
  };
}
