import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDomainError } from '../../../src/domain/errors.js';
import { operator, type PersonKey, type Pulse } from '../../../src/pulse/index.js';
import { readJson, sendJson, WebError } from '../http-util.js';

export const COMMENTS_PATH = '/dashboard/comments';

/**
 * `POST /dashboard/comments/{id}` with `{"ack": …}` or `{"text": …}`: a leader (or HR) replies to a
 * comment shown on their dashboard (issue #19). Only from the dashboard's own page (CSRF checked
 * by `fromPage`); the door decides whether this reader may read the comment.
 */
export async function commentReply(
  pulse: Pulse,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  reader: PersonKey | null,
  fromPage: (req: IncomingMessage) => Promise<boolean>,
): Promise<void> {
  if (req.method !== 'POST') throw new WebError(405, 'METHOD_NOT_ALLOWED');
  if (!(await fromPage(req))) throw new WebError(403, 'FORBIDDEN');
  const id = decodeURIComponent(path.slice(COMMENTS_PATH.length + 1));
  const body = (await readJson(req)) as Record<string, unknown> | null;
  try {
    const view = await pulse.conversations.respond(reader ?? operator('web', 'playground'), id, (body ?? {}) as never);
    sendJson(res, 200, { messages: view.messages });
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) throw new WebError(403, 'NOT_AUTHORIZED');
    if (isDomainError(error, 'UNKNOWN_COMMENT')) throw new WebError(404, 'NOT_FOUND');
    if (isDomainError(error, 'INVALID_INPUT')) throw new WebError(400, 'INVALID_INPUT');
    throw error;
  }
}
