import type { TeamsPacing } from '../../src/config-teams.js';
import { perSecond, sendSchedule, type SendSchedule } from '../../src/lib/send-schedule.js';

/** HTTP statuses the Bot Connector asks a bot to retry after (throttled, conflict, gateway). */
const RETRYABLE = new Set([429, 412, 502, 504]);

export interface PacingOptions extends TeamsPacing {
  /** Retries of one send on a retryable status. */
  readonly retries: number;
  /** The first back-off (ms), doubled per retry, with full jitter. */
  readonly baseDelayMs: number;
  /** Told of each retryable answer (429, 412, 502, 504), for the metrics. */
  readonly onThrottled?: () => void;
}

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : null;
}

function retryAfterMs(error: unknown): number | null {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  const seconds = value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, 60_000) : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Paces sends per tenant and per conversation, never more than the limit in any sliding second
 * (src/pacing/send-schedule.ts: a send counts from its start until a second after its answer, so
 * requests slowed on the way cannot bunch up at the connector), and retries one send on 429 / 412
 * / 502 / 504 with exponential back-off and full jitter (or the Retry-After the connector gave).
 * A send that still fails throws, so the delivery records it per person.
 */
export class TeamsPacer {
  private readonly tenants = new Map<string, SendSchedule>();
  private readonly conversations = new Map<string, SendSchedule>();

  constructor(private readonly options: PacingOptions) {}

  /** Waits for a turn at `key`'s gate; resolves with the function that ends the send. */
  private gate(map: Map<string, SendSchedule>, key: string, rate: number): Promise<() => void> {
    if (rate <= 0) return Promise.resolve(() => undefined);
    let gate = map.get(key);
    if (!gate) {
      gate = sendSchedule(perSecond(rate));
      map.set(key, gate);
    }
    return gate.turn();
  }

  async send<T>(tenant: string, conversation: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const endInConversation = await this.gate(this.conversations, conversation, this.options.conversationPerSecond);
      const endInTenant = await this.gate(this.tenants, tenant, this.options.tenantPerSecond);
      try {
        return await work();
      } catch (error) {
        const status = statusOf(error);
        if (status === null || !RETRYABLE.has(status)) throw error;
        this.options.onThrottled?.();
        if (attempt >= this.options.retries) throw error;
        endInTenant();
        endInConversation();
        await sleep(retryAfterMs(error) ?? Math.random() * this.options.baseDelayMs * 2 ** attempt);
      } finally {
        endInTenant();
        endInConversation();
      }
    }
  }
}
