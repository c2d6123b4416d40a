import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { ChatPlatform, PlatformName } from '../../src/ports/chat-platform.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { loadSummaryContext } from '../../src/services/summary-context.js';
import { sendDueSummaries } from '../../src/services/summary-delivery.js';
import { connectDatabase, type Database } from '../../src/store/database.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps, weeklyPulse } from '../support/fixtures.js';
import { checkPng } from '../support/png.js';
import { seedClosedRound, spread } from '../support/summary-seed.js';
import { exitSummaryLines } from '../../src/services/summary-exit.js';

const SCHEDULE = { weekday: 1, time: '08:00' } as const;
const team = (n: number) => ({ respondents: n, enps: spread(n, [10, 9, 6]), likert: { 'workload-1': spread(n, [2, 4]) }, comments: [`from a team of ${n}`] });

/** One pulsebot process: its own connection, store and chat platform, sharing the database. */
interface Instance {
  readonly deps: ServiceDeps & { clock: { set(to: DateTime): void } };
  readonly platform: RecordingPlatform;
  readonly database: Database;
}

async function startInstance(dbName: string, now: DateTime): Promise<Instance> {
  const database = await connectDatabase(inject('mongoUri'), dbName);
  const deps = testDeps(database, now.toISO() ?? '');
  return { deps, platform: new RecordingPlatform(deps.clock), database };
}

const tick = (instance: Instance, now: DateTime) => {
  instance.deps.clock.set(now);
  const platforms = new Map<PlatformName, ChatPlatform>([['slack', instance.platform]]);
  return sendDueSummaries(instance.deps, platforms, { schedule: SCHEDULE });
};

describe('weekly summaries: Monday 08:00 local, once per reader per ISO week', () => {
  let db: TestDatabase;
  let deps: ServiceDeps;
  const instances: Instance[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database);
    const person = (
      userId: string,
      timezone: string,
      locale: 'en' | 'nb' | 'sv',
      extra: { roles?: ('leader' | 'hr')[]; leads?: string[]; active?: boolean; segment?: string } = {},
    ) => deps.store.people.upsert({ platform: 'slack', tenant: 'T1', userId, email: null, timezone, locale, segment: extra.segment ?? null, ...extra });
    await deps.store.rounds.saveSurvey(weeklyPulse());
    await person('UOSLO', 'Europe/Oslo', 'nb', { roles: ['leader'], leads: ['sales'] });
    await person('UNYC', 'America/New_York', 'en', { roles: ['leader'], leads: ['s2'] });
    await person('UKOL', 'Asia/Kolkata', 'sv', { roles: ['leader'], leads: ['tiny'] });
    await person('UHR', 'Europe/Oslo', 'en'); // HR by PULSE_HR (testDeps), no stored role
    await person('UEMP', 'Europe/Oslo', 'en', { segment: 's1' });
    await person('UGONE', 'Europe/Oslo', 'en', { roles: ['leader'], leads: ['sales'], active: false });
  });
  afterAll(async () => {
    for (const i of instances) await i.database.close();
    await db.dispose();
  });

  it('nothing goes out before a round has closed', async () => {
    const instance = await startInstance(db.database.db.databaseName, DateTime.fromISO('2026-11-16T12:00:00Z'));
    instances.push(instance);
    expect(await tick(instance, DateTime.fromISO('2026-11-16T12:00:00Z', { zone: 'utc' }))).toEqual({ sent: 0, failed: 0 });
    expect(instance.platform.summaries).toHaveLength(0);
    expect(await db.database.db.collection('summary_deliveries').countDocuments({})).toBe(0);
  });

  it('two overlapping instances and a restart: each reader gets exactly one summary a week, at 08:00 their time', async () => {
    await seedClosedRound(deps, {
      surveyId: 'pulse',
      date: '2026-11-16',
      segmentParents: { sales: null, s1: 'sales', s2: 'sales', s3: 'sales', tiny: null, ops: null },
      // org − sales − ops would be tiny's 4: ops is hidden too; in sales, s3 is hidden with s1.
      bySegment: { s1: team(3), s2: team(7), s3: team(6), tiny: team(4), ops: team(6) },
    });
    // A closed exit pool of 2026-Q3: HR's summary carries it, leaders' never do.
    await seedClosedRound(deps, { surveyId: 'exit', date: '2026-08-04', segmentParents: {}, bySegment: { org: { respondents: 6, enps: spread(6, [9, 3]) } } });
    const name = db.database.db.databaseName;
    const start = DateTime.fromISO('2026-11-22T18:00:00Z', { zone: 'utc' });
    let a = await startInstance(name, start);
    const b = await startInstance(name, start);
    instances.push(a, b);
    const platforms = [a.platform, b.platform];
    const windows = [start, DateTime.fromISO('2026-11-29T18:00:00Z', { zone: 'utc' })];
    for (const from of windows) {
      for (let now = from; now < from.plus({ hours: 30 }); now = now.plus({ minutes: 30 })) {
        if (now.equals(DateTime.fromISO('2026-11-23T10:00:00Z', { zone: 'utc' }))) {
          // Instance A restarts mid-morning: a new process, a new connection, nothing in memory.
          a = await startInstance(name, now);
          instances.push(a);
          platforms.push(a.platform);
        }
        await Promise.all([tick(a, now), tick(b, now)]);
      }
    }
    const sent = platforms.flatMap((p) => p.summaries);
    const times = (userId: string) =>
      sent
        .filter((s) => s.to.userId === userId)
        .map((s) => s.at.toISOString())
        .sort();
    expect(times('UOSLO')).toEqual(['2026-11-23T07:00:00.000Z', '2026-11-30T07:00:00.000Z']);
    expect(times('UHR')).toEqual(['2026-11-23T07:00:00.000Z', '2026-11-30T07:00:00.000Z']);
    expect(times('UKOL')).toEqual(['2026-11-23T02:30:00.000Z', '2026-11-30T02:30:00.000Z']);
    expect(times('UNYC')).toEqual(['2026-11-23T13:00:00.000Z', '2026-11-30T13:00:00.000Z']);
    expect(times('UEMP')).toEqual([]);
    expect(times('UGONE')).toEqual([]);
    const records = await db.database.db.collection('summary_deliveries').find({}).toArray();
    expect(records.map((r) => `${String(r.week)} ${String(r.state)}`).sort()).toEqual(
      ['2026-W48', '2026-W49'].flatMap((w) => Array.from({ length: 4 }, () => `${w} sent`)),
    );
  });

  it('each reader gets their scope, in their language; HR the whole organisation with exit results', async () => {
    const sent = instances.flatMap((i) => i.platform.summaries).filter((s) => s.at.toISOString().startsWith('2026-11-23'));
    const of = (userId: string) => sent.find((s) => s.to.userId === userId)?.message;
    const oslo = of('UOSLO');
    expect(oslo?.summary.audience).toBe('leader');
    expect(oslo?.summary.segments.map((s) => [s.segment, s.visible])).toEqual([
      ['sales', true],
      ['s1', false],
      ['s2', true],
      ['s3', false],
    ]);
    expect(oslo?.text.title).toBe('Ukesoppsummering: Weekly pulse, runden 2026-11-16');
    expect(checkPng(oslo?.chart?.png ?? new Uint8Array())).toEqual({ width: 800, height: 400 });
    expect(oslo?.chart?.title).toContain('eNPS og deltakelse');
    const kolkata = of('UKOL');
    expect(kolkata?.text.sections).toEqual([{ heading: null, lines: [expect.stringMatching(/^TINY: visas inte/)] }]);
    expect(kolkata?.chart).toBeNull();
    const hr = of('UHR');
    expect(hr?.summary.audience).toBe('org');
    expect(hr?.text.title).toBe('Weekly summary for the whole organisation: Weekly pulse, round of 2026-11-16');
    const exit = await exitSummaryLines(instances[0]!.deps);
    expect(exit?.en[0]).toBe('2026-Q3: 6 leavers answered');
    expect(hr?.text.sections.at(-1)).toEqual({ heading: 'Exit surveys', lines: exit?.en });
    expect(JSON.stringify(oslo?.text)).not.toContain('2026-Q3');
    expect(of('UNYC')?.text.sections[0]?.heading).toBe('S2');
  });

  it('two processes making the same round snapshots at once both read the same counters', async () => {
    const name = db.database.db.databaseName;
    const [a, b] = [await startInstance(name, DateTime.utc()), await startInstance(name, DateTime.utc())];
    instances.push(a, b);
    for (let i = 0; i < 5; i++) {
      const surveyId = `race-${i}`;
      await seedClosedRound(deps, { surveyId, date: '2026-11-16', segmentParents: { sales: null }, bySegment: { sales: team(6) } });
      const [one, two] = await Promise.all([loadSummaryContext(a.deps, surveyId), loadSummaryContext(b.deps, surveyId)]);
      expect(one?.rounds[0]?.count('sales', '_round', '_respondents')).toBe(6);
      expect(two?.rounds[0]?.count('sales', 'enps', '_answered')).toBe(6);
    }
    expect(await db.database.db.collection('summary_snapshots').countDocuments({ _id: { $regex: '^race-' } as never })).toBe(5);
  });

  it('a send that fails is tried again on a later tick; one lost in a crash after sending is not resent', async () => {
    const instance = await startInstance(db.database.db.databaseName, DateTime.fromISO('2026-12-07T07:00:00Z'));
    instances.push(instance);
    let failures = 1;
    const original = instance.platform.sendSummary.bind(instance.platform);
    instance.platform.sendSummary = (to, message) =>
      to.userId === 'UNYC' && failures-- > 0 ? Promise.reject(new Error('chat is down')) : original(to, message);
    // UHR's summary went out, then the process died before recording it.
    await db.database.db
      .collection('summary_deliveries')
      .insertOne({ _id: '2026-W50|slack:T1:UHR' as never, week: '2026-W50', personKey: 'slack:T1:UHR', state: 'claimed', attempts: 1, claimedAt: new Date() });
    expect(await tick(instance, DateTime.fromISO('2026-12-07T13:00:00Z', { zone: 'utc' }))).toEqual({ sent: 2, failed: 1 });
    expect(await tick(instance, DateTime.fromISO('2026-12-07T13:01:00Z', { zone: 'utc' }))).toEqual({ sent: 1, failed: 0 });
    expect(await tick(instance, DateTime.fromISO('2026-12-07T14:00:00Z', { zone: 'utc' }))).toEqual({ sent: 0, failed: 0 });
    expect(instance.platform.summaries.map((s) => s.to.userId).sort()).toEqual(['UKOL', 'UNYC', 'UOSLO']);
    const nyc = await db.database.db.collection('summary_deliveries').findOne({ _id: '2026-W50|slack:T1:UNYC' as never });
    expect(nyc).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('a failed send is retried by one instance only, however many tick at once', async () => {
    const name = db.database.db.databaseName;
    const at = DateTime.fromISO('2026-12-14T13:00:00Z', { zone: 'utc' });
    const [a, b, c] = [await startInstance(name, at), await startInstance(name, at), await startInstance(name, at)];
    instances.push(a, b, c);
    const original = a.platform.sendSummary.bind(a.platform);
    let failures = 1;
    a.platform.sendSummary = (to, message) => (to.userId === 'UNYC' && failures-- > 0 ? Promise.reject(new Error('chat is down')) : original(to, message));
    await tick(a, at); // everyone due gets this week's summary; UNYC's send fails
    const later = at.plus({ minutes: 1 });
    await Promise.all([tick(a, later), tick(b, later), tick(c, later)]);
    const retries = [a, b, c].flatMap((i) => i.platform.summaries).filter((s) => s.to.userId === 'UNYC');
    expect(retries).toHaveLength(1);
    expect(await db.database.db.collection('summary_deliveries').findOne({ _id: '2026-W51|slack:T1:UNYC' as never })).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });
});
