/** The database a bench runs against: MONGODB_URI when set, else a FerretDB test server started here. */
import { startMongoServer } from '../../src/embedded-db/launcher.js';

export interface BenchMongo {
  readonly uri: string;
  stop(): Promise<void>;
}

export async function benchMongo(given: string | undefined = process.env.MONGODB_URI): Promise<BenchMongo> {
  if (given) return { uri: given, stop: () => Promise.resolve() };
  const server = await startMongoServer();
  return { uri: server.uri, stop: () => server.stop() };
}
