import { loadConfig } from '../src/config.js';
import { runCli as run } from '../src/cli/main.js';
import type { CliContext } from '../src/cli/cli-context.js';
import type { Output } from '../src/cli/output.js';
import { appSettings } from './app-settings.js';
import { silentLogger } from '../src/logger.js';
import { systemClock } from '../src/ports/clock.js';
import { createPulse } from '../src/pulse/index.js';
import type { ServiceDeps } from '../src/services/deps.js';
import { connectDatabase } from '../src/store/database.js';
import { ensureIndexes } from '../src/store/indexes.js';
import { createStore } from '../src/store/store.js';

/** The CLI's composition: the server's configuration, its database, and the door to the core. */
export async function openCliContext(env: NodeJS.ProcessEnv): Promise<CliContext> {
  const config = loadConfig(env);
  const database = await connectDatabase(config.mongodb.uri, config.mongodb.dbName, { serverSelectionTimeoutMS: 5_000 });
  await ensureIndexes(database);
  const deps: ServiceDeps = {
    store: createStore(database, config.secret),
    clock: systemClock,
    logger: silentLogger(),
    settings: appSettings(config),
  };
  // The CLI sends nothing: no platforms, no delivery timer.
  const pulse = createPulse(deps, { platforms: new Map(), deliveryEveryMs: null, summarySchedule: null });
  return {
    pulse,
    async close() {
      await pulse.delivery.stop();
      await database.close();
    },
  };
}

/** Runs one `pulsebot` command; resolves with the exit code. */
export function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, io?: Output): Promise<number> {
  return run(argv, env, openCliContext, io);
}
