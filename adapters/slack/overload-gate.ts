import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isValidSlackRequest } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger.js';
import { LoadMonitor, type SheddingLimits } from '../cards/load-monitor.js';
import { postJson } from './post-json.js';

const EVENTS_PATH = '/slack/events';
/** Notices to shed clicks sent at once; the rest wait their turn (a notice a second late is still honest). */
const NOTICES_AT_ONCE = 4;
/** Notices waiting their turn at most (a response_url is good for 30 minutes; a backlog this long is hours of overload). */
const MAX_WAITING_NOTICES = 10_000;
/** How long one notice may take. */
const NOTICE_TIMEOUT_MS = 10_000;

export interface OverloadGateOptions extends SheddingLimits {
  readonly signingSecret: string;
  /**
   * The notice a shed click gets (through its response_url, visible to that person only), in the
   * person's language: worked out after the click was answered, so it never delays the 200.
   */
  readonly busyText: (click: ShedClick) => Promise<string>;
  readonly onShed: () => void;
  /** Whether a click's response_url may be posted to (response-url.ts); a click with another gets no notice. */
  readonly responseUrlAllowed: (url: string) => boolean;
  readonly logger: Logger;
}

export interface OverloadGate {
  readonly listener: RequestListener;
  /** Stops reading the event loop's delay. */
  stop(): void;
}

interface ClickPayload {
  readonly type?: unknown;
  readonly response_url?: unknown;
  readonly user?: { readonly id?: unknown; readonly team_id?: unknown };
  readonly team?: { readonly id?: unknown } | null;
  readonly actions?: readonly { readonly value?: unknown; readonly selected_option?: { readonly value?: unknown } | null }[];
}

/** Who clicked what, as far as the click says: for the notice's language. */
export interface ShedClick {
  readonly teamId: string | null;
  readonly userId: string | null;
  /** The clicked action's value (pulsebot's encoded prompt link), when it has one. */
  readonly actionValue: unknown;
}

function shedClickOf(click: ClickPayload): ShedClick {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const action = click.actions?.[0];
  return {
    teamId: text(click.team?.id) ?? text(click.user?.team_id),
    userId: text(click.user?.id),
    actionValue: action?.value ?? action?.selected_option?.value,
  };
}

function signedBySlack(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isInteger(timestamp)) return false;
  return isValidSlackRequest({ signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } });
}

/** A button click's payload from a form body, or null for anything else (commands, events, views). */
function clickOf(req: IncomingMessage, raw: string): ClickPayload | null {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || !raw.startsWith('payload=')) return null;
  try {
    const payload = JSON.parse(new URLSearchParams(raw).get('payload') ?? '') as ClickPayload;
    return payload.type === 'block_actions' && typeof payload.response_url === 'string' ? payload : null;
  } catch {
    return null;
  }
}

/**
 * Load shedding at the door, before Bolt (issue #21). Under overload the answer path's own
 * admission comes too late: every click first costs Bolt's parsing, middleware and dispatch, and
 * at a few hundred clicks a second that alone fills the event loop until clicks miss Slack's 3 s.
 * So while too many Slack requests are in hand, or the event loop is already late, a correctly
 * signed button click is answered 200 at once, nothing of it is stored, and the person is told
 * through the click's response_url to try again in a minute. Everything else (commands, events,
 * forged or unreadable requests) goes to Bolt as before, which answers it as it always has.
 */
export function overloadGate(next: RequestListener, options: OverloadGateOptions): OverloadGate {
  const monitor = new LoadMonitor(options);
  const overloaded = () => monitor.overloaded();
  const pass = (req: IncomingMessage, res: ServerResponse): void => {
    monitor.track(req, res);
    void next(req, res);
  };

  // The notices go out a few at a time, so that telling shed clicks to wait never competes with
  // answering the next ones.
  const notices: { url: string; click: ShedClick }[] = [];
  let sending = 0;
  const sendNotices = (): void => {
    while (sending < NOTICES_AT_ONCE && notices.length > 0) {
      const { url, click } = notices.shift() as { url: string; click: ShedClick };
      sending++;
      options
        .busyText(click)
        .then((text) => postJson(url, { response_type: 'ephemeral', replace_original: false, text }, NOTICE_TIMEOUT_MS))
        .catch((error: unknown) => options.logger.warn({ adapter: 'slack', err: error }, 'could not tell a shed click to try again'))
        .finally(() => {
          sending--;
          sendNotices();
        });
    }
  };
  const shed = (res: ServerResponse, click: ClickPayload): void => {
    options.onShed();
    res.writeHead(200);
    res.end();
    // A bounded queue: past it, the 200 still says nothing was stored, and Slack shows no error.
    const url = String(click.response_url);
    if (!options.responseUrlAllowed(url)) options.logger.warn({ adapter: 'slack' }, 'a shed click’s response_url is not Slack’s; it gets no notice');
    else if (notices.length < MAX_WAITING_NOTICES) notices.push({ url, click: shedClickOf(click) });
    else options.logger.warn({ adapter: 'slack' }, 'too many shed clicks waiting for their notice; this one gets none');
    sendNotices();
  };

  const listener: RequestListener = (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== EVENTS_PATH || !overloaded()) return pass(req, res);
    void (async () => {
      let raw: string;
      try {
        raw = (await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit)).rawBody.toString();
      } catch {
        // Bolt reads the body again and answers as it always has (413, 401).
        return pass(req, res);
      }
      const click = clickOf(req, raw);
      if (click === null || !signedBySlack(req, raw, options.signingSecret)) return pass(req, res);
      shed(res, click);
    })();
  };
  return {
    listener,
    stop: () => monitor.stop(),
  };
}
