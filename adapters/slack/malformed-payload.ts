import { AuthorizationError, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger.js';

/** The code a correctly signed Slack request gets back when Bolt cannot read its body. */
export const MALFORMED_PAYLOAD = 'malformed_payload';

/**
 * The HTTP receiver's `processEventErrorHandler`. Errors thrown by a pulsebot listener go to
 * `app.error` and never reach here; what does reach here was thrown by Bolt itself while it read
 * the body to route it (`"user": null` in an event, `"channel": null`, an `authorizations` entry
 * that is null…), before any middleware or listener ran, so nothing was read from or written to
 * the database. Only a sender holding the signing secret gets this far: such a body is malformed,
 * and is answered 400 with a code instead of Bolt's default 500.
 */
export function malformedPayloadHandler(logger: Logger): (args: ReceiverProcessEventErrorHandlerArgs) => Promise<boolean> {
  return (args) => {
    const { error, response } = args;
    const code = 'code' in error && typeof error.code === 'string' ? error.code : error.name;
    if (response.headersSent) {
      // A listener acknowledged and something failed after: the sender already has its answer.
      logger.error({ adapter: 'slack', code }, 'a Slack event failed after it was acknowledged');
      return Promise.resolve(false);
    }
    if (error instanceof AuthorizationError) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'not_authorized' }));
      return Promise.resolve(true);
    }
    logger.warn({ adapter: 'slack', code }, 'refused a signed Slack request whose body Bolt could not read');
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: MALFORMED_PAYLOAD }));
    return Promise.resolve(true);
  };
}
