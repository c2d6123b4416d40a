import { newWebhookSchema, type Pulse } from '../../pulse/index.js';
import { ApiError, parseOr400, readJsonBody, sendJson } from '../http-json.js';
import type { Route } from '../router.js';

const WEBHOOKS = '/api/v1/webhooks';
const BODY_LIMIT = 8 * 1024;

const notFound = (id: string) => new ApiError(404, 'NOT_FOUND', `no webhook ${id}: see GET ${WEBHOOKS}`);

/** Outgoing webhooks HR configures (issue #18), under the `webhooks:write` scope. */
export function webhookRoutes(pulse: Pulse): Route[] {
  const { webhooks } = pulse;
  return [
    {
      method: 'GET',
      path: WEBHOOKS,
      scope: 'webhooks:write',
      async handle({ res }) {
        sendJson(res, 200, { webhooks: await webhooks.list() });
      },
    },
    {
      method: 'POST',
      path: WEBHOOKS,
      scope: 'webhooks:write',
      async handle({ req, res, logger }) {
        const { webhook, secret } = await webhooks.create(parseOr400(newWebhookSchema, await readJsonBody(req, BODY_LIMIT)));
        logger.info({ webhookId: webhook.id, events: webhook.events }, 'webhook created');
        sendJson(res, 201, { ...webhook, secret });
      },
    },
    {
      method: 'DELETE',
      path: `${WEBHOOKS}/{id}`,
      scope: 'webhooks:write',
      async handle({ res, params }) {
        const id = params.id ?? '';
        if (!(await webhooks.delete(id))) throw notFound(id);
        res.writeHead(204).end();
      },
    },
    {
      method: 'GET',
      path: `${WEBHOOKS}/{id}/deliveries`,
      scope: 'webhooks:write',
      async handle({ res, params }) {
        const id = params.id ?? '';
        const deliveries = await webhooks.deliveries(id);
        if (deliveries === null) throw notFound(id);
        sendJson(res, 200, { deliveries });
      },
    },
  ];
}
