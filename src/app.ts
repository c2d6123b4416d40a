import type { Config } from './config.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { ServiceDeps } from './services/deps.js';
import { connectDatabase, redact, type Database } from './store/database.js';
import { ensureIndexes } from './store/indexes.js';
import { createStore } from './store/store.js';

export interface App {
  readonly config: Config;
  readonly database: Database;
  readonly deps: ServiceDeps;
  close(): Promise<void>;
}

/** The composition root: connects storage and builds the services' dependencies. */
export async function createApp(config: Config, clock: Clock, logger: Logger): Promise<App> {
  const database = await connectDatabase(config.mongodb.uri, config.mongodb.dbName);
  await ensureIndexes(database);
  logger.info({ mongodb: redact(config.mongodb.uri), db: config.mongodb.dbName }, 'storage ready');
  const store = createStore(database, config.secret);
  return {
    config,
    database,
    deps: { store, clock, logger },
    close: () => database.close(),
  };
}
