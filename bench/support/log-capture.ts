/** A pino logger configured like the process logger (src/logger.ts), whose lines the bench keeps. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../src/ports/logger.js';

export function capturingLogger(level: string): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  let partial = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line !== ''));
      done();
    },
  });
  const logger = pino({ level, base: { app: 'pulsebot' }, redact: ['*.secret', '*.token', '*.password'] }, sink);
  return { logger, lines };
}
