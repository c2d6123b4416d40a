import { UnreachableError } from '../ports/chat-platform.js';
import type { SendFailure } from '../ports/metrics.js';

/**
 * What kind of failure a send threw, for the metrics: a rate limit the platform kept answering
 * (Slack's `slack_webapi_rate_limited_error`, a 429 status), a person the platform cannot reach
 * (Teams: no conversation with them), or anything else.
 */
export function sendFailureOf(error: unknown): SendFailure {
  if (error instanceof UnreachableError) return 'unreachable';
  if (typeof error !== 'object' || error === null) return 'error';
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (code === 'slack_webapi_rate_limited_error' || statusCode === 429) return 'rate_limited';
  return 'error';
}
