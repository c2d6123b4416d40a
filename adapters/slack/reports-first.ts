import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isValidSlackRequest } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger.js';

const EVENTS_PATH = '/slack/events';
const REPORT = 'message_metadata_posted';

function signedBySlack(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isInteger(timestamp)) return false;
  return isValidSlackRequest({ signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } });
}

function isReport(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const envelope = body as { type?: unknown; event?: { type?: unknown } | null };
  return envelope.type === 'event_callback' && envelope.event?.type === REPORT;
}

/**
 * Slack's reports of posted prompts, answered only once recorded.
 *
 * Bolt answers every Events API request before its listener runs. For the report of a prompt
 * whose sender died before recording it, that is the one moment it must not: Slack takes the 200
 * as delivered and never sends the report again, and a process killed before its write lands
 * leaves the prompt looking unsent, to be sent a second time after the lease. So a correctly
 * signed `message_metadata_posted` request is verified with Bolt's own functions, recorded, and
 * only then answered 200 (500 if the write failed: Slack sends it again). Every other request,
 * and any report that is not correctly signed or not JSON, goes to Bolt with the body already read,
 * and Bolt answers it as it always has.
 */
export function reportsRecordedFirst(bolt: RequestListener, signingSecret: string, record: (body: unknown) => Promise<void>, logger: Logger): RequestListener {
  const toBolt = (req: IncomingMessage, res: ServerResponse): void => void bolt(req, res);
  return (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== EVENTS_PATH) return toBolt(req, res);
    void (async () => {
      let raw: Buffer;
      try {
        raw = (await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit)).rawBody;
      } catch (error) {
        // A body that cannot be read is answered as Bolt answers it.
        const e = error as { type?: string; statusCode?: number };
        const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && (e.type === 'entity.too.large' || e.statusCode === 413);
        HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 401);
        return;
      }
      if (!raw.includes(REPORT)) return toBolt(req, res);
      // The signature is checked on these very bytes, and only for a JSON body: Bolt's own check
      // lets a form body that parses to ssl_check=1 through unsigned, and a JSON report can be
      // made to parse as one.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json') || !signedBySlack(req, raw.toString(), signingSecret)) return toBolt(req, res);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString());
      } catch {
        return toBolt(req, res);
      }
      if (!isReport(body)) return toBolt(req, res);
      try {
        await record(body);
      } catch (error) {
        logger.error({ adapter: 'slack', err: error }, 'a report of a posted prompt was not recorded; Slack will send it again');
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'not_recorded' }));
        return;
      }
      res.writeHead(200);
      res.end();
    })();
  };
}
