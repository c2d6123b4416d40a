import { DateTime } from 'luxon';
import { isDomainError } from '../../domain/errors.js';
import { exitDateForLastDay } from '../../domain/exit-schedule.js';
import { operator, type Pulse } from '../../pulse/index.js';
import { ApiError, parseOr400, readJsonBody, sendJson } from '../http-json.js';
import type { Route } from '../router.js';
import { createExitSurveySchema } from '../schemas.js';

const BODY_LIMIT = 16 * 1024;

export function exitSurveyRoutes(pulse: Pulse): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/exit-surveys',
      scope: 'exit:write',
      async handle({ req, res, keyId }) {
        const body = parseOr400(createExitSurveySchema, await readJsonBody(req, BODY_LIMIT));
        const person = await pulse.directory.find(body);
        if (person === null)
          throw new ApiError(404, 'UNKNOWN_PERSON', 'no active chat user has this e-mail or id: check it, or wait for the next directory sync');
        const zone = person.timezone ?? pulse.settings.defaultTimezone;
        let date: string | undefined;
        if (body.lastDay !== undefined) {
          const today = pulse.clock.now().setZone(zone).startOf('day');
          const lastDay = DateTime.fromISO(body.lastDay, { zone });
          if (lastDay < today)
            throw new ApiError(400, 'VALIDATION_FAILED', 'lastDay is in the past: the leaver may no longer be in the chat', [
              { path: 'lastDay', message: 'is in the past' },
            ]);
          date = exitDateForLastDay(lastDay, today);
        }
        try {
          const outcome = await pulse.exits.request(operator('api', keyId ?? 'unknown'), {
            target: person._id,
            ...(date ? { date } : {}),
            ...(body.language ? { locale: body.language } : {}),
          });
          if (outcome.status === 'exists') {
            throw new ApiError(
              409,
              'EXIT_ALREADY_OPEN',
              'this person already has an open exit survey; cancel it in chat with /exit-survey cancel to send another',
              [],
              { sendDate: outcome.request.sendDate },
            );
          }
          const { request } = outcome;
          sendJson(res, 201, {
            state: 'scheduled',
            sendDate: request.sendDate,
            sendAt: request.sendAt.toISOString(),
            timezone: zone,
            expiresAt: request.expiresAt.toISOString(),
          });
        } catch (error) {
          if (isDomainError(error, 'INVALID_INPUT')) throw new ApiError(400, 'VALIDATION_FAILED', error.message, [{ path: 'lastDay', message: error.message }]);
          throw error;
        }
      },
    },
  ];
}
