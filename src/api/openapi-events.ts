import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z, type ZodType } from 'zod';
import { newWebhookSchema, WEBHOOK_EVENTS } from '../pulse/index.js';
import { eventAcceptedSchema, eventBodySchema } from './event-schemas.js';
import { json, type Helpers } from './openapi-surveys.js';
import { exitSliceSchema, segmentSliceSchema } from './schemas.js';

const SIGNATURE =
  'Standard Webhooks: `webhook-id` (a unique message id), `webhook-timestamp` (Unix seconds, within 5 minutes of now) and `webhook-signature` = `v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the `whsec_` secret.';

const signedHeaders = z.object({
  'webhook-id': z.string().meta({ description: 'The message id; the same on every retry of one message, so a receiver can drop repeats.' }),
  'webhook-timestamp': z.string().meta({ description: 'Unix seconds when this attempt was signed.' }),
  'webhook-signature': z.string().meta({ description: '`v1,<base64 HMAC-SHA256>` (space-separated when more than one).' }),
});

const webhookSchema = z
  .object({ id: z.string(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)), description: z.string().nullable(), createdAt: z.iso.datetime() })
  .meta({ id: 'Webhook' });
const deliverySchema = z
  .object({
    id: z.string().meta({ description: 'The message id (`webhook-id`).' }),
    event: z.enum(WEBHOOK_EVENTS),
    state: z.enum(['pending', 'delivered', 'failed']).meta({ description: 'failed: no 2xx within 24 hours of retries, or the webhook was deleted.' }),
    attempts: z.number().int(),
    createdAt: z.iso.datetime(),
    lastAttemptAt: z.iso.datetime().nullable(),
    lastStatus: z.number().int().nullable().meta({ description: 'The receiver’s last HTTP status; null when it did not answer.' }),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

const envelope = (type: string, data: ZodType, id: string) =>
  z
    .object({ type: z.literal(type), timestamp: z.iso.datetime().meta({ description: 'When the message was stored.' }), data })
    .meta({ id, description: 'Never a person: no ids, names, or per-person times; only groups that pass the threshold; no comments.' });

const roundClosed = envelope(
  'round.closed',
  z.object({
    survey: z.string(),
    surveyName: z.string().nullable(),
    roundId: z.string(),
    date: z.iso.date(),
    minGroupSize: z.number().int(),
    segments: z.array(segmentSliceSchema.omit({ visible: true })).meta({ description: 'Only the visible groups.' }),
  }),
  'RoundClosedMessage',
);
const poolAvailable = envelope(
  'pool.available',
  z.object({
    survey: z.string(),
    surveyName: z.string().nullable(),
    roundId: z.string().optional(),
    date: z.iso.date().optional(),
    quarters: z.array(z.string()).meta({ description: 'The quarters pooled until together they passed the threshold.' }),
    step: z.number().int().optional(),
    minGroupSize: z.number().int(),
    segments: z
      .array(z.union([segmentSliceSchema.omit({ visible: true }), exitSliceSchema.omit({ comments: true })]))
      .meta({ description: 'Only the visible groups (the exit survey’s in its own shape).' }),
  }),
  'PoolAvailableMessage',
);
const surveyChanged = envelope(
  'survey.changed',
  z.object({
    survey: z.string(),
    name: z.string(),
    action: z.enum(['created', 'updated', 'paused', 'resumed', 'archived']),
    trigger: z.enum(['recurring', 'once', 'event']),
    event: z.string().optional(),
    active: z.boolean(),
    archived: z.boolean(),
  }),
  'SurveyChangedMessage',
);

/** Events in (issue #18), webhook configuration, and the messages pulsebot sends out. */
export function registerEventPaths(registry: OpenAPIRegistry, h: Helpers): void {
  const signature = registry.registerComponent('securitySchemes', 'eventSourceSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'webhook-signature',
    description: `Instead of an API key: ${SIGNATURE} The secret comes from \`npx pulsebot event-source create --name <name>\`.`,
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/events',
    summary: 'Report that something happened to a person; the surveys HR wrote on that event are scheduled (scope events:write, or signed)',
    description: `With an API key, or signed by an event source (${SIGNATURE}). Every check runs before anything is stored.`,
    security: [...h.security('events:write'), { [signature.name]: [] }],
    request: { headers: signedHeaders.partial(), body: { required: true, ...json(eventBodySchema) } },
    responses: {
      202: {
        description: 'Accepted: the prompts are scheduled (or, with `duplicate`, the key was seen before and nothing changed).',
        ...json(eventAcceptedSchema),
      },
      400: h.error('The body is not valid (`VALIDATION_FAILED`, each field in `issues`).'),
      401: h.error('No key and no valid signature: a wrong secret, a timestamp more than 5 minutes away, or a changed body.'),
      403: h.forbidden('events:write'),
      422: h.error('`UNKNOWN_PERSON` (no active chat user has this e-mail or id) or `UNKNOWN_EVENT` (no survey is triggered by it).'),
    },
  });

  const scope = 'webhooks:write';
  const common = { security: h.security(scope) };
  const denied = { 401: h.unauthorized, 403: h.forbidden(scope) };
  const id = { params: z.object({ id: z.string() }) };
  registry.registerPath({
    method: 'get',
    path: '/api/v1/webhooks',
    summary: 'The receivers results are sent to (scope webhooks:write)',
    ...common,
    responses: { 200: { description: 'The webhooks (never their secrets).', ...json(z.object({ webhooks: z.array(webhookSchema) })) }, ...denied },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/webhooks',
    summary: 'Add a receiver; the response holds its signing secret, once',
    ...common,
    request: { body: { required: true, ...json(newWebhookSchema) } },
    responses: {
      201: { description: 'Created.', ...json(webhookSchema.extend({ secret: z.string().meta({ description: '`whsec_…`: shown only now.' }) })) },
      400: h.error('The body is not valid (`VALIDATION_FAILED`).'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/webhooks/{id}',
    summary: 'Stop sending to a receiver (messages waiting for a retry are dropped)',
    ...common,
    request: id,
    responses: { 204: { description: 'Deleted.' }, ...denied, 404: h.error('No such webhook.') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/webhooks/{id}/deliveries',
    summary: 'The delivery log: the last 100 messages, newest first, with attempts and the receiver’s last answer',
    ...common,
    request: id,
    responses: { 200: { description: 'The log.', ...json(z.object({ deliveries: z.array(deliverySchema) })) }, ...denied, 404: h.error('No such webhook.') },
  });

  for (const [name, schema, summary] of [
    ['round.closed', roundClosed, 'A dated round closed: its results as the results door shows them.'],
    ['pool.available', poolAvailable, 'An event-triggered survey’s pool passed the threshold and closed.'],
    ['survey.changed', surveyChanged, 'A survey HR wrote was created, edited, paused, resumed or archived.'],
  ] as const) {
    registry.registerWebhook({
      method: 'post',
      path: name,
      summary,
      description: `POSTed to each receiver subscribed to it, signed: ${SIGNATURE} Retried with backoff (1, 2, 4 … 60 minutes) for 24 hours until a 2xx; the stored messages survive restarts.`,
      request: { headers: signedHeaders, body: { required: true, ...json(schema) } },
      responses: { 200: { description: 'Any 2xx marks the message delivered.' } },
    });
  }
}
