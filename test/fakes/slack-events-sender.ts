/**
 * The fake Slack's Events API side: it POSTs signed `event_callback` envelopes to an app's
 * Request URL the way Slack does, and retries one the app did not take (connection refused,
 * non-2xx, no answer within 3 s) on Slack's schedule (nearly at once, after 1 min, after 5 min),
 * which a test may shorten. Used for `message_metadata_posted`, Slack's report of a posted message.
 */
import { slackSignatureHeaders } from './slack-signing.js';
import type { PostedMessage } from './slack-api-types.js';

export interface EventTarget {
  /** The app's Request URL, e.g. `http://127.0.0.1:PORT/slack/events`. */
  readonly url: string;
  readonly signingSecret: string;
  /** The receiving app's id (`api_app_id`), which is also the poster of its own messages. */
  readonly appId: string;
  /** Delays before each retry (ms). Slack's: [~0, 60_000, 300_000]. */
  readonly retryDelaysMs?: readonly number[];
  /** Metadata event types the app subscribed to (manifest `metadata_subscriptions`). */
  readonly metadataTypes: readonly string[];
}

export interface EventStats {
  /** Envelopes the app answered 2xx. */
  delivered: number;
  /** Attempts that failed (and were retried, or dropped after the last retry). */
  failedAttempts: number;
  /** Envelopes given up after the last retry. */
  dropped: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SlackEventsSender {
  readonly stats: EventStats = { delivered: 0, failedAttempts: 0, dropped: 0 };
  private readonly inFlight = new Set<Promise<void>>();
  private counter = 0;

  constructor(
    private readonly target: EventTarget,
    private readonly teamId: string,
    private readonly botUserId: string,
  ) {}

  /** Reports a posted message whose metadata the app subscribed to; returns at once. */
  messagePosted(message: PostedMessage): void {
    const metadata = message.metadata as { event_type?: unknown } | undefined;
    if (typeof metadata?.event_type !== 'string' || !this.target.metadataTypes.includes(metadata.event_type)) return;
    const id = ++this.counter;
    const envelope = {
      token: 'fake-verification-token',
      team_id: this.teamId,
      api_app_id: this.target.appId,
      event: {
        type: 'message_metadata_posted',
        app_id: this.target.appId,
        bot_id: 'B0FAKEBOT',
        user_id: this.botUserId,
        team_id: this.teamId,
        channel_id: message.channel,
        metadata,
        message_ts: message.ts,
        event_ts: message.ts,
      },
      type: 'event_callback',
      event_id: `Ev${String(id).padStart(10, '0')}`,
      event_time: Math.floor(Number(message.ts)),
    };
    const sending = this.deliver(JSON.stringify(envelope)).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  /** Resolves when every report under way has been delivered or dropped. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async deliver(body: string): Promise<void> {
    const delays = this.target.retryDelaysMs ?? [0, 60_000, 300_000];
    // Slack sends the first attempt shortly after the message is posted, not inside the API call.
    await sleep(5);
    for (let attempt = 0; ; attempt++) {
      if (await this.attempt(body, attempt)) {
        this.stats.delivered++;
        return;
      }
      this.stats.failedAttempts++;
      const delay = delays[attempt];
      if (delay === undefined) {
        this.stats.dropped++;
        return;
      }
      await sleep(delay);
    }
  }

  private async attempt(body: string, attempt: number): Promise<boolean> {
    const retry: Record<string, string> = attempt === 0 ? {} : { 'x-slack-retry-num': String(attempt), 'x-slack-retry-reason': 'http_error' };
    try {
      const response = await fetch(this.target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...slackSignatureHeaders(body, this.target.signingSecret), ...retry },
        body,
        signal: AbortSignal.timeout(3_000),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }
}
