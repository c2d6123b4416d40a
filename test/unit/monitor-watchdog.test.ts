import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src/ports/logger.js';
import { watchServerMonitor, type MonitoredClient } from '../../src/store/monitor-watchdog.js';

/** Stands in for the driver's client through the watchdog's own narrow port (heartbeat events, close, connect). */
class Client extends EventEmitter implements MonitoredClient {
  closes = 0;
  connects = 0;
  failConnect = false;
  close(): Promise<void> {
    this.closes++;
    return Promise.resolve();
  }
  connect(): Promise<unknown> {
    this.connects++;
    return this.failConnect ? Promise.reject(new Error('still down')) : Promise.resolve(this);
  }
  beat(kind: 'Started' | 'Succeeded' | 'Failed', awaited = false): void {
    this.emit(`serverHeartbeat${kind}`, { connectionId: 'db:27017', awaited });
  }
}

function recording(lines: string[]): Logger {
  const at = (level: string) => (_obj: object, msg?: string) => void lines.push(`${level}: ${msg ?? ''}`);
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}

describe('the database monitor watchdog', () => {
  let stop: () => void = () => undefined;
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const start = (client: Client, lines: string[] = []) => {
    vi.useFakeTimers();
    stop = watchServerMonitor(client, recording(lines), { stuckAfterMs: 25_000, awaitedExtraMs: 10_000, checkEveryMs: 5_000, now: () => performance.now() });
  };

  it('leaves a client alone whose heartbeats settle, however slowly within their time', async () => {
    const client = new Client();
    start(client);
    for (let i = 0; i < 10; i++) {
      client.beat('Started');
      await vi.advanceTimersByTimeAsync(20_000);
      client.beat(i % 2 === 0 ? 'Succeeded' : 'Failed');
    }
    client.beat('Started', true); // streaming: the server may hold it a heartbeat longer
    await vi.advanceTimersByTimeAsync(33_000);
    client.beat('Succeeded');
    await vi.advanceTimersByTimeAsync(60_000);
    expect([client.closes, client.connects]).toEqual([0, 0]);
  });

  it('reconnects once when a heartbeat never settles, says so, and watches the new connection', async () => {
    const client = new Client();
    const lines: string[] = [];
    start(client, lines);
    client.beat('Started');
    await vi.advanceTimersByTimeAsync(30_000);
    expect([client.closes, client.connects]).toEqual([1, 1]);
    expect(lines).toEqual(['warn: the database driver stopped checking the server; reconnecting', 'info: reconnected to the database']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.connects).toBe(1);
    client.beat('Started'); // the new client's monitor, stuck again
    await vi.advanceTimersByTimeAsync(30_000);
    expect(client.connects).toBe(2);
  });

  it('a reconnect that fails (the database still down) is logged, and a later stuck heartbeat tries again', async () => {
    const client = new Client();
    const lines: string[] = [];
    start(client, lines);
    client.failConnect = true;
    client.beat('Started');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(lines.at(-1)).toBe('warn: could not reconnect to the database yet');
    client.failConnect = false;
    client.beat('Started');
    await vi.advanceTimersByTimeAsync(30_000);
    expect([client.closes, client.connects]).toEqual([2, 2]);
    expect(lines.at(-1)).toBe('info: reconnected to the database');
  });
});
