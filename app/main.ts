import { ConfigError, loadConfig } from '../src/config.js';
import { prepareLocalStart } from '../src/embedded-db/local-start.js';
import { createLogger } from '../src/logger.js';
import { ManualClock, systemClock } from '../src/ports/clock.js';
import { PLAYGROUND_TIMINGS } from './timings.js';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const fresh = process.argv.includes('--fresh');
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const local = await prepareLocalStart(process.env, { say, fresh });
  let config;
  try {
    config = loadConfig(local.env);
  } catch (error) {
    await local.embedded?.stop();
    throw error;
  }
  // Loaded only now: the chat SDKs take a second or more to load, and a bad config should not wait for them.
  const [{ createApp }, { playgroundStart }] = await Promise.all([import('./create-app.js'), import('./playground-start.js')]);
  const logger = createLogger(config.logLevel);
  // Playground: a clock the fast-forward control can move, starting now.
  const playgroundClock = config.playground ? new ManualClock(systemClock.now()) : undefined;
  const app = await createApp(config, playgroundClock ?? systemClock, logger, playgroundClock ? { playgroundClock, timings: PLAYGROUND_TIMINGS } : {});
  if (config.playground) await playgroundStart(app, { fresh, say });
  // The playground has no sign-in: it listens on this computer only.
  const port = await app.listen(config.port, config.playground ? '127.0.0.1' : undefined);
  const surfaces = [...app.platforms.keys()].join(', ') || 'none';
  if (config.playground)
    say(`pulsebot: no Slack or Teams credentials, so this is the playground: open http://localhost:${port}/playground (dashboard: /dashboard)`);
  logger.info({ port, platforms: surfaces }, `pulsebot is up on http://localhost:${port} (health: /healthz, chat platforms: ${surfaces})`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    app
      .close()
      .then(() => local.embedded?.stop())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled promise rejection (kept running)');
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`pulsebot: config error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`pulsebot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
