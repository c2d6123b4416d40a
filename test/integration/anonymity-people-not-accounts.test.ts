import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRound } from '../../src/services/start-round.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps, weeklyPulse } from '../support/fixtures.js';

/*
 * Break 3 of issue #15: k counted accounts, not people. The attack: "sales" has four people, one
 * of whom also has a Teams account (and one a second Slack workspace). Counting accounts, sales
 * reached k = 5, its answers were filed under it and shown as a group of five, which is four
 * people. Counting people, the four are filed under the organisation and each is invited once.
 */

describe('k counts people: accounts sharing an e-mail are one person', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('invites a person with Slack and Teams accounts once, and files a team of four people under the organisation', async () => {
    const deps = testDeps(db.database);
    await deps.store.segments.upsert({ _id: 'sales', name: 'Sales', parentId: null });
    await deps.store.segments.upsert({ _id: 'eng', name: 'Eng', parentId: null });
    const person = (platform: 'slack' | 'teams', tenant: string, userId: string, email: string, segment: string) =>
      deps.store.people.upsert({ platform, tenant, userId, email, timezone: 'UTC', locale: 'en', segment });
    for (const n of [1, 2, 3, 4]) await person('slack', 'T1', `S${n}`, `sales${n}@example.com`, 'sales');
    await person('teams', 'tenant-a', 'aad-1', 'Sales1@Example.com', 'sales');
    for (const n of [1, 2, 3, 4, 5]) await person('slack', 'T1', `E${n}`, `eng${n}@example.com`, 'eng');
    await person('slack', 'T2', `X1`, `eng1@example.com`, 'eng');

    const round = await startRound(deps, weeklyPulse({ anonymity: { minGroupSize: 5, minCommentGroupSize: 5 } }), '2026-11-23', { defaultTimezone: 'UTC' });

    const deliveries = await db.database.collections.deliveries.find({ roundId: round._id }).toArray();
    expect(deliveries).toHaveLength(9);
    expect(deliveries.map((d) => d.personKey)).not.toContain('teams:tenant-a:aad-1');
    expect(deliveries.map((d) => d.personKey)).not.toContain('slack:T2:X1');
    expect(new Set(deliveries.filter((d) => d.personKey.includes(':S')).map((d) => d.reportingSegment))).toEqual(new Set(['org']));
    expect(new Set(deliveries.filter((d) => d.personKey.includes(':E')).map((d) => d.reportingSegment))).toEqual(new Set(['eng']));
    const invited = await deps.store.deliveries.invitedBySegment(round._id);
    expect(Object.fromEntries(invited)).toEqual({ org: 4, eng: 5 });
    const teams = await deps.store.people.get('teams:tenant-a:aad-1');
    expect(teams?.linkedTo).toBe('slack:T1:S1');
  });

  it('unlinks accounts that no longer share an address, so each is invited again', async () => {
    const deps = testDeps(db.database);
    await deps.store.people.upsert({
      platform: 'teams',
      tenant: 'tenant-a',
      userId: 'aad-1',
      email: 'someone.else@example.com',
      timezone: 'UTC',
      locale: 'en',
      segment: 'sales',
    });
    const round = await startRound(deps, weeklyPulse({ anonymity: { minGroupSize: 5, minCommentGroupSize: 5 } }), '2026-11-30', { defaultTimezone: 'UTC' });
    const keys = (await db.database.collections.deliveries.find({ roundId: round._id }).toArray()).map((d) => d.personKey);
    expect(keys).toContain('teams:tenant-a:aad-1');
    expect(keys).not.toContain('slack:T2:X1');
    expect(keys).toHaveLength(10);
    expect((await deps.store.people.get('teams:tenant-a:aad-1'))?.linkedTo).toBeNull();
  });

  it('an account whose linked primary left is invited in its place', async () => {
    const deps = testDeps(db.database);
    await deps.store.people.deactivate('slack:T1:E1');
    const round = await startRound(deps, weeklyPulse(), '2026-12-07', { defaultTimezone: 'UTC' });
    const keys = (await db.database.collections.deliveries.find({ roundId: round._id }).toArray()).map((d) => d.personKey);
    expect(keys).toContain('slack:T2:X1');
    expect(keys).not.toContain('slack:T1:E1');
  });
});
