import { isDomainError } from '../../domain/errors.js';
import type { Pulse } from '../../pulse/index.js';
import { ApiError, parseOr400, sendJson } from '../http-json.js';
import type { Route } from '../router.js';
import { resultsQuerySchema } from '../schemas.js';

export function resultsRoutes(pulse: Pulse): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/results',
      scope: 'results:read',
      async handle({ res, url }) {
        const { survey, segment, from, to } = parseOr400(
          resultsQuerySchema,
          Object.fromEntries(url.searchParams),
          'bad query: survey is required; from and to are YYYY-MM-DD',
        );
        try {
          const results = await pulse.results.range({ survey, ...(segment ? { segment } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
          sendJson(res, 200, results);
        } catch (error) {
          if (isDomainError(error, 'UNKNOWN_SURVEY')) throw new ApiError(404, 'UNKNOWN_SURVEY', `there is no survey "${survey}"`);
          if (isDomainError(error, 'UNKNOWN_SEGMENT')) throw new ApiError(404, 'UNKNOWN_SEGMENT', `there is no segment "${segment ?? ''}"`);
          throw error;
        }
      },
    },
  ];
}
