/**
 * The logging the core needs: pino's shape, so the app passes a pino logger and tests a silent
 * one. Log ids (round, delivery, request), never names, e-mails or answer values.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, string | number>): Logger;
}
