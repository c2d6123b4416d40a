import { WebClient, WebClientEvent, type WebClientOptions } from '@slack/web-api';
import type { SlackConfig } from '../../src/config-slack.js';
import { perSecond, sendSchedule, type SendSchedule } from '../../src/lib/send-schedule.js';

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
  /** Told of each 429 Slack answers, for the metrics. */
  readonly onRateLimited?: () => void;
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
  const gates = new Map<string, SendSchedule>();
  const gateOf = (teamId: string): SendSchedule => {
    let gate = gates.get(teamId);
    if (!gate) {
      // Slack counts chat.postMessage over sliding windows: at most `rate` in any second.
      gate = sendSchedule(perSecond(settings.messagesPerSecond));
      gates.set(teamId, gate);
    }
    return gate;
  };
  return {
    options,
    async client(teamId) {
      const cached = clients.get(teamId);
      if (cached) return cached;
      const token = await lookup(teamId);
      if (token === null) return null;
      const client = new WebClient(token, options);
      // A 429 pauses this client's queue for Retry-After: hold the beat too, or the sends it
      // admits meanwhile queue up behind the pause and leave together, and are refused again.
      client.on(WebClientEvent.RATE_LIMITED, (retrySeconds: number) => {
        settings.onRateLimited?.();
        if (settings.messagesPerSecond > 0) gateOf(teamId).holdFor(retrySeconds * 1000);
      });
      clients.set(teamId, client);
      return client;
    },
    async paced(teamId, send) {
      if (settings.messagesPerSecond <= 0) return send();
      const ended = await gateOf(teamId).turn();
      try {
        return await send();
      } finally {
        ended();
      }
    },
  };
}
