import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, type ApiScope } from '../../src/services/api-keys.js';
import { startSlackHarness, users, type SlackHarness } from '../support/slack-harness.js';

/*
 * HR API keys carry scopes (issue #15): a key may do only what it was made for. A key for the
 * people import must not read results; a results reader must not schedule exit surveys; only an
 * admin key reads the anonymity report. Refusals are 403, say which scope is missing, and change
 * nothing.
 */
describe('HR API key scopes', () => {
  let h: SlackHarness;
  let origin: string;

  const call = async (key: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { error?: { code: string; message: string; scope?: string } } & Record<string, unknown>,
    };
  };
  const keyWith = async (...scopes: ApiScope[]) => (await createApiKey(h.app.deps, `key with ${scopes.join(' ')}`, scopes)).key;
  const exitBody = { email: 'person1@example.com' };
  const peopleBody = { people: [{ email: 'person2@example.com', team: 'Sales' }] };

  beforeAll(async () => {
    h = await startSlackHarness({ people: users(6), now: '2026-11-22T12:00:00Z' });
    origin = new URL(h.base).origin;
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('a results reader may read results, but neither import people nor schedule exit surveys', async () => {
    const reader = await keyWith('results:read');
    expect((await call(reader, 'GET', '/api/v1/results?survey=pulse')).status).toBe(200);
    const people = await call(reader, 'PUT', '/api/v1/people', peopleBody);
    expect([people.status, people.body.error?.code, people.body.error?.scope]).toEqual([403, 'FORBIDDEN', 'people:write']);
    expect(people.body.error?.message).toContain('--scope people:write');
    const exit = await call(reader, 'POST', '/api/v1/exit-surveys', exitBody);
    expect([exit.status, exit.body.error?.scope]).toEqual([403, 'exit:write']);
    expect(await h.app.database.collections.eventRequests.countDocuments({})).toBe(0);
    expect(await h.app.database.collections.segments.countDocuments({ name: 'Sales' })).toBe(0);
  });

  it('an exit-survey key schedules exit surveys and reads nothing', async () => {
    const hrSystem = await keyWith('exit:write');
    expect((await call(hrSystem, 'GET', '/api/v1/results?survey=pulse')).status).toBe(403);
    expect((await call(hrSystem, 'GET', '/api/v1/anonymity-report')).status).toBe(403);
    expect((await call(hrSystem, 'POST', '/api/v1/exit-surveys', exitBody)).status).toBe(201);
    expect(await h.app.database.collections.eventRequests.countDocuments({})).toBe(1);
  });

  it('a key made before scopes existed keeps what it could do then, and no more', async () => {
    const legacy = await createApiKey(h.app.deps, 'from an older version', ['results:read']);
    await h.app.database.db.collection('api_keys').updateOne({ _id: legacy.info.id as never }, { $unset: { scopes: '' } });
    expect((await call(legacy.key, 'GET', '/api/v1/results?survey=pulse')).status).toBe(200);
    expect((await call(legacy.key, 'PUT', '/api/v1/people', peopleBody)).status).toBe(200);
    expect((await call(legacy.key, 'GET', '/api/v1/anonymity-report')).status).toBe(403);
  });

  it('an admin key reads the anonymity report; it says when an identifier was planted on the answer side', async () => {
    const admin = await keyWith('admin');
    const clean = await call(admin, 'GET', '/api/v1/anonymity-report');
    expect(clean.status).toBe(200);
    expect(clean.body.passed).toBe(true);
    expect(clean.body.thresholds).toMatchObject({ settings: { minGroupSize: 5 } });
    expect((clean.body.checks as { name: string; passed: boolean }[]).every((c) => c.passed)).toBe(true);
    expect((clean.body.collections as { name: string }[]).map((c) => c.name)).toContain('responses');
    expect((await call(admin, 'GET', '/api/v1/results?survey=pulse')).status).toBe(403);

    await h.app.database.db.collection('comments').insertOne({
      _id: 'planted' as never,
      roundId: 'pulse:2026-11-16',
      roundDate: '2026-11-16',
      questionId: 'comment',
      segment: 'org',
      text: 'x',
      userId: 'U0001',
    });
    const planted = await call(admin, 'GET', '/api/v1/anonymity-report');
    expect(planted.status).toBe(200);
    expect(planted.body.passed).toBe(false);
    expect((planted.body.findings as { check: string; collection: string }[]).some((f) => f.collection === 'comments')).toBe(true);
    expect(JSON.stringify(planted.body)).not.toContain('U0001');
  });

  it("the OpenAPI document names each route's scope", async () => {
    const doc = (await (await fetch(`${origin}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security: Record<string, string[]>[] }>>;
    };
    expect(doc.paths['/api/v1/anonymity-report']?.get?.security).toEqual([{ apiKey: ['admin'] }]);
    expect(doc.paths['/api/v1/results']?.get?.security).toEqual([{ apiKey: ['results:read'] }]);
    expect(doc.paths['/api/v1/people']?.put?.security).toEqual([{ apiKey: ['people:write'] }]);
  });
});
