import { exponential, type BackoffStrategy } from 'agenda';

/**
 * A job whose stored data cannot be right (edited by hand, written by another version). Running
 * it again cannot help: it fails once, is logged, and is not retried.
 */
export class BadJobPayload extends Error {
  override readonly name = 'BadJobPayload';
}

export interface RetryOptions {
  /** The first retry's delay (ms); each next one doubles, up to `maxDelayMs`. */
  readonly delayMs: number;
  readonly maxRetries: number;
  readonly maxDelayMs?: number;
}

/** pulsebot's jobs retry a failure (a database blip, a platform outage) with backoff. */
export const DEFAULT_RETRIES: RetryOptions = { delayMs: 30_000, maxRetries: 5, maxDelayMs: 30 * 60_000 };

/**
 * Exponential backoff with a little jitter (so instances do not retry in step), except for a bad
 * payload, which is never retried.
 */
export function retryPolicy(options: RetryOptions = DEFAULT_RETRIES): BackoffStrategy {
  const backoff = exponential({ delay: options.delayMs, factor: 2, maxRetries: options.maxRetries, maxDelay: options.maxDelayMs ?? Infinity, jitter: 0.1 });
  return (context) => (context.error.name === 'BadJobPayload' ? null : backoff(context));
}
