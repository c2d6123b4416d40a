import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformName } from '../../src/ports/chat-platform.js';
import { resolveSegment } from '../../src/services/segment-ids.js';
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
    const t1Sales = people
      .filter((p) => p.segment === segmentOf('slack:T1:U1'))
      .map((p) => p._id)
      .sort();
    expect(t1Sales).toEqual(['slack:T1:U1', 'slack:T1:U2', 'slack:T1:U3']);

    const segments = await deps.store.segments.all();
    expect(segments.filter((s) => s.name === 'sales')).toHaveLength(2);
  });

  it('"sales" typed by an admin means the one segment with that handle or name, and nothing when two workspaces have one', async () => {
    const deps = testDeps(db.database);
    expect(await resolveSegment(deps, 'slack:T1:sales')).toBe('slack:T1:sales');
    expect(await resolveSegment(deps, 'sales')).toBeNull();
    await syncDirectory(deps, workspace('teams', 'tenant-a', { 'Sales Team': ['A1', 'A2', 'A3'] }));
    expect(await resolveSegment(deps, 'sales team')).toBe('teams:tenant-a:Sales Team');
  });

  it("an upgrade keeps a platform segment's place in the tree and its leaders", async () => {
    const deps = testDeps(db.database);
    // As a version before namespacing left it: "support" under "commercial", led by L1.
    await deps.store.segments.upsert({ _id: 'commercial', name: 'Commercial', parentId: null });
    await deps.store.segments.upsert({ _id: 'support', name: 'support', parentId: 'commercial' });
    await deps.store.segments.upsert({ _id: 'support-emea', name: 'Support EMEA', parentId: 'support' });
    const lead = await deps.store.people.upsert({
      platform: 'slack',
      tenant: 'T3',
      userId: 'L1',
      email: null,
      timezone: null,
      locale: null,
      segment: null,
      roles: ['leader'],
      leads: ['support'],
    });
    await syncDirectory(deps, workspace('slack', 'T3', { support: ['L1', 'W1', 'W2'] }));

    const tree = await deps.store.segments.tree();
    expect(tree.parent('slack:T3:support')).toBe('commercial');
    expect(tree.parent('support-emea')).toBe('slack:T3:support');
    expect((await deps.store.people.get(lead))?.leads).toEqual(['support', 'slack:T3:support']);
  });
});
