import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardModel } from '../../src/services/dashboard-model.js';
import type { AnonymitySettings } from '../../src/domain/anonymity/thresholds.js';
import { closeRound } from '../../src/services/close-round.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { exitResults, type ExitResults } from '../../src/services/exit-results.js';
import { requestExitSurvey } from '../../src/services/exit-surveys.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { resultsCsv } from '../../src/services/results-csv.js';
import { resultsInRange } from '../../src/services/results-range.js';
import { runScheduleTick } from '../../src/services/schedule-tick.js';
import { ensureIndexes } from '../../src/store/indexes.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { isolate } from '../support/differencing-attacker.js';
import { seedPeople, testDeps } from '../support/fixtures.js';

/*
 * The differencing property over exit quarters (issue #15): random leavers from random
 * departments in random quarters go through the real exit flow (request, send, answer, close),
 * then every exit figure HR can read (chat `results exit`, the dashboard, the HR API, the CSV) is
 * read at today's k and again after k is raised. Within each pool, no combination of the shown
 * figures isolates fewer than k leavers; and a pool shown once keeps its quarters.
 */

const RUNS = Number(process.env.PULSE_PROPERTY_RUNS ?? 8);
const DEPARTMENTS = { eng: 8, sales: 12, support: 7 } as const;
type Department = keyof typeof DEPARTMENTS;
const QUARTER_DATES = ['2026-02-03', '2026-05-05', '2026-08-04'] as const;

const quarterArb = fc.record({ eng: fc.integer({ min: 0, max: 3 }), sales: fc.integer({ min: 0, max: 4 }), support: fc.integer({ min: 0, max: 3 }) });
const exitArb = fc.record({ quarters: fc.array(quarterArb, { minLength: 1, maxLength: 3 }), raiseBy: fc.integer({ min: 0, max: 2 }) });

/** Every exit figure shown, per pool: the segments it is shown for. */
function shownByPool(results: ExitResults, into: Map<string, Set<string>>): void {
  for (const pool of results.pools) {
    const key = pool.quarters.join('+');
    const set = into.get(key) ?? new Set<string>();
    set.add(pool.organisation.segment);
    for (const d of pool.departments) set.add(d.segment);
    into.set(key, set);
  }
}

async function everyExitFigure(deps: ServiceDeps, into: Map<string, Set<string>>): Promise<void> {
  shownByPool(await exitResults(deps), into); // chat `results exit`, weekly summary lines
  const dashboard = await dashboardModel(deps, 'all', true);
  if (dashboard.exit) shownByPool(dashboard.exit, into);
  const range = await resultsInRange(deps, { survey: 'exit' }); // HR API
  if (range.kind === 'exit') {
    shownByPool(range.exit, into);
    // The CSV names each pool by its period and each shown slice by its segment.
    for (const row of parse<{ period: string; segment: string }>(resultsCsv(range), { columns: true })) {
      const key = row.period.replace('..', '+');
      const pool = range.exit.pools.find((p) => p.quarters.join('+') === key || (p.quarters.length > 1 && `${p.quarters[0]}+${p.quarters.at(-1)}` === key));
      if (pool) into.get(pool.quarters.join('+'))?.add(row.segment);
    }
  }
}

describe('differencing property over exit quarters', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  it(
    'no pool, read before and after k is raised, isolates fewer than k leavers',
    async () => {
      let pools = 0;
      await fc.assert(
        fc.asyncProperty(exitArb, async ({ quarters, raiseBy }) => {
          await db.database.db.dropDatabase();
          await ensureIndexes(db.database);
          const deps = testDeps(db.database, '2026-01-05T06:00:00Z');
          const platform = new RecordingPlatform(deps.clock);
          const keys = await seedPeople(deps, DEPARTMENTS);
          const staff: Record<Department, string[]> = { eng: keys.slice(0, 8), sales: keys.slice(8, 20), support: keys.slice(20, 27) };
          // Who left in which quarter, from which department: the truth the attacker is judged by.
          const left = new Map<string, Department>();
          const quarterOf = new Map<string, number>();
          for (const [q, counts] of quarters.entries()) {
            const date = QUARTER_DATES[q] ?? '2026-08-04';
            const leavers = (Object.keys(counts) as Department[]).flatMap((d) => staff[d].splice(0, counts[d]).map((key) => ({ key, d })));
            for (const { key } of leavers) await requestExitSurvey(deps, 'slack:T1:UHR', { target: key, date });
            deps.clock.set(DateTime.fromISO(`${date}T23:00:00Z`, { zone: 'utc' }));
            await runScheduleTick(deps, new Map([['slack', platform]]));
            for (const { key, d } of leavers) {
              const sent = platform.prompts.find((p) => p.prompt.roundId.startsWith('exit:') && `slack:T1:${p.to.userId}` === key);
              if (sent === undefined) continue;
              await recordAnswer(deps, {
                roundId: sent.prompt.roundId,
                person: key,
                responseToken: sent.prompt.responseToken,
                binding: sent.prompt.binding,
                questionId: 'exit-rate-pay',
                raw: 3,
              });
              left.set(key, d);
              quarterOf.set(key, q);
            }
          }
          deps.clock.set(DateTime.fromISO('2026-12-20T00:00:00Z', { zone: 'utc' }));
          for (const round of await db.database.collections.rounds.find({ surveyId: 'exit', state: 'open' }).sort({ _id: 1 }).toArray()) {
            await closeRound(deps, round._id, { graceMs: 0 });
          }

          const k0 = deps.settings.anonymity.minGroupSize;
          const shown = new Map<string, Set<string>>();
          await everyExitFigure(deps, shown);
          const before = [...shown.keys()];
          const raised: AnonymitySettings = { minGroupSize: k0 + raiseBy, minCommentGroupSize: k0 + raiseBy };
          await everyExitFigure({ ...deps, settings: { ...deps.settings, anonymity: raised } }, shown);
          // A pool shown once keeps its quarters: raising k never draws a new boundary.
          for (const key of shown.keys()) expect(before, key).toContain(key);

          for (const [key, segments] of shown) {
            pools++;
            const inPool = new Set(key.split('+').map((q) => Number(q.slice(-1)) - 1));
            const own = new Map<string, number>();
            for (const [person, d] of left) if (inPool.has(quarterOf.get(person) ?? -1)) own.set(d, (own.get(d) ?? 0) + 1);
            const parents = Object.fromEntries(Object.keys(DEPARTMENTS).map((d) => [d, null]));
            expect(isolate(parents, own, segments, k0), `pool ${key}`).toBeNull();
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      // The property must not hold only because no pool was ever shown.
      expect(pools).toBeGreaterThan(0);
    },
    Math.max(120_000, RUNS * 15_000),
  );
});
