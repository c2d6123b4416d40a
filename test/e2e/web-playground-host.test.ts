import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHarness, type WebHarness } from '../support/web-harness.js';

/** A GET with a chosen Host header (fetch will not send one of its own choosing). */
function getWithHost(base: string, path: string, host: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    request({ host: hostname, port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

// The playground has no sign-in and an open dashboard and fast-forward: a web page elsewhere
// whose name was rebound to 127.0.0.1 must not reach it.
describe('the playground answers only to this computer’s names', () => {
  let h: WebHarness;
  beforeAll(async () => {
    h = await startWebHarness({ fresh: true });
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('refuses a request for another host with 403 and changes nothing', async () => {
    const port = new URL(h.base).port;
    expect(await getWithHost(h.base, '/dashboard/data', `localhost:${port}`)).toBe(200);
    expect(await getWithHost(h.base, '/dashboard/data', `rebound.example:${port}`)).toBe(403);
    expect(await getWithHost(h.base, '/playground', 'rebound.example')).toBe(403);
  });
});
