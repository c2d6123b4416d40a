import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor, operator } from '../../src/services/actors.js';
import { changeRole } from '../../src/services/manage-roles.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps } from '../support/fixtures.js';

/*
 * API and CLI callers are a typed operator (issue #16), not a person key slipped into the
 * bootstrap admins: the operator has HR and admin rights where it acts, and a string that merely
 * looks like an operator's key (typed into chat, stored on a person) has none.
 */
describe('the operator actor', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('an operator acts with HR and admin rights and is recorded by its key', async () => {
    const deps = testDeps(db.database);
    const [person = ''] = await seedPeople(deps, { sales: 1 });
    expect(await loadActor(deps, operator('api', 'abc123abc123'))).toMatchObject({ key: 'api:operator:abc123abc123', roles: ['admin', 'hr'], person: null });
    await changeRole(deps, operator('cli', 'operator'), { action: 'add', target: person, role: 'hr' });
    expect((await deps.store.people.get(person))?.roles).toEqual(['hr']);
  });

  it("a person key shaped like an operator's has no rights, and the settings are not touched", async () => {
    const deps = testDeps(db.database);
    const admins = [...deps.settings.bootstrapRoles.admins];
    expect((await loadActor(deps, 'api:operator:abc123abc123')).roles).toEqual([]);
    await expect(changeRole(deps, 'cli:operator:operator', { action: 'add', target: 'slack:T1:U001', role: 'hr' })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(deps.settings.bootstrapRoles.admins).toEqual(admins);
  });
});
