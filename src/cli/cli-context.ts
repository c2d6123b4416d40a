import { loadConfig, type Config } from '../config.js';
import { silentLogger } from '../logger.js';
import { systemClock } from '../ports/clock.js';
import type { ServiceDeps } from '../services/deps.js';
import { connectDatabase, type Database } from '../store/database.js';
import { ensureIndexes } from '../store/indexes.js';
import { createStore } from '../store/store.js';

export interface CliContext {
  readonly config: Config;
  readonly database: Database;
  readonly deps: ServiceDeps;
}

/** Connects with the server's configuration (its environment variables). Throws ConfigError for bad settings. */
export async function openCliContext(env: NodeJS.ProcessEnv): Promise<CliContext> {
  const config = loadConfig(env);
  const database = await connectDatabase(config.mongodb.uri, config.mongodb.dbName, { serverSelectionTimeoutMS: 5_000 });
  await ensureIndexes(database);
  const deps: ServiceDeps = {
    store: createStore(database, config.secret),
    clock: systemClock,
    logger: silentLogger(),
    settings: {
      anonymity: config.anonymity,
      defaultTimezone: config.defaultTimezone,
      defaultLocale: config.defaultLocale,
      orgName: config.orgName,
      bootstrapRoles: config.bootstrapRoles,
    },
  };
  return { config, database, deps };
}
