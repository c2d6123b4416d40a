/**
 * pulsebot as a separate process for crash tests: the real app (config from the environment,
 * Slack over HTTP, MongoDB), with the timings a test can wait for: the schedule ticked every
 * 250 ms instead of by agenda each minute, and the crash-recovery lease and Slack's report window
 * shortened (PULSEBOT_TEST_CLAIM_LEASE_MS, PULSEBOT_TEST_CONFIRMATION_WINDOW_MS). It prints
 * `listening <port>` when up. A test kills it with SIGKILL: nothing here cleans up on purpose.
 */
import { createApp } from '../../app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { systemClock } from '../../src/ports/clock.js';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of milliseconds`);
  return value;
};

const config = loadConfig(process.env);
const app = await createApp(config, systemClock, createLogger(config.logLevel), {
  timings: {
    scheduler: false,
    deliveryEveryMs: 250,
    closeGraceMs: 0,
    slackRetries: 2,
    claimLeaseMs: number('PULSEBOT_TEST_CLAIM_LEASE_MS', 4_000),
    slackConfirmationWindowMs: number('PULSEBOT_TEST_CONFIRMATION_WINDOW_MS', 3_000),
  },
});
const port = await app.listen(config.port);
process.stdout.write(`listening ${port}\n`);
