import { once } from 'node:events';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createHttpServer } from './http-server.js';
import { createLogger } from './logger.js';
import { systemClock } from './ports/clock.js';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, systemClock, logger);

  const server = createHttpServer(async () => {
    await app.database.db.command({ ping: 1 });
    return true;
  });
  server.listen(config.port);
  await once(server, 'listening');
  logger.info({ port: config.port }, `pulsebot is up: health check at http://localhost:${config.port}/healthz`);
  logger.warn({}, 'no chat platform is configured in this version yet, so no survey can be delivered; see README "Status"');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    server.close();
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
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
