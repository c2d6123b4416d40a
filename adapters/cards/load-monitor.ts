import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** How often the event loop's delay is read (and its histogram reset), ms. */
const LAG_WINDOW_MS = 250;

/** Production's door: well above what a healthy process has in hand, and a loop a third of a second late. */
export const DOOR_SHEDDING = { maxInFlight: 32, maxLagMs: 300, maxAgeMs: 2_000 } as const;

export interface SheddingLimits {
  /** Requests being handled at once above which a click is shed at the door. */
  readonly maxInFlight: number;
  /** Event-loop delay (ms, worst in the last quarter second) above which a click is shed at the door. */
  readonly maxLagMs: number;
  /**
   * How long the oldest request in hand may have been waiting (ms) before new clicks are shed at
   * the door: this also catches a slow database, which the event loop does not show.
   */
  readonly maxAgeMs: number;
}

/**
 * What a platform's door (issue #21) decides on: the platform's requests in hand (how many, how
 * old the oldest) and how late the event loop runs. Shared by the Slack and Teams doors.
 */
export class LoadMonitor {
  // Requests in hand, oldest first (a Map keeps insertion order).
  private readonly inHand = new Map<ServerResponse, number>();
  private lagMs = 0;
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly limits: SheddingLimits) {
    this.histogram.enable();
    this.timer = setInterval(() => {
      this.lagMs = this.histogram.max / 1e6;
      this.histogram.reset();
    }, LAG_WINDOW_MS);
    this.timer.unref();
  }

  /**
   * Counts a request as in hand from when its body has arrived until its response closes. Not
   * before: a client that trickles its body (or never sends it) is not work in hand, and must not
   * make the door turn everyone else's clicks away.
   */
  track(req: IncomingMessage, res: ServerResponse): void {
    let closed = false;
    res.once('close', () => {
      closed = true;
      this.inHand.delete(res);
    });
    const start = (): void => {
      if (!closed) this.inHand.set(res, performance.now());
    };
    if (req.complete) start();
    else req.once('end', start);
  }

  overloaded(): boolean {
    return this.inHand.size >= this.limits.maxInFlight || this.lagMs >= this.limits.maxLagMs || this.oldestAgeMs() >= this.limits.maxAgeMs;
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }

  private oldestAgeMs(): number {
    for (const started of this.inHand.values()) return performance.now() - started;
    return 0;
  }
}
