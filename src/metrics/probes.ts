import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Mount } from '../ports/http.js';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const isRead = (req: IncomingMessage) => req.method === 'GET' || req.method === 'HEAD';

/** What keeps an instance from taking traffic yet, or null when it is ready. */
export type ReadinessCheck = () => Promise<'database' | 'directory' | null>;

/**
 * `GET /readyz`: 200 once the database answers and the first directory sync is done, else 503
 * naming what is missing. A load balancer sends no traffic before that; `/healthz` says only
 * whether the process and its database live.
 */
export function readinessMount(check: ReadinessCheck): Mount {
  return {
    prefix: '/readyz',
    listener(req, res) {
      if (!isRead(req)) return json(res, 405, { error: 'method_not_allowed' });
      check()
        .catch(() => 'database' as const)
        .then((missing) => json(res, missing === null ? 200 : 503, missing === null ? { status: 'ready' } : { status: 'not_ready', waitingFor: missing }))
        .catch(() => res.destroy());
    },
  };
}

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** `GET /metrics` in Prometheus' text format, behind a bearer token when one is configured. */
export function metricsMount(render: () => Promise<{ contentType: string; body: string }>, token: string | null): Mount {
  return {
    prefix: '/metrics',
    listener(req, res) {
      if (!isRead(req)) return json(res, 405, { error: 'method_not_allowed' });
      if (token !== null && !bearerMatches(req, token)) {
        res.setHeader('www-authenticate', 'Bearer');
        return json(res, 401, { error: 'unauthorized', message: 'send Authorization: Bearer <PULSE_METRICS_TOKEN>' });
      }
      render()
        .then(({ contentType, body }) => {
          res.writeHead(200, { 'content-type': contentType });
          res.end(body);
        })
        .catch(() => json(res, 500, { error: 'metrics_unavailable' }));
    },
  };
}
