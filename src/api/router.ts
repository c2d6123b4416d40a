import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../ports/logger.js';
import type { ApiScope } from '../pulse/index.js';
import { ApiError, sendError } from './http-json.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly logger: Logger;
  /** The API key's id, once authenticated. */
  readonly keyId: string | null;
  /** The path's parameters (`/api/v1/surveys/{id}` → `{ id }`), decoded. */
  readonly params: Readonly<Record<string, string>>;
}

interface RouteBase {
  readonly method: Method;
  readonly path: string;
  /**
   * Also callable signed instead of with a key (Standard Webhooks headers, no Authorization): the
   * handler then checks the signature itself, over the body as sent, and `keyId` is null.
   */
  readonly signedAlternative?: boolean;
  readonly handle: (ctx: RouteContext) => Promise<void>;
}

/**
 * A route is either public or names the scope a key needs for it: a new route without one does
 * not compile.
 */
export type Route = (RouteBase & { readonly public: true; readonly scope?: never }) | (RouteBase & { readonly public?: false; readonly scope: ApiScope });

/** A path's parameters when `pattern` (`/api/v1/surveys/{id}`) matches it, else null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    const value = got[i] ?? '';
    if (name === undefined) {
      if (part !== value) return null;
      continue;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      return null;
    }
    if (decoded === '') return null;
    params[name] = decoded;
  }
  return params;
}

/** Routing by path pattern: the API has a handful of paths, so a table is all it needs. A literal path wins over a pattern. */
export function findRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } {
  const onPath = routesOn(routes, path);
  if (onPath.length === 0) throw new ApiError(404, 'NOT_FOUND', `no such endpoint: ${path} (see /api/v1/openapi.json)`);
  const found = onPath.find((r) => r.route.method === method);
  if (found === undefined) {
    throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${path} takes ${onPath.map((r) => r.route.method).join(', ')}`);
  }
  return found;
}

function routesOn(routes: readonly Route[], path: string): { route: Route; params: Record<string, string> }[] {
  const matched = routes.flatMap((route) => {
    const params = matchPath(route.path, path);
    return params === null ? [] : [{ route, params }];
  });
  const literal = matched.filter((m) => !m.route.path.includes('{'));
  return literal.length > 0 ? literal : matched;
}

export function allowHeader(routes: readonly Route[], path: string): Record<string, string> {
  const methods = routesOn(routes, path).map((r) => r.route.method);
  return methods.length > 0 ? { allow: methods.join(', ') } : {};
}

export function failWith(res: ServerResponse, error: ApiError, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, error, headers);
}
