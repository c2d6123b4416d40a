import { createServer, type Server } from 'node:http';
import type { Mount } from '../src/ports/http.js';

export type { Mount } from '../src/ports/http.js';

export interface HttpServerOptions {
  /**
   * Refuse (403) any request whose Host header this says no to. The playground, which has no
   * sign-in, answers only to this computer's own names, so a web page elsewhere cannot reach it
   * through a DNS name rebound to 127.0.0.1.
   */
  readonly hostAllowed?: (host: string | undefined) => boolean;
}

/** Host names of this computer: `localhost`, `127.0.0.1` or `[::1]`, with any port. */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i.test(host);
}

/** The process's one HTTP server: the health check, and each adapter under its own prefix. */
export function createHttpServer(health: () => Promise<boolean>, mounts: readonly Mount[] = [], options: HttpServerOptions = {}): Server {
  return createServer((req, res) => {
    if (options.hostAllowed && !options.hostAllowed(req.headers.host)) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'host_not_allowed', message: 'the playground answers only at http://localhost or http://127.0.0.1' }));
      return;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // HEAD too: some load balancers probe with it (Node sends the headers without the body).
    if ((req.method === 'GET' || req.method === 'HEAD') && (path === '/healthz' || path === '/health')) {
      health()
        .catch(() => false)
        .then((ok) => {
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
        })
        .catch(() => res.destroy());
      return;
    }
    const mount = mounts.find((m) => path === m.prefix || path.startsWith(`${m.prefix}/`));
    if (mount) {
      try {
        void mount.listener(req, res);
      } catch {
        // A listener that throws instead of answering: answer for it rather than leave the
        // caller waiting (and the process with an uncaught exception).
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal_error' }));
      }
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not_found' }));
  });
}
