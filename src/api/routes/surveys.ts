import { DefinitionError, isDomainError } from '../../domain/errors.js';
import { operator, type Pulse } from '../../pulse/index.js';
import { ApiError, readJsonBody, sendJson } from '../http-json.js';
import type { Route, RouteContext } from '../router.js';

/** A survey document with 30 questions in three languages fits well inside this. */
const BODY_LIMIT = 256 * 1024;
const SURVEYS = '/api/v1/surveys';

/** The service's refusals as the API answers them; nothing was stored in any of these cases. */
function asApiError(error: unknown): unknown {
  if (error instanceof DefinitionError)
    return new ApiError(400, 'VALIDATION_FAILED', 'the survey is not valid: every problem is listed in issues; nothing was saved', error.issues);
  if (isDomainError(error, 'UNKNOWN_SURVEY')) return new ApiError(404, 'UNKNOWN_SURVEY', error.message);
  if (isDomainError(error, 'SURVEY_EXISTS')) return new ApiError(409, 'SURVEY_EXISTS', error.message);
  if (isDomainError(error, 'SURVEY_ARCHIVED')) return new ApiError(409, 'SURVEY_ARCHIVED', error.message);
  return error;
}

/** A survey route: the caller is the API key, the survey's id comes from the path. */
function route(method: Route['method'], path: string, run: (ctx: RouteContext, caller: ReturnType<typeof operator>, id: string) => Promise<void>): Route {
  return {
    method,
    path,
    scope: 'surveys:write',
    async handle(ctx) {
      try {
        await run(ctx, operator('api', ctx.keyId ?? 'unknown'), ctx.params.id ?? '');
      } catch (error) {
        throw asApiError(error);
      }
    },
  };
}

/** The survey studio's HR API (issue #17): surveys as documents, scripted by HR systems. */
export function surveyRoutes(pulse: Pulse): Route[] {
  const { surveys } = pulse;
  return [
    route('GET', SURVEYS, async ({ res }, caller) => sendJson(res, 200, { surveys: await surveys.list(caller) })),
    route('POST', SURVEYS, async ({ req, res }, caller) => sendJson(res, 201, await surveys.create(caller, await readJsonBody(req, BODY_LIMIT)))),
    route('GET', `${SURVEYS}/{id}`, async ({ res }, caller, id) => sendJson(res, 200, await surveys.get(caller, id))),
    route('PUT', `${SURVEYS}/{id}`, async ({ req, res }, caller, id) =>
      sendJson(res, 200, await surveys.update(caller, id, await readJsonBody(req, BODY_LIMIT))),
    ),
    route('DELETE', `${SURVEYS}/{id}`, async ({ res }, caller, id) => sendJson(res, 200, await surveys.archive(caller, id))),
    route('POST', `${SURVEYS}/{id}/pause`, async ({ res }, caller, id) => sendJson(res, 200, await surveys.pause(caller, id))),
    route('POST', `${SURVEYS}/{id}/resume`, async ({ res }, caller, id) => sendJson(res, 200, await surveys.resume(caller, id))),
    route('POST', `${SURVEYS}/{id}/rounds`, async ({ res }, caller, id) => {
      const round = await surveys.roundNow(caller, id);
      sendJson(res, 201, { roundId: round._id, surveyId: round.surveyId, date: round.date, closesAt: round.closesAt.toISOString() });
    }),
    route('GET', '/api/v1/survey-templates', ({ res }) => {
      sendJson(res, 200, { templates: surveys.templates() });
      return Promise.resolve();
    }),
  ];
}
