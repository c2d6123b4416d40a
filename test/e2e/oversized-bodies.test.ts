import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/services/api-keys.js';
import { ADMIN, startTeamsHarness, type TeamsHarness } from '../fakes/teams-harness.js';

// Found by `npm run bench -- hostile`: an oversized body was answered 413 but its connection was
// then torn down while the answer said keep-alive, so the client's next request on it was reset.
describe('an oversized body is refused with 413 and Connection: close (the next request is not reset)', () => {
  let h: TeamsHarness;
  let origin: string;
  let key: string;

  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [ADMIN] });
    origin = new URL(h.endpoint).origin;
    key = (await createApiKey(h.app.deps, 'HR system', ['results:read', 'people:write', 'exit:write'])).key;
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('Teams /api/messages: 2 MB activity', async () => {
    const response = await fetch(h.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    await response.arrayBuffer();
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });

  it('HR API PUT /api/v1/people: 6 MB body', async () => {
    const body = JSON.stringify({ people: [{ email: 'a@example.com', team: 'x'.repeat(6 * 1024 * 1024) }] });
    const response = await fetch(`${origin}/api/v1/people`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await h.app.database.collections.people.countDocuments({ email: 'a@example.com' })).toBe(0);
  });
});
