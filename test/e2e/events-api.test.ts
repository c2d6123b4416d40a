import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/lib/standard-webhooks.js';
import { operator } from '../../src/services/actors.js';
import { createApiKey } from '../../src/services/api-keys.js';
import { createEventSource } from '../../src/services/events/event-sources.js';
import { createSurvey } from '../../src/services/survey-studio/surveys-service.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/** `POST /api/v1/events` over HTTP (issue #18): signed or with a key, checked whole before anything is stored. */

interface Reply {
  readonly status: number;
  readonly body: { status?: string; duplicate?: boolean; scheduled?: number; error?: { code: string; message: string; issues?: { path: string }[] } };
}

const roundOf = (m: PostedMessage) => (m.metadata as { event_payload?: { round_id?: string } } | undefined)?.event_payload?.round_id ?? '';

describe('events API', () => {
  let h: SlackHarness;
  let origin: string;
  let secret: string;
  let key: string;
  const stored = async () =>
    (await h.app.database.collections.eventRequests.countDocuments({})) + (await h.app.database.collections.eventReceipts.countDocuments({}));

  const post = async (body: unknown, headers: Record<string, string>): Promise<Reply> => {
    const response = await fetch(`${origin}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Reply['body'] };
  };
  const signed = (body: unknown, options: { secret?: string; id?: string; at?: Date } = {}) => {
    const text = JSON.stringify(body);
    return post(text, {
      ...signWebhook(options.secret ?? secret, options.id ?? `msg_${Math.random().toString(16).slice(2)}`, options.at ?? h.clock.now().toJSDate(), text),
    });
  };
  const event = (overrides: Record<string, unknown> = {}) => ({
    event: 'ticket.resolved',
    person: { email: 'person1@example.com' },
    occurredAt: '2026-12-04T14:00:00Z',
    idempotencyKey: 'INC-1001',
    ...overrides,
  });

  beforeAll(async () => {
    // Friday 2026-12-04 15:00 UTC. U0001 Oslo, U0002 New York …
    h = await startSlackHarness({ people: users(4), now: '2026-12-04T15:00:00Z' });
    origin = new URL(h.base).origin;
    await createSurvey(h.app.deps, operator('cli', 'test'), {
      id: 'service',
      name: 'IT service desk',
      trigger: { type: 'event', event: 'ticket.resolved', delay: { workingDays: 1 }, time: '09:00', expiresAfterDays: 3 },
      reminderDays: [],
      questions: [{ id: 'solved', type: 'yesno', text: { en: 'Was your issue solved?' } }],
    });
    const source = await createEventSource(h.app.deps, 'servicedesk');
    if (source.status !== 'created') throw new Error('no source');
    secret = source.secret;
    key = (await createApiKey(h.app.deps, 'HR system', ['events:write'])).key;
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('refuses a forged, a stale and an unsigned keyless request with 401, storing nothing', async () => {
    const forged = await signed(event(), { secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}` });
    expect(forged.status).toBe(401);
    expect(forged.body.error?.message).toMatch(/signature does not match/);
    const stale = await signed(event(), { at: h.clock.now().minus({ minutes: 6 }).toJSDate() });
    expect(stale.status).toBe(401);
    expect(stale.body.error?.message).toMatch(/more than 5 minutes/);
    const text = JSON.stringify(event());
    const tampered = await post(text.replace('INC-1001', 'INC-1002'), { ...signWebhook(secret, 'msg_x', h.clock.now().toJSDate(), text) });
    expect(tampered.status).toBe(401);
    expect((await post(event(), {})).status).toBe(401);
    expect(await stored()).toBe(0);
  });

  it('names the field of a malformed body (400) and an unknown person or event (422), storing nothing', async () => {
    const bad = await signed(event({ occurredAt: 'yesterday' }));
    expect([bad.status, bad.body.error?.issues?.map((i) => i.path)]).toEqual([400, ['occurredAt']]);
    const nobody = await signed(event({ person: { email: 'nobody@example.com' } }));
    expect([nobody.status, nobody.body.error?.code, nobody.body.error?.issues?.map((i) => i.path)]).toEqual([422, 'UNKNOWN_PERSON', ['person.email']]);
    expect(nobody.body.error?.message).toContain('nobody@example.com');
    const unknown = await signed(event({ event: 'order.shipped' }));
    expect([unknown.status, unknown.body.error?.code]).toEqual([422, 'UNKNOWN_EVENT']);
    expect(unknown.body.error?.message).toContain('order.shipped');
    expect(await stored()).toBe(0);
  });

  it('accepts a signed event with 202, the same key twice changes nothing, and the survey arrives at 09:00 local the next working day', async () => {
    const first = await signed(event());
    expect([first.status, first.body]).toEqual([202, { status: 'accepted', duplicate: false, scheduled: 1 }]);
    const again = await signed(event());
    expect([again.status, again.body]).toEqual([202, { status: 'accepted', duplicate: true, scheduled: 0 }]);
    expect(await h.app.database.collections.eventRequests.countDocuments({})).toBe(1);
    // Monday 09:00 in Oslo is 08:00 UTC.
    h.clock.set(h.clock.now().set({ day: 7, hour: 7, minute: 59 }));
    h.app.delivery.kick();
    await h.app.delivery.idle();
    expect(h.fake.messagesTo('U0001').filter((m) => roundOf(m).startsWith('service:'))).toHaveLength(0);
    h.clock.set(h.clock.now().set({ hour: 8, minute: 0 }));
    h.app.delivery.kick();
    await eventually(() => h.fake.messagesTo('U0001').some((m) => roundOf(m) === 'service:2026-Q4'));
    await h.app.delivery.idle();
    expect(h.fake.messagesTo('U0001').filter((m) => roundOf(m) === 'service:2026-Q4')).toHaveLength(1);
  });

  it('takes the same event with an API key that has events:write, and refuses a key without it', async () => {
    const withKey = await post(event({ idempotencyKey: 'INC-2001', person: { platformUserId: 'U0002' } }), { authorization: `Bearer ${key}` });
    expect([withKey.status, withKey.body.scheduled]).toEqual([202, 1]);
    const other = (await createApiKey(h.app.deps, 'reader', ['results:read'])).key;
    const refused = await post(event({ idempotencyKey: 'INC-2002' }), { authorization: `Bearer ${other}` });
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('person.leaving from an HR system is the built-in exit survey, three working days before the last day, once', async () => {
    const leaving = event({ event: 'person.leaving', person: { email: 'person3@example.com' }, occurredAt: '2026-12-11T00:00:00Z', idempotencyKey: 'HR-77' });
    const first = await signed(leaving);
    expect([first.status, first.body.scheduled]).toEqual([202, 1]);
    const again = await signed({ ...leaving, idempotencyKey: 'HR-78' });
    expect([again.status, again.body.duplicate]).toEqual([202, true]);
    const request = await h.app.database.collections.eventRequests.findOne({ surveyId: 'exit' });
    expect(request).toMatchObject({ event: 'person.leaving', sendDate: '2026-12-08', requestedBy: 'source:servicedesk', roundId: 'exit:2026-Q4' });
    const past = await signed({ ...leaving, person: { email: 'person4@example.com' }, occurredAt: '2026-11-01T00:00:00Z' });
    expect([past.status, past.body.error?.issues?.map((i) => i.path)]).toEqual([400, ['occurredAt']]);
  });

  it('the OpenAPI document describes the events endpoint, its two ways in, and the signed webhook messages', async () => {
    const spec = (await (await fetch(`${origin}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security: Record<string, string[]>[] }>>;
      webhooks: Record<string, { post: { description: string } }>;
      components: { schemas: Record<string, object>; securitySchemes: Record<string, { name?: string }> };
    };
    expect(spec.paths['/api/v1/events']?.post?.security).toEqual([{ apiKey: ['events:write'] }, { eventSourceSignature: [] }]);
    expect(spec.components.securitySchemes.eventSourceSignature?.name).toBe('webhook-signature');
    expect(Object.keys(spec.webhooks)).toEqual(['round.closed', 'pool.available', 'survey.changed']);
    expect(spec.webhooks['round.closed']?.post.description).toContain('HMAC-SHA256');
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const eventSchema = ajv.compile(spec.components.schemas.Event ?? {});
    expect(eventSchema(event())).toBe(true);
    expect(eventSchema({ ...event(), person: { name: 'Ann' } })).toBe(false);
    expect(eventSchema({ ...event(), idempotencyKey: '' })).toBe(false);
  });
});
