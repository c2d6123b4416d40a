import type { Logger } from '../ports/logger.js';

/** The part of a MongoClient the watchdog uses: its heartbeat events, and closing and connecting again. */
export interface MonitoredClient {
  on(event: 'serverHeartbeatStarted', listener: (event: { connectionId: string; awaited: boolean }) => void): unknown;
  on(event: 'serverHeartbeatSucceeded' | 'serverHeartbeatFailed', listener: (event: { connectionId: string }) => void): unknown;
  close(): Promise<void>;
  connect(): Promise<unknown>;
}

export interface WatchdogOptions {
  /** How long a heartbeat may take before the monitor counts as stuck (ms); an awaited one gets `awaitedExtraMs` more. */
  readonly stuckAfterMs: number;
  /** What an awaited (streaming) heartbeat may wait on the server beyond that (its heartbeat frequency, ms). */
  readonly awaitedExtraMs: number;
  /** How often to look (ms). */
  readonly checkEveryMs: number;
  /** The clock to measure with (ms, monotonic). */
  readonly now: () => number;
}

/**
 * Reconnects the client when its server monitor has stopped.
 *
 * The driver's monitor checks the server one heartbeat at a time. A heartbeat whose socket
 * closes while the driver waits to write it never settles (mongodb 7.9: it waits for a 'drain'
 * or an 'error' a closed socket never emits); no heartbeat runs after it, the server stays
 * Unknown, and every operation fails server selection until the process restarts. Stopping and
 * starting the test server with traffic running left it so 3 times in 40. So a heartbeat that
 * has not settled well past any timeout of its own means the monitor is stuck, and the client
 * is closed and connected again (Db and Collection handles keep working; operations in flight
 * fail, as they would in the outage that caused it). Returns a function that stops watching.
 */
export function watchServerMonitor(client: MonitoredClient, logger: Logger, options: WatchdogOptions): () => void {
  const pending = new Map<string, { since: number; awaited: boolean }>();
  let reconnecting = false;
  client.on('serverHeartbeatStarted', (event) => pending.set(event.connectionId, { since: options.now(), awaited: event.awaited }));
  const settled = (event: { connectionId: string }) => void pending.delete(event.connectionId);
  client.on('serverHeartbeatSucceeded', settled);
  client.on('serverHeartbeatFailed', settled);

  const check = async (): Promise<void> => {
    if (reconnecting) return;
    const now = options.now();
    const stuck = [...pending].find(([, beat]) => now - beat.since > options.stuckAfterMs + (beat.awaited ? options.awaitedExtraMs : 0));
    if (stuck === undefined) return;
    reconnecting = true;
    logger.warn({ server: stuck[0], waitedMs: Math.round(now - stuck[1].since) }, 'the database driver stopped checking the server; reconnecting');
    try {
      pending.clear();
      await client.close();
      await client.connect();
      logger.info({}, 'reconnected to the database');
    } catch (error) {
      // Still down: operations connect the client again by themselves once it answers.
      logger.warn({ err: error }, 'could not reconnect to the database yet');
    } finally {
      reconnecting = false;
    }
  };
  const timer = setInterval(() => void check(), options.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
