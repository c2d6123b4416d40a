import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { MongoClient, ObjectId } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';
import { crash } from '../../bench/crash.js';
import { dbfault } from '../../bench/dbfault.js';
import { fanout } from '../../bench/fanout.js';
import { hostile } from '../../bench/hostile.js';
import { ingest } from '../../bench/ingest.js';
import { clickfloor } from '../../bench/clickfloor.js';
import { instances } from '../../bench/instances.js';
import { parseFlags } from '../../bench/support/args.js';
import { scanDocuments } from '../../bench/support/answer-side-scan.js';
import { ROOT } from '../../bench/support/bot-process.js';
import { changes, snapshot } from '../../bench/support/db-snapshot.js';

// Each bench at a small size, so `npm run bench` cannot rot. Correctness only: the timings are
// whatever this machine gives; docs/benchmarks.md records the full-size runs.
const flags = (...args: string[]) => parseFlags(args);
const mongoUri = () => inject('mongoUri');
const run = promisify(execFile);

describe('npm run bench, small sizes', () => {
  it('fanout: everyone gets exactly one prompt; the line has the documented fields', async () => {
    const result = await fanout(flags('--recipients', '30', '--rate', '0'), { mongoUri: mongoUri() });
    expect(Object.keys(result)).toEqual(['bench', 'recipients', 'rate', 'seconds', 'boundSeconds', 'delivered', 'duplicates', 'lost', 'peakRssMb']);
    expect(result).toMatchObject({ bench: 'fanout', recipients: 30, rate: 0, boundSeconds: null, delivered: 30, duplicates: 0, lost: 0 });
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeGreaterThan(0);
  }, 120_000);

  it('fanout with a rate: the bound is N/R and nothing is lost or doubled', async () => {
    const result = await fanout(flags('--recipients', '20', '--rate', '20'), { mongoUri: mongoUri() });
    expect(result).toMatchObject({ recipients: 20, rate: 20, boundSeconds: 1, delivered: 20, duplicates: 0, lost: 0 });
  }, 120_000);

  it.each(['slack', 'teams'])(
    'ingest (%s): every click sent is stored, none fails',
    async (platform) => {
      const result = await ingest(flags('--rps', '20', '--seconds', '2', '--platform', platform), { mongoUri: mongoUri() });
      expect(Object.keys(result)).toEqual([
        'bench',
        'platform',
        'sent',
        'stored',
        'p50Ms',
        'p99Ms',
        'errors',
        'past2500Ms',
        'past3000Ms',
        'shed',
        'confirmedButLost',
        'botCpuMsPerClick',
      ]);
      expect(result).toMatchObject({ bench: 'ingest', platform, sent: 40, stored: 40, errors: 0, shed: 0, confirmedButLost: 0, past3000Ms: 0 });
      expect(result.botCpuMsPerClick).toBeGreaterThan(0);
      expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    },
    180_000,
  );

  it('clickfloor: the bare Bolt app answers every click, with and without redrawing it', async () => {
    const result = await clickfloor(flags('--rps', '20', '--seconds', '2'), { mongoUri: mongoUri() });
    expect(result).toMatchObject({ bench: 'clickfloor', rps: 20, clicks: 40, ack: { errors: 0 }, redraw: { errors: 0 } });
    // The clicks carry their whole prompt, as Slack's do.
    expect(result.bodyBytes).toBeGreaterThan(5_000);
    expect(result.ack.cpuMsPerClick).toBeGreaterThan(0);
  }, 180_000);

  it('instances: three instances on one database, the sending one SIGKILLed mid fan-out: nobody doubled or lost, never over the rate', async () => {
    const result = await instances(flags('--recipients', '150', '--instances', '3', '--rate', '25'), { mongoUri: mongoUri() });
    expect(result).toMatchObject({ bench: 'instances', instances: 3, recipients: 150, duplicates: 0, lost: 0, rateLimited: 0 });
    expect(result.killedAfter).toBeGreaterThan(0);
    expect(result.killedAfter).toBeLessThan(150);
    expect(result.peakPerSecond).toBeLessThanOrEqual(25);
  }, 240_000);

  it('crash: a SIGKILL mid fan-out and a restart leave everyone with exactly one prompt', async () => {
    const result = await crash(flags('--recipients', '40', '--kills', '2', '--rate', '20'), { mongoUri: mongoUri(), random: () => 0.5 });
    expect(Object.keys(result)).toEqual(['bench', 'runs', 'duplicates', 'lost']);
    expect(result).toEqual({ bench: 'crash', runs: 2, duplicates: 0, lost: 0 });
  }, 240_000);

  it('dbfault: every answer confirmed to Slack is stored, and the process lives through the outage', async () => {
    const result = await dbfault(flags('--rps', '10', '--seconds', '8', '--outage-at', '3', '--outage-seconds', '3'));
    expect(Object.keys(result)).toEqual(['bench', 'confirmed', 'stored', 'lostConfirmed', 'processAlive']);
    expect(result).toMatchObject({ bench: 'dbfault', lostConfirmed: 0, processAlive: true });
    expect(result.confirmed).toBeGreaterThan(0);
    expect(result.stored).toBeGreaterThanOrEqual(result.confirmed);
  }, 180_000);

  it('hostile: nothing is written, nothing crashes, no 5xx', async () => {
    const result = await hostile(flags('--requests', '160'), { mongoUri: mongoUri() });
    expect(Object.keys(result)).toEqual(['bench', 'requests', 'rejected', 'accepted', 'writes', 'crashes', 'serverErrors']);
    expect(result).toMatchObject({ bench: 'hostile', requests: 160, writes: 0, crashes: 0, serverErrors: 0 });
    expect(result.rejected + result.accepted).toBe(160);
    expect(result.rejected).toBeGreaterThan(100);
  }, 180_000);

  it('anonymity, through the npm script: one final JSON line, all zeros, day-level dates', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'bench', '--', 'anonymity', '--people', '8'], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_URI: mongoUri() },
      maxBuffer: 16 * 1024 * 1024,
    });
    const lines = stdout.trim().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '')).toEqual({
      bench: 'anonymity',
      identifiersOnAnswerSide: 0,
      objectIdsOnAnswerSide: 0,
      finestTimestampSeconds: 86400,
      ledgerAfterClose: 0,
      answerLogLinesWithUserIds: 0,
      identifiersInActions: 0,
      // Driver impact (issue #20): the first round asked eNPS, so its links became sums, and none is left.
      linksAfterClose: 0,
      impactRoundsStored: expect.any(Number) as unknown,
      // Attribute cuts (issue #20): every closed round was counted per attribute, and no answer keeps its values.
      cutsAfterClose: 0,
      attributeRoundsCounted: expect.any(Number) as unknown,
      closedRoundsNotCounted: 0,
    });
    const figures = JSON.parse(lines.at(-1) ?? '') as { attributeRoundsCounted: number; impactRoundsStored: number };
    expect(figures.attributeRoundsCounted).toBeGreaterThanOrEqual(2);
    // The first round asks eNPS; the second (a day later on the wall clock) asks it too in some
    // weeks, depending on the day the bench runs (seen: 2 on a Sunday after 10:00 UTC, 1 before).
    expect(figures.impactRoundsStored).toBeGreaterThanOrEqual(1);
    expect(figures.impactRoundsStored).toBeLessThanOrEqual(2);
  }, 180_000);
});

describe('the bench instruments can see what they look for', () => {
  it('the answer-side scan finds a planted user id, e-mail, ObjectId and a to-the-second time', () => {
    const docs = [
      { collection: 'responses', doc: { _id: 'a', segment: 'sales', note: 'from U000123' } },
      { collection: 'comments', doc: { _id: new ObjectId(), text: 'ok', at: new Date(Date.UTC(2026, 10, 23, 9, 30, 15)) } },
      { collection: 'counters', doc: { _id: 'c', roundDate: '2026-11-23', by: ['person7@example.com'] } },
    ];
    const found = scanDocuments(docs, ['U000123', 'person7@example.com']);
    expect(found).toMatchObject({ identifiers: 2, objectIds: 1, finestTimestampSeconds: 1 });
    expect(
      scanDocuments([{ collection: 'responses', doc: { _id: 'a', roundDate: '2026-11-23', at: new Date(Date.UTC(2026, 10, 23)) } }], ['U000123']),
    ).toMatchObject({
      identifiers: 0,
      objectIds: 0,
      finestTimestampSeconds: 86400,
    });
  });

  it('the hostile bench’s before/after snapshot counts an added, a changed and a removed document', async () => {
    const client = new MongoClient(mongoUri());
    const db = client.db(`bench_smoke_${randomBytes(4).toString('hex')}`);
    try {
      await db.collection<{ _id: string; n: number }>('people').insertMany([
        { _id: 'a', n: 1 },
        { _id: 'b', n: 1 },
      ]);
      const before = await snapshot(db);
      await db.collection<{ _id: string; n: number }>('people').updateOne({ _id: 'a' }, { $set: { n: 2 } });
      await db.collection<{ _id: string; n: number }>('people').deleteOne({ _id: 'b' });
      await db.collection<{ _id: string }>('responses').insertOne({ _id: 'r' });
      expect(changes(before, await snapshot(db)).sort()).toEqual(['added responses/"r"', 'changed people/"a"', 'removed people/"b"']);
    } finally {
      await db.dropDatabase();
      await client.close();
    }
  });
});
