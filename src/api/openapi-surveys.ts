import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { ZodType } from 'zod';
import { createSurveySchema, roundStartedSchema, surveyDocumentDocSchema, surveyListSchema, surveyViewSchema, templateListSchema } from './survey-schemas.js';

/** What every path group shares: bearer security with a scope, and the error responses. */
export interface Helpers {
  readonly security: (scope: string) => Record<string, string[]>[];
  readonly unauthorized: ResponseConfig;
  readonly forbidden: (scope: string) => ResponseConfig;
  readonly error: (description: string) => ResponseConfig;
}

export const json = (schema: ZodType) => ({ content: { 'application/json': { schema } } });

/** The survey studio's paths (issue #17), all under the `surveys:write` scope. */
export function registerSurveyPaths(registry: OpenAPIRegistry, h: Helpers): void {
  const scope = 'surveys:write';
  const common = { security: h.security(scope) };
  const denied = { 401: h.unauthorized, 403: h.forbidden(scope) };
  const invalid = h.error('`VALIDATION_FAILED`: every problem in `issues`, each with its JSON path and what to do. Nothing was saved.');
  const unknown = h.error('No survey has this id (`UNKNOWN_SURVEY`).');
  const archived = h.error('The survey is archived (`SURVEY_ARCHIVED`): it takes no changes and runs no rounds.');
  const id = { params: surveyDocumentDocSchema.pick({ id: true }) };
  registry.registerPath({
    method: 'get',
    path: '/api/v1/surveys',
    summary: 'Every survey with its state and next rounds (scope surveys:write)',
    ...common,
    responses: { 200: { description: 'The surveys.', ...json(surveyListSchema) }, ...denied },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/surveys',
    summary: 'Create a survey from a document, or from a template with overrides',
    ...common,
    request: { body: { required: true, ...json(createSurveySchema) } },
    responses: {
      201: { description: 'Created.', ...json(surveyViewSchema) },
      400: invalid,
      ...denied,
      409: h.error('A survey with this id exists (`SURVEY_EXISTS`): PUT to change it.'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/surveys/{id}',
    summary: 'One survey',
    ...common,
    request: id,
    responses: { 200: { description: 'The survey.', ...json(surveyViewSchema) }, ...denied, 404: unknown },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/v1/surveys/{id}',
    summary: 'Replace a survey’s document; open rounds keep the questions they opened with',
    description: 'Changing the type of a question a round has asked is refused: give the new question a new id.',
    ...common,
    request: { ...id, body: { required: true, ...json(surveyDocumentDocSchema) } },
    responses: { 200: { description: 'Saved.', ...json(surveyViewSchema) }, 400: invalid, ...denied, 404: unknown, 409: archived },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/surveys/{id}',
    summary: 'Archive a survey: no more rounds, results kept',
    ...common,
    request: id,
    responses: { 200: { description: 'Archived.', ...json(surveyViewSchema) }, ...denied, 404: unknown },
  });
  for (const [action, summary] of [
    ['pause', 'Pause a survey: no round opens until it is resumed (open rounds run to their close)'],
    ['resume', 'Resume a paused survey'],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/api/v1/surveys/{id}/${action}`,
      summary,
      ...common,
      request: id,
      responses: { 200: { description: 'Done.', ...json(surveyViewSchema) }, ...denied, 404: unknown, 409: archived },
    });
  }
  registry.registerPath({
    method: 'post',
    path: '/api/v1/surveys/{id}/rounds',
    summary: 'Open a round now: every prompt goes out at once',
    ...common,
    request: id,
    responses: { 201: { description: 'Opened.', ...json(roundStartedSchema) }, ...denied, 404: unknown, 409: archived },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/survey-templates',
    summary: 'The template library HR starts a survey from (en, nb, sv)',
    ...common,
    responses: { 200: { description: 'The templates.', ...json(templateListSchema) }, ...denied },
  });
}
