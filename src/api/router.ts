import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../ports/logger.js';
import type { ApiScope } from '../pulse/index.js';
import { ApiError, sendError } from './http-json.js';

export type Method = 'GET' | 'POST' | 'PUT';

export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly logger: Logger;
  /** The API key's id, once authenticated. */
  readonly keyId: string | null;
}

interface RouteBase {
  readonly method: Method;
  readonly path: string;
  readonly handle: (ctx: RouteContext) => Promise<void>;
}

/**
 * A route is either public or names the scope a key needs for it: a new route without one does
 * not compile.
 */
export type Route = (RouteBase & { readonly public: true; readonly scope?: never }) | (RouteBase & { readonly public?: false; readonly scope: ApiScope });

/** Exact-path routing: the API has a handful of fixed paths, so a table is all it needs. */
export function findRoute(routes: readonly Route[], method: string, path: string): Route {
  const onPath = routes.filter((r) => r.path === path);
  if (onPath.length === 0) throw new ApiError(404, 'NOT_FOUND', `no such endpoint: ${path} (see /api/v1/openapi.json)`);
  const route = onPath.find((r) => r.method === method);
  if (route === undefined) {
    throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${path} takes ${onPath.map((r) => r.method).join(', ')}`);
  }
  return route;
}

export function allowHeader(routes: readonly Route[], path: string): Record<string, string> {
  const methods = routes.filter((r) => r.path === path).map((r) => r.method);
  return methods.length > 0 ? { allow: methods.join(', ') } : {};
}

export function failWith(res: ServerResponse, error: ApiError, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, error, headers);
}
