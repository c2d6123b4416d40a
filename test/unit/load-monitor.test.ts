import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadMonitor } from '../../adapters/cards/load-monitor.js';
import { CellsTally } from '../../src/services/attribute-cuts/cells-at-fan-out.js';

/*
 * The doors' load monitor (issue #21) counts a request as work in hand only once its body has
 * arrived: a client that trickles its body must not make the door turn everyone's clicks away.
 */
describe('the doors’ load monitor', () => {
  const monitor = new LoadMonitor({ maxInFlight: 1, maxLagMs: 60_000, maxAgeMs: 60_000 });
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    monitor.track(req, res);
    // Read the body as a handler would, and hold the response open until the test ends it.
    req.resume();
    held.push(res);
  });
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    monitor.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const until = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('does not count a request whose body is still arriving, counts it once it has, and stops when it is answered', async () => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-length': '10' } });
    req.on('error', () => undefined);
    req.write('12345');
    await until(() => held.length === 1);
    expect(held).toHaveLength(1);
    expect(monitor.overloaded()).toBe(false);
    req.end('67890');
    await until(() => monitor.overloaded());
    expect(monitor.overloaded()).toBe(true);
    held[0]?.end();
    await until(() => !monitor.overloaded());
    expect(monitor.overloaded()).toBe(false);
  });

  it('forgets a request whose client went away before its body arrived', async () => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-length': '10' } });
    req.on('error', () => undefined);
    req.write('123');
    await until(() => held.length === 2);
    req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(monitor.overloaded()).toBe(false);
  });
});

describe('attribute cuts: a reportable name listed twice', () => {
  it('is counted once (else every answer would count twice for it)', () => {
    const tally = new CellsTally(['location', 'remote', 'location'], '2026-11-02');
    expect(tally.attributes).toEqual(['location', 'remote']);
    expect(tally.valuesOf({ location: 'Oslo', remote: true })).toEqual(['Oslo', 'yes']);
  });
});
