import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRound } from '../../src/services/start-round.js';
import { ensureIndexes } from '../../src/store/indexes.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps, weeklyPulse } from '../support/fixtures.js';

/*
 * The differencing property's "several accounts per person" (issue #15): over random directories
 * where people have one to three chat accounts (Slack, Teams, a second workspace) sharing their
 * e-mail, a round invites and counts people. No group answers are filed under holds fewer than k
 * people, however many accounts they have.
 */

const RUNS = Number(process.env.PULSE_PROPERTY_RUNS ?? 15);
const ACCOUNTS = [
  { platform: 'slack', tenant: 'T1' },
  { platform: 'teams', tenant: 'tenant-a' },
  { platform: 'slack', tenant: 'T2' },
] as const;
// org ← eng ← (a, b); org ← c; org ← d
const PARENTS: Record<string, string | null> = { eng: null, a: 'eng', b: 'eng', c: null, d: null };
const SEGMENTS = ['a', 'b', 'c', 'd', 'eng'] as const;

const personArb = fc.record({ segment: fc.constantFrom(...SEGMENTS), accounts: fc.subarray([0, 1, 2], { minLength: 1 }) });
const directoryArb = fc.record({ people: fc.array(personArb, { minLength: 3, maxLength: 24 }), k: fc.integer({ min: 3, max: 5 }) });

const inSubtree = (segment: string, root: string): boolean => {
  for (let at: string | null = segment; at !== null; at = PARENTS[at] ?? null) if (at === root) return true;
  return false;
};

describe('people, not accounts, are invited and counted', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  it(
    'holds over random directories with linked accounts',
    async () => {
      await fc.assert(
        fc.asyncProperty(directoryArb, async ({ people, k }) => {
          await db.database.db.dropDatabase();
          await ensureIndexes(db.database);
          const deps = testDeps(db.database);
          for (const [id, parentId] of Object.entries(PARENTS)) await deps.store.segments.upsert({ _id: id, name: id, parentId });
          for (const [n, person] of people.entries()) {
            for (const a of person.accounts) {
              const account = ACCOUNTS[a];
              if (account === undefined) continue;
              await deps.store.people.upsert({
                ...account,
                userId: `P${n}`,
                email: `person${n}@example.com`,
                timezone: 'UTC',
                locale: 'en',
                segment: person.segment,
              });
            }
          }
          const round = await startRound(deps, weeklyPulse({ anonymity: { minGroupSize: k, minCommentGroupSize: k } }), '2026-11-23', {
            defaultTimezone: 'UTC',
          });
          const deliveries = await db.database.collections.deliveries.find({ roundId: round._id }).toArray();
          // One invitation per person.
          expect(deliveries).toHaveLength(people.length);
          expect(new Set(deliveries.map((d) => d.personKey.split(':')[2])).size).toBe(people.length);
          // Every group answers are filed under holds k people (not accounts), or is the organisation.
          for (const filed of new Set(deliveries.map((d) => d.reportingSegment))) {
            if (filed === 'org') continue;
            expect(people.filter((p) => inSubtree(p.segment, filed)).length, `${filed} at k=${k}`).toBeGreaterThanOrEqual(k);
          }
          const invited = [...(await deps.store.deliveries.invitedBySegment(round._id)).values()].reduce((a, b) => a + b, 0);
          expect(invited).toBe(people.length);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
    Math.max(120_000, RUNS * 5_000),
  );
});
