import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps } from '../support/fixtures.js';

describe('pulsebot role', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
    await seedPeople(testDeps(db.database), { sales: 2 });
  });
  afterEach(async () => {
    await db.dispose();
  });
  const person = (userId: string) => db.database.collections.people.findOne({ userId });

  it('grants and removes roles by e-mail or person key', async () => {
    expect(await cli(db.database, ['role', 'add', 'U001@example.com', 'leader', 'sales'])).toMatchObject({
      code: 0,
      out: 'granted leader (sales) to U001@example.com\n',
    });
    expect(await person('U001')).toMatchObject({ roles: ['leader'], leads: ['sales'] });
    expect((await cli(db.database, ['role', 'add', 'slack:T1:U002', 'hr'])).code).toBe(0);
    expect((await person('U002'))?.roles).toEqual(['hr']);
    expect((await cli(db.database, ['role', 'remove', 'u001@example.com', 'leader', 'sales'])).code).toBe(0);
    expect(await person('U001')).toMatchObject({ roles: [], leads: [] });
  });

  it('refuses unknown people and segments (exit 1) and bad usage (exit 2), changing nothing', async () => {
    const unknown = await cli(db.database, ['role', 'add', 'nobody@example.com', 'hr']);
    expect([unknown.code, unknown.err]).toEqual([1, 'pulsebot: no chat user nobody@example.com: check the e-mail, or wait for the directory sync\n']);
    const segment = await cli(db.database, ['role', 'add', 'u001@example.com', 'leader', 'marketing']);
    expect([segment.code, segment.err]).toEqual([1, 'pulsebot: no segment marketing: segments come from the directory sync or `people import`\n']);
    expect((await cli(db.database, ['role', 'add', 'u001@example.com', 'leader'])).code).toBe(2);
    expect((await cli(db.database, ['role', 'add', 'u001@example.com', 'admin'])).code).toBe(2);
    expect((await person('U001'))?.roles ?? []).toEqual([]);
  });
});
