import { pino } from 'pino';
import type { Logger } from './ports/logger.js';

/** The process logger: JSON lines on stdout. Child loggers carry ids, never names or answers. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'pulsebot' }, redact: ['*.secret', '*.token', '*.password'] });
}

/** A logger that drops everything, for tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
