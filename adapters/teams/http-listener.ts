import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';

export const MESSAGES_PATH = '/api/messages';
/** Bot Framework activities are small; a card-heavy one is still far below this. */
const MAX_BODY_BYTES = 1024 * 1024;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `POST /api/messages` on the app's own HTTP server: parses the activity and hands it to the
 * Bot Framework adapter, which checks its JWT before any handler runs.
 */
export function messagesListener(adapter: TeamsAdapter, logic: (context: TurnContext) => Promise<void>): RequestListener {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== MESSAGES_PATH) return json(res, 404, { error: 'not_found' });
    if (req.method !== 'POST') return json(res, 405, { error: 'method_not_allowed' });
    const raw = await readBody(req);
    // The rest of the body is dropped with the connection: say so, or a client reuses it and its next request is reset.
    if (raw === null) return json(res, 413, { error: 'payload_too_large' }, { connection: 'close' });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return json(res, 400, { error: 'malformed_json' });
    }
    // Without a type the Bot Framework adapter throws before it authenticates (a 500 from here).
    if (
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body) ||
      typeof (body as { type?: unknown }).type !== 'string' ||
      (body as { type: string }).type === ''
    ) {
      return json(res, 400, { error: 'not_an_activity' });
    }
    let status = 200;
    let payload: unknown;
    const response = {
      socket: req.socket,
      status(code: number) {
        status = code;
      },
      header(name: string, value: unknown) {
        res.setHeader(name, String(value));
      },
      send(value: unknown) {
        payload = value;
      },
      end() {
        if (res.headersSent) return;
        if (payload === undefined) {
          res.writeHead(status);
          res.end();
        } else if (typeof payload === 'string') {
          json(res, status, status >= 400 ? { error: payload } : payload);
        } else json(res, status, payload);
      },
    };
    try {
      await adapter.process({ body: body as Record<string, unknown>, headers: req.headers, method: req.method }, response, logic);
    } catch {
      if (!res.headersSent) json(res, 500, { error: 'internal_error' });
    }
  };
  return (req, res) => void handle(req, res).catch(() => res.destroy());
}
