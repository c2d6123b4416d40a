import { randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { isStorageUnavailable, type Pulse } from '../pulse/index.js';
import { ApiError, sendJson } from './http-json.js';
import { openApiDocument } from './openapi.js';
import { allowHeader, failWith, findRoute, type Route } from './router.js';
import { eventRoutes } from './routes/events.js';
import { exitSurveyRoutes } from './routes/exit-surveys.js';
import { peopleRoutes } from './routes/people.js';
import { anonymityReportRoutes } from './routes/anonymity-report.js';
import { resultsRoutes } from './routes/results.js';
import { surveyRoutes } from './routes/surveys.js';
import { webhookRoutes } from './routes/webhooks.js';

export const API_PREFIX = '/api/v1';

export interface ApiOptions {
  readonly version?: string;
}

const AUTH_HEADERS = { 'www-authenticate': 'Bearer realm="pulsebot"' };
/** When a caller should try again after the database did not answer. */
const RETRY_AFTER_SECONDS = '30';

/** The HR API under /api/v1: bearer API keys, JSON in and out, errors with codes. */
export function createApiListener(pulse: Pulse, options: ApiOptions): RequestListener {
  let openapi: Record<string, unknown> | null = null;
  const routes: Route[] = [
    {
      method: 'GET',
      path: `${API_PREFIX}/openapi.json`,
      public: true,
      handle: ({ res }) => {
        openapi ??= openApiDocument(options.version ?? '1.0.0');
        sendJson(res, 200, openapi);
        return Promise.resolve();
      },
    },
    ...exitSurveyRoutes(pulse),
    ...eventRoutes(pulse),
    ...peopleRoutes(pulse),
    ...resultsRoutes(pulse),
    ...anonymityReportRoutes(pulse),
    ...surveyRoutes(pulse),
    ...webhookRoutes(pulse),
  ];

  const serve = async (req: Parameters<RequestListener>[0], res: Parameters<RequestListener>[1]): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const logger = pulse.logger.child({ requestId: randomUUID(), path: url.pathname });
    try {
      const { route, params } = findRoute(routes, req.method ?? 'GET', url.pathname);
      let keyId: string | null = null;
      const signed = route.signedAlternative === true && req.headers.authorization === undefined && req.headers['webhook-signature'] !== undefined;
      if (!route.public && !signed) {
        const header = req.headers.authorization ?? '';
        const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        if (token === undefined)
          throw new ApiError(
            401,
            'UNAUTHORIZED',
            'send an API key as "Authorization: Bearer <key>" (create one with `npx pulsebot api-key create --name <name>`)',
          );
        const key = await pulse.access.verifyApiKey(token);
        if (key === null)
          throw new ApiError(401, 'UNAUTHORIZED', 'the API key is wrong or revoked: check it, or create a new one with `npx pulsebot api-key create`');
        keyId = key.id;
        if (!key.scopes.includes(route.scope)) {
          const needed = route.scope;
          throw new ApiError(
            403,
            'FORBIDDEN',
            `this API key may not do this: it needs the "${needed}" scope (it has ${key.scopes.join(', ')}). Create a key with it: npx pulsebot api-key create --name <name> --scope ${needed}`,
            [],
            { scope: needed },
          );
        }
      }
      await route.handle({ req, res, url, logger: keyId ? logger.child({ keyId }) : logger, keyId, params });
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.status >= 500) logger.error({ err: error }, 'API request failed');
        failWith(res, error, error.status === 401 ? AUTH_HEADERS : error.status === 405 ? allowHeader(routes, url.pathname) : {});
        return;
      }
      if (isStorageUnavailable(error)) {
        logger.warn({ err: error }, 'API request failed: the database did not answer');
        failWith(res, new ApiError(503, 'UNAVAILABLE', 'the database is not answering; try again in a minute'), { 'retry-after': RETRY_AFTER_SECONDS });
        return;
      }
      logger.error({ err: error }, 'API request failed');
      failWith(res, new ApiError(500, 'INTERNAL', 'something went wrong on our side; it is logged, try again later'));
    }
  };
  return (req, res) => {
    void serve(req, res);
  };
}
