import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformName } from '../../src/ports/chat-platform.js';
import { syncDirectory, type DirectoryEntry, type DirectorySource } from '../../src/services/sync-directory.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps } from '../support/fixtures.js';

/** A workspace whose directory is a fixed list and one user group per name. */
function workspace(platform: PlatformName, tenant: string, groups: Record<string, string[]>): DirectorySource {
  const users = [...new Set(Object.values(groups).flat())];
  return {
    platform,
    tenant,
    segments: () => Promise.resolve(Object.keys(groups).map((name) => ({ id: name, name }))),
    members: (segmentId) => Promise.resolve(groups[segmentId] ?? []),
    async *pages(segmentOf): AsyncIterable<readonly DirectoryEntry[]> {
      yield await Promise.resolve(users.map((userId) => ({ userId, email: null, timezone: null, locale: null, segment: segmentOf(userId) })));
    },
  };
}

describe('platform segments are namespaced by workspace', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('a user group "sales" synced from workspace T2 does not merge into workspace T1\'s "sales"', async () => {
    const deps = testDeps(db.database);
    await syncDirectory(deps, workspace('slack', 'T1', { sales: ['U1', 'U2', 'U3'] }));
    await syncDirectory(deps, workspace('slack', 'T2', { sales: ['V1', 'V2', 'V3'] }));

    const people = await db.database.collections.people.find({}).toArray();
    const segmentOf = (id: string) => people.find((p) => p._id === id)?.segment;
    expect(segmentOf('slack:T1:U1')).not.toBe(segmentOf('slack:T2:V1'));
    const t1Sales = people.filter((p) => p.segment === segmentOf('slack:T1:U1')).map((p) => p._id).sort();
    expect(t1Sales).toEqual(['slack:T1:U1', 'slack:T1:U2', 'slack:T1:U3']);

    const segments = await deps.store.segments.all();
    expect(segments.filter((s) => s.name === 'sales')).toHaveLength(2);
  });
});
