import { z } from 'zod';
import { ImportRejectedError, type Pulse } from '../../pulse/index.js';
import { ApiError, parseOr400, readJsonBody, sendJson } from '../http-json.js';
import type { Route } from '../router.js';

const BODY_LIMIT = 5 * 1024 * 1024;
/** The envelope; each person is checked by the import service, which names `people[i]` in its issues. */
const envelope = z.strictObject({ people: z.array(z.unknown()).min(1).max(10_000), reportable: z.array(z.unknown()).max(20).optional() });

export function peopleRoutes(pulse: Pulse): Route[] {
  return [
    {
      method: 'PUT',
      path: '/api/v1/people',
      scope: 'people:write',
      async handle({ req, res }) {
        const body = parseOr400(
          envelope,
          await readJsonBody(req, BODY_LIMIT),
          'the body must be { "people": [ … ], "reportable": [ … ] } with 1 to 10000 people (reportable: optional, at most 20 names)',
        );
        try {
          const summary = await pulse.directory.import(
            body.people.map((row, i) => ({ where: `people[${i}]`, row })),
            body.reportable === undefined ? {} : { reportable: body.reportable },
          );
          sendJson(res, 200, summary);
        } catch (error) {
          if (error instanceof ImportRejectedError) {
            throw new ApiError(
              400,
              'VALIDATION_FAILED',
              `${error.message}: fix the listed people and send the whole batch again`,
              error.issues.map((i) => ({ path: `${i.where}.${i.field}`, message: i.message })),
            );
          }
          throw error;
        }
      },
    },
  ];
}
