import { isDomainError } from '../../domain/errors.js';
import type { Pulse } from '../../pulse/index.js';
import { ApiError, issuePath, sendJson } from '../http-json.js';
import type { Route } from '../router.js';
import { resultsQuerySchema } from '../schemas.js';

export function resultsRoutes(pulse: Pulse): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/results',
      scope: 'results:read',
      async handle({ res, url }) {
        const parsed = resultsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) {
          throw new ApiError(
            400,
            'VALIDATION_FAILED',
            'bad query: survey is required; from and to are YYYY-MM-DD',
            parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
          );
        }
        const { survey, segment, from, to } = parsed.data;
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
