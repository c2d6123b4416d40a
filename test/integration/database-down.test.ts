import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMongoServer, type RunningServer } from '../../src/embedded-db/launcher.js';
import { createApiKey } from '../../src/services/api-keys.js';
import { startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

// The bot's own database server hangs or stops (a stuck disk, a failover, a crash): whoever asks
// over HTTP gets a prompt answer that says "unavailable", not a hang or "our fault".
describe('while the database does not answer', () => {
  let server: RunningServer;
  let h: SlackHarness;
  let origin: string;
  let key: string;

  beforeAll(async () => {
    server = await startMongoServer();
    h = await startSlackHarness({ people: users(3), env: { MONGODB_URI: server.uri } });
    origin = new URL(h.base).origin;
    key = (await createApiKey(h.app.deps, 'HR system', ['results:read', 'people:write', 'exit:write'])).key;
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await h?.dispose();
  });

  it('a database that hangs: /healthz answers 503 before a load balancer gives up (5 s), and 200 again once it is back', async () => {
    process.kill(server.pid, 'SIGSTOP');
    try {
      // Every probe is answered within a load balancer's 5 s, and from the moment the stop has
      // taken hold (the kernel may let a request already under way finish), the answer is 503.
      const deadline = performance.now() + 8_000;
      let reply: [number, unknown] = [0, null];
      while (reply[0] !== 503 && performance.now() < deadline) {
        const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5_000) });
        reply = [response.status, await response.json()];
        if (reply[0] !== 503) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(reply).toEqual([503, { status: 'unavailable' }]);
    } finally {
      process.kill(server.pid, 'SIGCONT');
    }
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  }, 30_000);

  it('a database that is down: the HR API answers 503 UNAVAILABLE with Retry-After, not 500 INTERNAL', async () => {
    await server.stop();
    const response = await fetch(`${origin}/api/v1/results?survey=pulse`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE');
  }, 30_000);
});
