import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { SlackConfig } from '../../src/config-slack.js';
import { sendSpacing } from './send-spacing.js';

/** Finds the bot token for a workspace (OAuth installs); single-workspace mode has one token. */
export type TokenLookup = (teamId: string) => Promise<string | null>;

export interface SlackClients {
  /** The Web API client for a workspace, or null when it is not installed. */
  client(teamId: string): Promise<WebClient | null>;
  /** Paces chat.postMessage per workspace so a fan-out stays under Slack's workspace budget. */
  paced<T>(teamId: string, send: () => Promise<T>): Promise<T>;
  readonly options: WebClientOptions;
}

export interface ClientSettings {
  /** chat.postMessage calls per second per workspace (0 = no pacing). */
  readonly messagesPerSecond: number;
  /** Retry policy for 429s and network errors; Slack's own honours Retry-After. */
  readonly retries?: number;
}

export function slackClientOptions(config: SlackConfig, retries: number): WebClientOptions {
  return {
    ...(config.common.apiUrl ? { slackApiUrl: config.common.apiUrl } : {}),
    retryConfig: { retries, factor: 2, minTimeout: 500, maxTimeout: 30_000, randomize: true },
    rejectRateLimitedCalls: false,
  };
}

export function createSlackClients(config: SlackConfig, lookup: TokenLookup, settings: ClientSettings): SlackClients {
  const options = slackClientOptions(config, settings.retries ?? 10);
  const clients = new Map<string, WebClient>();
  const gates = new Map<string, () => Promise<void>>();
  return {
    options,
    async client(teamId) {
      const cached = clients.get(teamId);
      if (cached) return cached;
      const token = await lookup(teamId);
      if (token === null) return null;
      const client = new WebClient(token, options);
      clients.set(teamId, client);
      return client;
    },
    paced(teamId, send) {
      if (settings.messagesPerSecond <= 0) return send();
      let gate = gates.get(teamId);
      if (!gate) {
        // One call every 1/rate seconds plus 5% headroom: requests reach Slack with some
        // jitter, and Slack counts over sliding windows, so exact spacing would now and then
        // put rate + 1 calls in one second.
        gate = sendSpacing(1050 / settings.messagesPerSecond);
        gates.set(teamId, gate);
      }
      return gate().then(send);
    },
  };
}
