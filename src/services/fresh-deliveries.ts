import type { DeliveryDoc, PersonDoc } from '../store/documents/identity.js';

/** A delivery just written, with the person it was written for. */
export type FreshDelivery = { readonly delivery: DeliveryDoc; readonly person: PersonDoc };

/** What a fan-out holds while it writes: where its new, due deliveries go. */
export interface FreshFeed {
  /** Deliveries this fan-out has just inserted (new, pending, attempt 0) and that are due now. */
  offer(deliveries: readonly FreshDelivery[]): void;
  /** The fan-out has written all it will. */
  close(): void;
}

/**
 * Hands the deliveries a fan-out in this process has just written, and that are due at once
 * (`/pulse send-now`, or people whose local send time has passed), straight to the sender.
 *
 * Without it the sender finds them by querying for due deliveries, and a fan-out that is still
 * writing makes it query again and again: on the test server each such query reads the whole
 * collection (half a second while the fan-out writes), and the first prompts wait for it. This
 * changes nothing about who sends what: a delivery offered here is claimed like any other (its
 * send lock is the one guarantee of a single send), and the query still runs after, for
 * anything not offered. The person comes along, read by the fan-out a moment before, so the
 * sender need not read them again. Only deliveries the fan-out inserted itself are offered, never ones it
 * found already written (those may have been claimed, sent or settled since).
 *
 * At most `maxQueued` wait here: a fan-out writes far faster than a paced platform takes
 * prompts, and what is over the bound is left to the query, so memory stays flat however large
 * the directory.
 */
export class FreshDeliveries {
  private readonly queue: FreshDelivery[] = [];
  private writers = 0;
  private wake: (() => void) | null = null;

  constructor(private readonly maxQueued = 10_000) {}

  /** Starts a fan-out's feed; close it when the fan-out ends, however it ends. */
  open(): FreshFeed {
    this.writers++;
    let closed = false;
    return {
      offer: (deliveries) => {
        const room = this.maxQueued - this.queue.length;
        if (closed || deliveries.length === 0 || room <= 0) return;
        this.queue.push(...deliveries.slice(0, room));
        this.notify();
      },
      close: () => {
        if (closed) return;
        closed = true;
        this.writers--;
        this.notify();
      },
    };
  }

  /** Whether anything is offered, or a fan-out is writing. */
  get active(): boolean {
    return this.queue.length > 0 || this.writers > 0;
  }

  /**
   * The offered deliveries, in order, as they come: ends once every fan-out has closed its feed
   * and all offered have been taken, or when `signal` aborts.
   */
  async *stream(signal?: AbortSignal): AsyncGenerator<FreshDelivery> {
    const onAbort = (): void => this.notify();
    signal?.addEventListener('abort', onAbort);
    try {
      for (;;) {
        if (signal?.aborted === true) return;
        const next = this.queue.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (this.writers === 0) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
