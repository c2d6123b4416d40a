import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from '../../src/ports/logger.js';

/**
 * Bolt's logger interface over the app's pino logger. The SDKs' debug lines are dropped, at every
 * LOG_LEVEL: they print whole Web API requests and payloads, which pair a person's DM channel
 * with the answer token in their prompt's buttons (and with what they clicked). pulsebot's own
 * debug lines stay.
 */
export function boltLogger(logger: Logger): SlackLogger {
  let level = LogLevel.WARN;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => logger.info({ component: 'bolt' }, text(msg)),
    warn: (...msg: unknown[]) => logger.warn({ component: 'bolt' }, text(msg)),
    error: (...msg: unknown[]) => logger.error({ component: 'bolt' }, text(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
