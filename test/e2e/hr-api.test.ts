import { exitRequestId } from '../../src/store/documents/identity.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../src/services/api-keys.js';
import type { PostedMessage } from '../fakes/slack-api.js';
import { eventually, startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { error?: { code: string; message: string; issues?: { path: string; message: string }[]; sendDate?: string } };
}

const roundOf = (m: PostedMessage) => (m.metadata as { event_payload?: { round_id?: string } } | undefined)?.event_payload?.round_id ?? '';

describe('HR API over HTTP', () => {
  let h: SlackHarness;
  let origin: string;
  let key: string;

  const call = async (method: string, path: string, options: { key?: string | null; body?: unknown; raw?: string; type?: string } = {}): Promise<Reply> => {
    const headers: Record<string, string> = {};
    const token = options.key === undefined ? key : options.key;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = options.type ?? 'application/json';
    const response = await fetch(`${origin}${path}`, {
      method,
      headers,
      ...(options.raw !== undefined ? { body: options.raw } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Reply['body'] };
  };

  beforeAll(async () => {
    // Sunday 2026-11-22 12:00 UTC. U0001 Oslo, U0002 New York, U0003 Kolkata …
    h = await startSlackHarness({ people: users(8), now: '2026-11-22T12:00:00Z' });
    origin = new URL(h.base).origin;
    key = (await createApiKey(h.app.deps, 'HR system', ['results:read', 'people:write', 'exit:write'])).key;
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('no key, a wrong key and a revoked key are refused with 401, and nothing is scheduled', async () => {
    const body = { email: 'person1@example.com' };
    const none = await call('POST', '/api/v1/exit-surveys', { key: null, body });
    expect(none.status).toBe(401);
    expect(none.body.error?.code).toBe('UNAUTHORIZED');
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="pulsebot"');
    const [, id = '', secret = ''] = /^pb_([0-9a-f]{12})_(.+)$/.exec(key) ?? [];
    const wrongSecret = `pb_${id}_${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect((await call('POST', '/api/v1/exit-surveys', { key: wrongSecret, body })).status).toBe(401);
    expect((await call('POST', '/api/v1/exit-surveys', { key: 'not-a-key', body })).status).toBe(401);
    expect((await call('GET', '/api/v1/results?survey=pulse', { key: wrongSecret })).status).toBe(401);

    const revoked = await createApiKey(h.app.deps, 'old integration', ['results:read', 'people:write']);
    const ok = await call('GET', '/api/v1/results?survey=pulse', { key: revoked.key });
    expect([ok.status, ok.body]).toEqual([200, { kind: 'pulse', survey: 'pulse', rounds: [] }]);
    expect(await revokeApiKey(h.app.deps, revoked.info.id)).toBe(true);
    const after = await call('PUT', '/api/v1/people', { key: revoked.key, body: { people: [{ email: 'person1@example.com', team: 'Sales' }] } });
    expect(after.status).toBe(401);
    expect(after.body.error?.code).toBe('UNAUTHORIZED');

    expect(await h.app.database.collections.eventRequests.countDocuments({})).toBe(0);
    expect(await h.app.database.collections.rounds.countDocuments({ kind: 'exit' })).toBe(0);
    expect(await h.app.database.collections.segments.countDocuments({ _id: 'sales' })).toBe(0);
    const stored = await h.app.database.db.collection('api_keys').find({}).toArray();
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('bad requests get 400/415 with a code and the fields at fault, and change nothing', async () => {
    const invalidJson = await call('POST', '/api/v1/exit-surveys', { raw: '{"email": ' });
    expect([invalidJson.status, invalidJson.body.error?.code]).toEqual([400, 'INVALID_JSON']);
    const wrongType = await call('POST', '/api/v1/exit-surveys', { raw: 'email=x', type: 'application/x-www-form-urlencoded' });
    expect([wrongType.status, wrongType.body.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);

    const bad = await call('POST', '/api/v1/exit-surveys', { body: { email: 'not-an-email', lastDay: '2026-13-40', language: 'de', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('VALIDATION_FAILED');
    const paths = bad.body.error?.issues?.map((i) => i.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['email', 'lastDay', 'language']));
    const both = await call('POST', '/api/v1/exit-surveys', { body: { email: 'person1@example.com', platformUserId: 'U0001' } });
    expect(both.body.error?.issues?.[0]?.message).toBe('give exactly one of email or platformUserId');
    const past = await call('POST', '/api/v1/exit-surveys', { body: { email: 'person1@example.com', lastDay: '2026-11-01' } });
    expect([past.status, past.body.error?.issues?.[0]?.path]).toEqual([400, 'lastDay']);
    const farAhead = await call('POST', '/api/v1/exit-surveys', { body: { email: 'person1@example.com', lastDay: '2099-12-31' } });
    expect([farAhead.status, farAhead.body.error?.issues?.[0]?.path]).toEqual([400, 'lastDay']);

    const people = await call('PUT', '/api/v1/people', {
      body: {
        people: [
          { email: 'person1@example.com', team: 'Sales/Nordics' },
          { email: 'person2@example.com', team: 'Sales', timezone: 'Mars/Olympus' },
          { email: 'nope', team: '' },
        ],
      },
    });
    expect(people.status).toBe(400);
    expect(people.body.error?.issues?.map((i) => i.path)).toEqual(['people[1].timezone', 'people[2].email', 'people[2].team']);
    const results = await call('GET', '/api/v1/results?from=yesterday');
    expect(results.body.error?.issues?.map((i) => i.path).sort()).toEqual(['from', 'survey']);
    expect((await call('GET', '/api/v1/results?survey=nope')).body.error?.code).toBe('UNKNOWN_SURVEY');
    expect((await call('GET', '/api/v1/nowhere')).status).toBe(404);
    const method = await call('DELETE', '/api/v1/people');
    expect([method.status, method.headers.get('allow')]).toEqual([405, 'PUT']);

    expect(await h.app.database.collections.eventRequests.countDocuments({})).toBe(0);
    expect(await h.app.database.collections.segments.countDocuments({ _id: 'sales' })).toBe(0);
  });

  it('an exit survey created through the API is delivered by the scheduler to the leaver in Slack', async () => {
    // Last day Friday 2026-11-27 → sent three working days before, Tuesday 24th, 10:00 in New York.
    const created = await call('POST', '/api/v1/exit-surveys', { body: { email: 'Person2@Example.com', lastDay: '2026-11-27', language: 'nb' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'scheduled', sendDate: '2026-11-24', sendAt: '2026-11-24T15:00:00.000Z', timezone: 'America/New_York' });
    const again = await call('POST', '/api/v1/exit-surveys', { body: { platformUserId: 'U0002' } });
    expect([again.status, again.body.error?.code, again.body.error?.sendDate]).toEqual([409, 'EXIT_ALREADY_OPEN', '2026-11-24']);
    // Asked again with another date: still 409, and no pooled round is opened for that date.
    const rounds = await h.app.database.collections.rounds.find({ kind: 'exit' }).toArray();
    const otherDate = await call('POST', '/api/v1/exit-surveys', { body: { platformUserId: 'U0002', lastDay: '2027-06-30' } });
    expect(otherDate.status).toBe(409);
    expect(await h.app.database.collections.rounds.find({ kind: 'exit' }).toArray()).toEqual(rounds);
    const unknown = await call('POST', '/api/v1/exit-surveys', { body: { email: 'nobody@example.com' } });
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'UNKNOWN_PERSON']);

    h.app.delivery.kick();
    await h.app.delivery.idle();
    expect(h.fake.messagesTo('U0002').filter((m) => roundOf(m).startsWith('exit:'))).toHaveLength(0);
    h.clock.set(h.clock.now().plus({ days: 2, hours: 3, minutes: 1 })); // 2026-11-24 15:01 UTC
    h.app.delivery.kick();
    await eventually(() => h.fake.messagesTo('U0002').some((m) => roundOf(m) === 'exit:2026-Q4'));
    await h.app.delivery.idle();
    const prompt = h.fake.messagesTo('U0002').find((m) => roundOf(m) === 'exit:2026-Q4');
    expect(JSON.stringify(prompt?.blocks)).toContain('Sluttundersøkelse');
    const request = await h.app.database.collections.eventRequests.findOne({ _id: exitRequestId('slack:T0TEST:U0002') });
    expect(request?.state).toBe('sent');
    expect(request?.requestedBy).toMatch(/^api:operator:[0-9a-f]{12}$/);
  });

  it('PUT /api/v1/people builds department → team segments, is idempotent, and the directory sync keeps them', async () => {
    const body = {
      people: [
        { email: 'person1@example.com', team: 'Sales/Nordics', managerEmail: 'person3@example.com', timezone: 'Europe/Stockholm', locale: 'sv-SE' },
        { email: 'person2@example.com', team: 'Sales/Nordics', managerEmail: 'person3@example.com' },
        { email: 'person3@example.com', team: 'Sales' },
        { email: 'not-in-slack@example.com', team: 'Sales' },
      ],
    };
    const first = await call('PUT', '/api/v1/people', { body });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ matched: 3, unmatched: ['not-in-slack@example.com'], segments: 2, leaders: 1, reportable: [] });
    const snapshot = async () => ({
      people: await h.app.database.collections.people
        .find({}, { projection: { syncId: 0 } })
        .sort({ _id: 1 })
        .toArray(),
      segments: await h.app.database.collections.segments.find({}).sort({ _id: 1 }).toArray(),
    });
    const before = await snapshot();
    expect((await call('PUT', '/api/v1/people', { body })).body).toEqual(first.body);
    expect(await snapshot()).toEqual(before);

    const p1 = before.people.find((p) => p.userId === 'U0001');
    expect(p1).toMatchObject({ segment: 'sales/nordics', segmentSource: 'import', timezone: 'Europe/Stockholm', locale: 'sv' });
    expect(before.segments.filter((s) => s._id.startsWith('sales'))).toEqual([
      { _id: 'sales', name: 'Sales', parentId: null },
      { _id: 'sales/nordics', name: 'Nordics', parentId: 'sales' },
    ]);
    expect(before.people.find((p) => p.userId === 'U0003')).toMatchObject({ roles: ['leader'], leads: ['sales/nordics'] });

    await h.app.slack?.syncDirectories(true);
    expect((await h.app.database.collections.people.findOne({ userId: 'U0001' }))?.segment).toBe('sales/nordics');
  });

  it('PUT /api/v1/people keeps HR attributes on the identity side, and which are reportable; a bad one changes nothing', async () => {
    const body = {
      people: [
        {
          email: 'person4@example.com',
          team: 'Support',
          location: 'Oslo',
          employmentType: 'full-time',
          startDate: '2024-03-01',
          remote: false,
          attributes: { shift: 'night' },
        },
        { email: 'person5@example.com', team: 'Support', location: 'Bergen', remote: true },
      ],
      reportable: ['location', 'tenure', 'custom.shift'],
    };
    const ok = await call('PUT', '/api/v1/people', { body });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ matched: 2, reportable: ['location', 'tenure', 'custom.shift'] });
    const p4 = await h.app.database.collections.people.findOne({ userId: 'U0004' });
    expect(p4?.attributes).toEqual({ location: 'Oslo', employmentType: 'full-time', startDate: '2024-03-01', remote: false, custom: { shift: 'night' } });
    expect((await h.app.database.collections.people.findOne({ userId: 'U0005' }))?.attributes).toEqual({ location: 'Bergen', remote: true });
    // Never on the answer side: attributes are not copied onto anything a survey stores.
    for (const name of ['responses', 'comments', 'counters']) {
      expect(await h.app.database.db.collection(name).countDocuments({ attributes: { $exists: true } })).toBe(0);
    }

    const bad = await call('PUT', '/api/v1/people', {
      body: {
        people: [
          { email: 'person4@example.com', team: 'Support', location: 'Trondheim', remote: 'sometimes' },
          { email: 'person5@example.com', team: 'Support', attributes: { a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' } },
        ],
        reportable: ['salary'],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.issues?.map((i) => i.path)).toEqual(['people[0].remote', 'people[1].attributes', 'reportable[0].name']);
    expect((await h.app.database.collections.people.findOne({ userId: 'U0004' }))?.attributes?.location).toBe('Oslo');
    const again = await call('PUT', '/api/v1/people', { body: { people: [{ email: 'person4@example.com', team: 'Support' }] } });
    // Left out, the reportable list stays as it was.
    expect(again.body).toMatchObject({ reportable: ['location', 'tenure', 'custom.shift'] });
  });

  it('serves an OpenAPI 3.1 document, without a key, whose schemas agree with the validation', async () => {
    const doc = await call('GET', '/api/v1/openapi.json', { key: null });
    expect(doc.status).toBe(200);
    const spec = doc.body as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, object> } };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/api/v1/anonymity-report',
      '/api/v1/events',
      '/api/v1/exit-surveys',
      '/api/v1/people',
      '/api/v1/results',
      '/api/v1/survey-templates',
      '/api/v1/surveys',
      '/api/v1/surveys/{id}',
      '/api/v1/surveys/{id}/pause',
      '/api/v1/surveys/{id}/resume',
      '/api/v1/surveys/{id}/rounds',
      '/api/v1/webhooks',
      '/api/v1/webhooks/{id}',
      '/api/v1/webhooks/{id}/deliveries',
    ]);
    expect(Object.keys(spec.paths['/api/v1/exit-surveys'] ?? {})).toEqual(['post']);
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const createExit = ajv.compile(spec.components.schemas.CreateExitSurvey ?? {});
    expect(createExit({ email: 'a@example.com', lastDay: '2026-12-01', language: 'sv' })).toBe(true);
    expect(createExit({ email: 'a@example.com', colour: 'blue' })).toBe(false);
    expect(createExit({ email: 'a@example.com', language: 'de' })).toBe(false);
    const upsert = ajv.compile(spec.components.schemas.PeopleUpsert ?? {});
    expect(upsert({ people: [{ email: 'a@example.com', team: 'Sales/Nordics' }] })).toBe(true);
    expect(upsert({ people: [] })).toBe(false);
  });
});
