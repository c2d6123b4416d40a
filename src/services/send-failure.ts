import type { SendFailure } from '../ports/metrics.js';

/**
 * What kind of failure a send threw, for the metrics: a rate limit the platform kept answering
 * (Slack's `slack_webapi_rate_limited_error`, a 429 status), a person the platform cannot reach
 * (Teams: no conversation with them), or anything else.
 */
export function sendFailureOf(error: unknown): SendFailure {
  if (typeof error !== 'object' || error === null) return 'error';
  const { code, statusCode, message } = error as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (code === 'slack_webapi_rate_limited_error' || statusCode === 429) return 'rate_limited';
  if (typeof message === 'string' && message.startsWith('teams_unreachable')) return 'unreachable';
  return 'error';
}
