import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operator } from '../../src/services/actors.js';
import { createSurvey, dryRun, roundNow } from '../../src/services/survey-studio/surveys-service.js';
import { syncDirectory, type DirectorySource } from '../../src/services/sync-directory.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps } from '../support/fixtures.js';

/** `audience.excludeJoinedWithinDays`: people who joined recently are left out; those there from the start never are. */

function source(userIds: readonly string[]): DirectorySource {
  return {
    platform: 'slack',
    tenant: 'T1',
    segments: () => Promise.resolve([]),
    members: () => Promise.resolve([]),
    async *pages() {
      await Promise.resolve();
      yield userIds.map((userId) => ({ userId, email: `${userId.toLowerCase()}@example.com`, timezone: 'Europe/Oslo', locale: 'en' as const, segment: null }));
    },
  };
}

describe('surveys that leave out new joiners', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  const HR = operator('cli', 'test');
  const document = {
    id: 'settled',
    name: 'Settled in',
    trigger: { type: 'once', date: '2027-02-15', time: '10:00' },
    audience: { type: 'everyone', excludeJoinedWithinDays: 30 },
    questions: [{ builtin: 'enps' }],
  };
  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2027-01-04T12:00:00Z');
  });
  afterEach(async () => {
    await db.dispose();
  });

  it('the first directory read marks nobody as new; people who appear later are new from that day', async () => {
    await syncDirectory(deps, source(['U001', 'U002', 'U003', 'U004', 'U005', 'U006']));
    deps.clock.set(DateTime.fromISO('2027-01-25T12:00:00Z'));
    await syncDirectory(deps, source(['U001', 'U002', 'U003', 'U004', 'U005', 'U006', 'U007']));
    const seen = Object.fromEntries((await db.database.collections.people.find({}).toArray()).map((p) => [p.userId, p.firstSeen ?? null]));
    expect(seen).toMatchObject({ U001: null, U006: null, U007: '2027-01-25' });

    await createSurvey(deps, HR, document);
    const plan = await dryRun(deps, HR, document);
    expect(plan.nextRounds[0]?.zones).toEqual([{ zone: 'Europe/Oslo', people: 6, sendAt: '2027-02-15T10:00:00.000+01:00' }]);
    deps.clock.set(DateTime.fromISO('2027-02-15T07:00:00Z'));
    const round = await roundNow(deps, HR, 'settled');
    const invited = await db.database.collections.deliveries.find({ roundId: round._id }).toArray();
    expect(invited.map((d) => d.personKey.split(':')[2]).sort()).toEqual(['U001', 'U002', 'U003', 'U004', 'U005', 'U006']);
  });

  it('someone who joined 30 days or more before the round is invited', async () => {
    await syncDirectory(deps, source(['U001']));
    deps.clock.set(DateTime.fromISO('2027-01-16T12:00:00Z'));
    await syncDirectory(deps, source(['U001', 'U002']));
    await createSurvey(deps, HR, document);
    deps.clock.set(DateTime.fromISO('2027-02-15T07:00:00Z'));
    const round = await roundNow(deps, HR, 'settled');
    expect(await db.database.collections.deliveries.countDocuments({ roundId: round._id })).toBe(2);
  });
});
