import type { PlatformName } from './chat-platform.js';

/** Why a prompt was not sent: a fixed set, so no label ever carries a person or a message. */
export type SendFailure = 'rate_limited' | 'unreachable' | 'error';

/**
 * What the core and the adapters report for operators (Prometheus, see src/metrics/). Every label
 * is a platform, a job name or an outcome: never a person, a segment or an answer.
 * Implementations must not throw and must not block: these calls sit on the answer path.
 */
export interface Metrics {
  /** A prompt or reminder reached the platform. */
  promptSent(platform: PlatformName): void;
  /** A send attempt failed (it may be retried later). */
  promptFailed(platform: PlatformName, reason: SendFailure): void;
  /** The platform answered 429 (or Teams' 412/502/504 back-off) to one of our calls. */
  rateLimited(platform: PlatformName): void;
  /** A click on a prompt was answered to the platform after `seconds`. */
  answerAcknowledged(platform: PlatformName, seconds: number): void;
  /** A click was turned away unrecorded ("try again in a minute") because the answer path was full. */
  answerShed(platform: PlatformName): void;
  /** An agenda job ran to its end (`ok`) or threw (`failed`). */
  jobRun(job: string, outcome: 'ok' | 'failed'): void;
  /** A database command failed (the driver's command monitoring). */
  databaseError(): void;
}

export const NO_METRICS: Metrics = {
  promptSent: () => undefined,
  promptFailed: () => undefined,
  rateLimited: () => undefined,
  answerAcknowledged: () => undefined,
  answerShed: () => undefined,
  jobRun: () => undefined,
  databaseError: () => undefined,
};
