import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, isLoopbackHost } from '../../app/http-server.js';

describe('the process’s HTTP server', () => {
  let close: () => Promise<void> = () => Promise.resolve();
  afterEach(async () => {
    await close();
  });

  const serve = async (...args: Parameters<typeof createHttpServer>): Promise<string> => {
    const server = createHttpServer(...args);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  it('routes by prefix, answers health, and 404s what no mount serves', async () => {
    const base = await serve(() => Promise.resolve(true), [{ prefix: '/api', listener: (_req, res) => res.end('api') }]);
    expect(await (await fetch(`${base}/api/v1/x`)).text()).toBe('api');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${base}/apix`)).status).toBe(404);
  });

  it('answers 500 for a mount that throws instead of answering, and keeps serving', async () => {
    const base = await serve(
      () => Promise.resolve(true),
      [
        {
          prefix: '/broken',
          listener: () => {
            throw new Error('no route');
          },
        },
      ],
    );
    const response = await fetch(`${base}/broken/path`, { signal: AbortSignal.timeout(3_000) });
    expect(response.status).toBe(500);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('says unavailable when the health check fails', async () => {
    const base = await serve(() => Promise.reject(new Error('database gone')));
    expect((await fetch(`${base}/health`)).status).toBe(503);
  });

  it('with a host guard, refuses any Host but this computer’s (the playground against DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const base = await serve(() => Promise.resolve(true), [{ prefix: '/web', listener: (_req, res) => res.end('ok') }], { hostAllowed: isLoopbackHost });
    const { port } = new URL(base);
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/web/x', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    expect(await get(`localhost:${port}`)).toBe(200);
    expect(await get(`127.0.0.1:${port}`)).toBe(200);
    expect(await get(`evil.example:${port}`)).toBe(403);
    expect(await get(`127.0.0.1.evil.example`)).toBe(403);
  });
});
