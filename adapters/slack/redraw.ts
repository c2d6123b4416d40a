import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../src/ports/logger.js';
import type { SlackMessage } from './prompt-blocks.js';
import { postJson } from './post-json.js';

/** How long a redraw through a response_url may take before chat.update is tried instead. */
const RESPONSE_URL_TIMEOUT_MS = 5_000;

export interface RedrawTarget {
  readonly channel: string;
  readonly ts: string;
  /** The clicked message's response_url (Slack gives one with every click), when there is one. */
  readonly responseUrl?: string | undefined;
}

/**
 * Replaces a clicked prompt with its redrawn self.
 *
 * Through the click's response_url when it has one: Slack allows five uses of each within 30
 * minutes and a click uses one, and it does not count against `chat.update`, which Slack allows
 * only about 50 times a minute per workspace (a Monday-morning burst of answers would wait minutes
 * for its redraws). It is also a plain JSON POST (post-json.ts), without the Web API client's
 * queue, retries and debug serialisation of every request and reply (issue #21: a click's CPU).
 * `chat.update` is the fallback: a click without a response_url (a comment's modal), or one Slack
 * refuses (expired, used up).
 */
export async function redraw(client: WebClient, target: RedrawTarget, message: Pick<SlackMessage, 'text' | 'blocks'>, logger: Logger): Promise<void> {
  if (target.responseUrl !== undefined) {
    try {
      const status = await postJson(target.responseUrl, { replace_original: true, text: message.text, blocks: message.blocks }, RESPONSE_URL_TIMEOUT_MS);
      if (status >= 200 && status < 300) return;
      logger.warn({ adapter: 'slack', status }, 'a response_url refused a redraw; using chat.update');
    } catch (error) {
      logger.warn({ adapter: 'slack', err: error }, 'a redraw through response_url failed; using chat.update');
    }
  }
  await client.chat.update({ channel: target.channel, ts: target.ts, text: message.text, blocks: message.blocks });
}
