import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { summaryText } from '../src/domain/summary/summary-text.js';
import { resolveLocale } from '../src/domain/i18n/locale.js';
import { silentLogger } from '../src/logger.js';
import { ManualClock } from '../src/ports/clock.js';
import type { ServiceDeps } from '../src/services/deps.js';
import { buildSummary } from '../src/services/summary.js';
import { summaryChart } from '../src/services/summary-chart.js';
import { loadSummaryContext, type SummaryContext } from '../src/services/summary-context.js';
import { summaryReaders } from '../src/services/summary-readers.js';
import { connectDatabase } from '../src/store/database.js';
import { ensureIndexes } from '../src/store/indexes.js';
import { createStore } from '../src/store/store.js';
import { startMongoServer } from '../src/embedded-db/launcher.js';
import { intFlag, percentile } from './args.js';
import { seedSummaryBench } from './summary-seed.js';

const round2 = (n: number) => Math.round(n * 100) / 100;

function attributeStats(context: SummaryContext): { attributeValues: number; attributeValuesShown: number } {
  const latest = context.rounds.at(-1);
  const cuts = latest === undefined ? undefined : context.cuts.get(latest.round._id);
  const slices = [...(cuts?.values() ?? [])];
  return {
    attributeValues: slices.reduce((n, s) => n + s.values.length, 0),
    attributeValuesShown: slices.reduce((n, s) => n + s.shownFor('enps').size, 0),
  };
}

/**
 * `summary --people 10000 --rounds 52 [--team-size 20] [--passes 2]`: seeds a directory and a year
 * of closed weekly rounds on the FerretDB test server (or MONGODB_URI), then times each reader's
 * summary (model + text in their language) as the weekly job builds it: from one shared context
 * (the last 12 rounds' counters and the latest round's comments), loaded once and timed apart,
 * cold (snapshots made from the counters) and again from the snapshots.
 */
export async function runSummaryBench(args: ReadonlyMap<string, string>): Promise<Record<string, unknown>> {
  const people = intFlag(args, 'people', 10_000);
  const rounds = intFlag(args, 'rounds', 52);
  const teamSize = intFlag(args, 'team-size', 20, 5);
  const passes = intFlag(args, 'passes', 2);
  const server = process.env.MONGODB_URI ? null : await startMongoServer();
  const uri = process.env.MONGODB_URI ?? server?.uri ?? '';
  const dbName = `bench_summary_${randomBytes(4).toString('hex')}`;
  const database = await connectDatabase(uri, dbName);
  try {
    await ensureIndexes(database);
    const log = (message: string) => process.stderr.write(`bench summary: ${message}\n`);
    const seedStart = performance.now();
    const seeded = await seedSummaryBench(database, { people, rounds, teamSize, teamsPerDepartment: 10, lastRound: '2026-11-16' });
    log(
      `seeded ${people} people, ${seeded.teams} teams, ${seeded.counters} counters, ${seeded.comments} comments in ${Math.round((performance.now() - seedStart) / 1000)} s`,
    );

    const deps: ServiceDeps = {
      store: createStore(database, 'bench-secret-bench-secret-bench-secret-0123'),
      clock: new ManualClock(DateTime.fromISO('2026-11-23T07:00:00Z', { zone: 'utc' })),
      logger: silentLogger(),
      settings: {
        anonymity: { minGroupSize: 5, minCommentGroupSize: 5 },
        defaultTimezone: 'UTC',
        defaultLocale: 'en',
        orgName: null,
        bootstrapRoles: { admins: [], hr: [] },
      },
    };
    const loadStart = performance.now();
    const context = await loadSummaryContext(deps, 'pulse');
    const msContextLoad = performance.now() - loadStart;
    if (context === null) throw new Error('no closed round was seeded');
    // A second process (a fresh store, so nothing cached in memory) finds the snapshots made above.
    const warmStart = performance.now();
    const warm = await loadSummaryContext({ ...deps, store: createStore(database, 'bench-secret-bench-secret-bench-secret-0123') }, 'pulse');
    const msContextLoadFromSnapshots = performance.now() - warmStart;
    if (warm === null) throw new Error('the snapshots were not found');
    const readers = await summaryReaders(deps);
    log(
      `context of ${context.rounds.length} rounds: ${Math.round(msContextLoad)} ms cold, ${Math.round(msContextLoadFromSnapshots)} ms from snapshots; ${readers.length} readers`,
    );

    // Pass 1 is what the weekly job does (a fresh context); later passes are repeated on-demand reads.
    const first: number[] = [];
    const repeat: number[] = [];
    const charts: number[] = [];
    let msOrgSummary = 0;
    let withPriority = 0;
    let orgAttributes = 0;
    for (let pass = 0; pass < passes; pass++) {
      for (const reader of readers) {
        const start = performance.now();
        const summary = await buildSummary(deps, context, { audience: reader.audience, scope: reader.scope, variant: 48 });
        summaryText(summary, resolveLocale(reader.person.locale, 'en'));
        const ms = performance.now() - start;
        (pass === 0 ? first : repeat).push(ms);
        if (pass === 0 && summary.segments.some((s) => s.visible && s.priority != null)) withPriority++;
        if (pass === 0 && reader.audience === 'org') msOrgSummary = Math.max(msOrgSummary, ms);
        if (pass === 0 && reader.audience === 'org') orgAttributes = Math.max(orgAttributes, summary.attributes?.length ?? 0);
        if (pass === 0 && charts.length < 30) {
          const chartStart = performance.now();
          await summaryChart(summary, 'en');
          charts.push(performance.now() - chartStart);
        }
      }
    }
    for (const list of [first, repeat, charts]) list.sort((a, b) => a - b);
    return {
      bench: 'summary',
      people,
      rounds,
      leaders: readers.length,
      msPerSummaryP50: round2(percentile(first, 50)),
      msPerSummaryP99: round2(percentile(first, 99)),
      msPerSummaryMax: round2(first.at(-1) ?? 0),
      msOrgSummary: round2(msOrgSummary),
      msPerSummaryRepeatP99: round2(percentile(repeat, 99)),
      msContextLoadCold: Math.round(msContextLoad),
      msContextLoadFromSnapshots: Math.round(msContextLoadFromSnapshots),
      msChartP50: round2(percentile(charts, 50)),
      msChartP99: round2(percentile(charts, 99)),
      // Driver impact is part of every summary (issue #20): how many named a top priority.
      summariesWithPriority: withPriority,
      impactRounds: context.impact.rounds.length,
      // Attribute cuts (issue #20): in the latest round, the values of every attribute and those whose eNPS may be shown.
      ...attributeStats(context),
      orgSummaryAttributes: orgAttributes,
      teams: seeded.teams,
      counters: seeded.counters,
    };
  } finally {
    await database.db.dropDatabase().catch(() => undefined);
    await database.close();
    await server?.stop();
  }
}
