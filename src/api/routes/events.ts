import { DateTime } from 'luxon';
import { isDomainError } from '../../domain/errors.js';
import type { Pulse } from '../../pulse/index.js';
import { eventBodySchema } from '../event-schemas.js';
import { ApiError, parseOr400, readJsonText, sendJson } from '../http-json.js';
import type { Route } from '../router.js';

const BODY_LIMIT = 8 * 1024;
const SIGNED_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * `POST /api/v1/events`: a system reports that something happened to one person, with an API
 * key (`events:write`) or signed by an event source (Standard Webhooks). Every check runs before
 * anything is written: a bad signature is a 401, a malformed body a 400 naming the field, an
 * unknown person or event a 422 naming it.
 */
export function eventRoutes(pulse: Pulse): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/events',
      scope: 'events:write',
      signedAlternative: true,
      async handle({ req, res, keyId, logger }) {
        const { text, json } = await readJsonText(req, BODY_LIMIT);
        let source = `api:${keyId ?? ''}`;
        if (keyId === null) {
          const headers = Object.fromEntries(SIGNED_HEADERS.map((name) => [name, header(req.headers[name])]));
          const check = await pulse.triggers.verifySource(headers, text);
          if (!check.ok) throw new ApiError(401, 'UNAUTHORIZED', check.reason);
          source = `source:${check.source}`;
        }
        const body = parseOr400(eventBodySchema, json);
        const person = await pulse.directory.find(body.person);
        if (person === null) {
          const [field, value] = 'email' in body.person ? ['person.email', body.person.email] : ['person.platformUserId', body.person.platformUserId];
          throw new ApiError(422, 'UNKNOWN_PERSON', `no active chat user has ${field} "${value}": check it, or wait for the next directory sync`, [
            { path: field, message: 'no active chat user has it' },
          ]);
        }
        try {
          const outcome = await pulse.triggers.raise({
            event: body.event,
            person,
            occurredAt: DateTime.fromISO(body.occurredAt, { setZone: true }),
            idempotencyKey: body.idempotencyKey,
            source,
          });
          logger.info({ event: body.event, duplicate: outcome.duplicate, scheduled: outcome.scheduled }, 'event received');
          sendJson(res, 202, { status: 'accepted', duplicate: outcome.duplicate, scheduled: outcome.scheduled });
        } catch (error) {
          if (isDomainError(error, 'UNKNOWN_EVENT')) throw new ApiError(422, 'UNKNOWN_EVENT', error.message, [{ path: 'event', message: error.message }]);
          if (isDomainError(error, 'INVALID_INPUT'))
            throw new ApiError(400, 'VALIDATION_FAILED', error.message, [{ path: 'occurredAt', message: error.message }]);
          throw error;
        }
      },
    },
  ];
}
