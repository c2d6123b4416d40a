import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import {
  createExitSurveySchema,
  errorSchema,
  exitSurveyConflictSchema,
  exitSurveyCreatedSchema,
  peopleUpsertedSchema,
  peopleUpsertSchema,
  resultsQuerySchema,
  resultsSchema,
  anonymityReportSchema,
} from './schemas.js';
import { registerEventPaths } from './openapi-events.js';
import { registerSurveyPaths } from './openapi-surveys.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(errorSchema) });

/** The OpenAPI 3.1 document of `/api/v1`, generated from the same zod schemas that validate requests. */
export function openApiDocument(version: string): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from `npx pulsebot api-key create --name <name>`.',
  });
  /** Bearer auth; the key must hold `scope` (OpenAPI 3.1 lists scopes for any scheme). */
  const security = (scope: string) => [{ [bearer.name]: [scope] }];
  const unauthorized = error('No API key, a wrong one, or a revoked one.');
  const forbidden = (scope: string) => error(`The key lacks the \`${scope}\` scope (\`FORBIDDEN\`); nothing was changed.`);

  registry.registerPath({
    method: 'post',
    path: '/api/v1/exit-surveys',
    summary: 'Schedule an exit survey for a leaver (scope exit:write)',
    security: security('exit:write'),
    request: { body: { required: true, ...json(createExitSurveySchema) } },
    responses: {
      201: { description: 'Scheduled.', ...json(exitSurveyCreatedSchema) },
      400: error('The body is not valid (see `issues`).'),
      401: unauthorized,
      403: forbidden('exit:write'),
      404: error('No chat user has this e-mail or id (`UNKNOWN_PERSON`).'),
      409: { description: 'This person already has an open exit survey (`EXIT_ALREADY_OPEN`, with its `sendDate`).', ...json(exitSurveyConflictSchema) },
    },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/v1/people',
    summary: 'Upsert people with their teams, managers, time zones and languages (scope people:write)',
    security: security('people:write'),
    request: { body: { required: true, ...json(peopleUpsertSchema) } },
    responses: {
      200: { description: 'Applied (or already so).', ...json(peopleUpsertedSchema) },
      400: error('Nothing was changed: every problem is listed in `issues`.'),
      401: unauthorized,
      403: forbidden('people:write'),
      413: error('Too large: send fewer people per request.'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/results',
    summary: 'Aggregated results; every slice passes the anonymity threshold and cannot be worked out by subtraction (scope results:read)',
    security: security('results:read'),
    request: { query: resultsQuerySchema },
    responses: {
      200: { description: 'Results.', ...json(resultsSchema) },
      400: error('A bad query parameter.'),
      401: unauthorized,
      403: forbidden('results:read'),
      404: error('Unknown survey or segment.'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/anonymity-report',
    summary: 'The anonymity audit (scope admin): thresholds, answer-side collections and fields, checks, and the groups hidden in each last round',
    description: 'The same report as `npx pulsebot audit --json`. 200 also when a check fails: then `passed` is false and `checks`/`findings` say which.',
    security: security('admin'),
    responses: {
      200: { description: 'The report.', ...json(anonymityReportSchema) },
      401: unauthorized,
      403: forbidden('admin'),
    },
  });
  registerSurveyPaths(registry, { security, unauthorized, forbidden, error });
  registerEventPaths(registry, { security, unauthorized, forbidden, error });
  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'pulsebot HR API',
      version,
      description: 'Surveys, exit surveys, people and results for HR systems. Errors are JSON `{ error: { code, message, issues? } }`.',
    },
    servers: [{ url: '/' }],
  }) as unknown as Record<string, unknown>;
}
