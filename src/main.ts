import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { systemClock } from './ports/clock.js';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, systemClock, logger);
  const port = await app.listen(config.port);
  const surfaces = [...app.platforms.keys()].join(', ') || 'none';
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
