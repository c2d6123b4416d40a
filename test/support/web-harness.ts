import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { inject } from 'vitest';
import { seedDemo, type SeedReport } from '../../src/services/playground/seed-demo.js';
import { createApp, type App } from '../../app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { ManualClock } from '../../src/ports/clock.js';

/** Screenshots the browser tests take, for a human to look at. */
export const SCREENSHOTS = join(process.cwd(), '.cache', 'test-output');

export { launchChromium } from './chromium.js';

export async function screenshotPath(name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

export interface WebHarness {
  readonly app: App;
  readonly clock: ManualClock;
  readonly base: string;
  readonly seed: SeedReport | null;
  dispose(): Promise<void>;
}

/** The real app in playground mode (no Slack/Teams config) on FerretDB, with the demo organisation unless `fresh`. */
export async function startWebHarness(options: { now?: string; fresh?: boolean; env?: Record<string, string> } = {}): Promise<WebHarness> {
  const dbName = `web_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    MONGODB_URI: inject('mongoUri'),
    MONGODB_DB: dbName,
    PULSE_SECRET: 'web-e2e-secret-web-e2e-secret-web-e2e-secret',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const clock = new ManualClock(DateTime.fromISO(options.now ?? '2026-11-18T12:00:00Z', { zone: 'utc' }));
  const app = await createApp(config, clock, silentLogger(), {
    playgroundClock: clock,
    timings: { scheduler: false, closeGraceMs: 0, deliveryEveryMs: 3_600_000 },
  });
  const seed = options.fresh === true ? null : await seedDemo(app.deps);
  const port = await app.listen(0, '127.0.0.1');
  app.delivery.kick();
  await app.delivery.idle();
  return {
    app,
    clock,
    seed,
    base: `http://127.0.0.1:${port}`,
    async dispose() {
      await app.close();
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(inject('mongoUri'));
      await client.db(dbName).dropDatabase();
      await client.close();
    },
  };
}
