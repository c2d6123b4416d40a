import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmPromptPosted } from '../../src/services/confirm-posted.js';
import { reconcileStaleClaims } from '../../src/services/reconcile-claims.js';
import { InstanceRegistry } from '../../src/store/instance-registry.js';
import { runScheduleTick } from '../../src/services/schedule-tick.js';
import { startRound } from '../../src/services/start-round.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

describe('a delivery left claimed by a process that died mid-send', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let platform: RecordingPlatform;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-23T12:00:00Z');
    platform = new RecordingPlatform(deps.clock);
    await seedPeople(deps, { sales: 3 });
    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
  });
  afterEach(async () => {
    await db.dispose();
  });

  /** As if a process claimed `userId`'s delivery, maybe sent it, and died before recording. */
  async function crashMidSend(userId: string, reachedPlatform: boolean): Promise<void> {
    const id = `pulse:2026-11-23|slack:T1:${userId}`;
    await db.database.collections.deliveries.updateOne({ _id: id }, { $set: { state: 'claimed', claimedAt: deps.clock.now().toJSDate() } });
    if (reachedPlatform) {
      const round = await deps.store.rounds.get('pulse:2026-11-23');
      await platform.sendPrompt(
        { platform: 'slack', tenant: 'T1', userId, locale: 'en' },
        { roundId: round?._id ?? '', deliveryId: id, surveyKind: 'pulse', questions: [], responseToken: 't', binding: 'b', minGroupSize: 5, orgName: null },
      );
    }
  }

  it('is recorded as sent when the platform can find the prompt, and never sent twice', async () => {
    await crashMidSend('U001', true);
    await runScheduleTick(deps, new Map([['slack', platform]]));
    deps.clock.advance({ minutes: 11 });
    await runScheduleTick(deps, new Map([['slack', platform]]));
    expect(platform.prompts.filter((p) => p.to.userId === 'U001')).toHaveLength(1);
    expect((await deps.store.deliveries.get('pulse:2026-11-23|slack:T1:U001'))?.state).toBe('sent');
    expect(platform.prompts).toHaveLength(3);
  });

  it('is given up (not resent) when the platform cannot tell, so nobody gets two', async () => {
    await crashMidSend('U002', false);
    deps.clock.advance({ minutes: 11 });
    await runScheduleTick(deps, new Map([['slack', platform]]));
    expect(platform.prompts.filter((p) => p.to.userId === 'U002')).toHaveLength(0);
    expect(await deps.store.deliveries.get('pulse:2026-11-23|slack:T1:U002')).toMatchObject({ state: 'failed', lastError: 'unknown_after_crash' });
  });

  it('is left alone while the instance that claimed it still beats (a slow send, not a dead one), and judged once it stops', async () => {
    const instances = new InstanceRegistry(db.database.collections.instances, db.database.collections.closeDrains, 'slow-sender');
    const withInstances = { ...deps, instances };
    await instances.beat(deps.clock.now().toJSDate());
    const id = 'pulse:2026-11-23|slack:T1:U003';
    await db.database.collections.deliveries.updateOne(
      { _id: id },
      { $set: { state: 'claimed', claimedAt: deps.clock.now().toJSDate(), claimedBy: 'slow-sender' } },
    );
    deps.clock.advance({ minutes: 11 });
    await instances.beat(deps.clock.now().toJSDate());
    expect(await reconcileStaleClaims(withInstances, new Map([['slack', platform]]))).toMatchObject({ waiting: 1, resend: 0, given_up: 0 });
    expect((await deps.store.deliveries.get(id))?.state).toBe('claimed');
    // Its heartbeat stops: the claim is judged like any a dead process left.
    deps.clock.advance({ minutes: 1 });
    expect(await reconcileStaleClaims(withInstances, new Map([['slack', platform]]))).toMatchObject({ waiting: 0, given_up: 1 });
  });
});

describe('claiming a delivery for sending', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-23T12:00:00Z');
    await seedPeople(deps, { sales: 3 });
    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
  });
  afterEach(async () => {
    await db.dispose();
  });

  const id = 'pulse:2026-11-23|slack:T1:U001';
  const now = () => deps.clock.now().toJSDate();

  it('is won by exactly one of many racing claimers, each holding the same copy', async () => {
    const copy = await deps.store.deliveries.get(id);
    if (copy === null) throw new Error('no delivery');
    const wins = await Promise.all(Array.from({ length: 12 }, () => deps.store.deliveries.claim(copy, now(), 600_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await deps.store.deliveries.get(id)).toMatchObject({ state: 'claimed', attempts: 1 });
  });

  it('is refused to a stale copy: of a delivery already sent, or one the round has closed', async () => {
    const stale = await deps.store.deliveries.get(id);
    if (stale === null) throw new Error('no delivery');
    expect(await deps.store.deliveries.claim(stale, now(), 600_000)).toBe(true);
    await deps.store.deliveries.markSent(id, 'D1', '1.0');
    expect(await deps.store.deliveries.claim(stale, now(), 600_000)).toBe(false);

    const other = 'pulse:2026-11-23|slack:T1:U002';
    const copy = await deps.store.deliveries.get(other);
    if (copy === null) throw new Error('no delivery');
    await deps.store.deliveries.closePending('pulse:2026-11-23');
    expect(await deps.store.deliveries.claim(copy, now(), 600_000)).toBe(false);
    expect((await deps.store.deliveries.get(other))?.state).toBe('closed');
  });

  it('moves past a lock whose holder died before taking the delivery, once the lock is stale', async () => {
    const copy = await deps.store.deliveries.get(id);
    if (copy === null) throw new Error('no delivery');
    // The dead holder inserted the lock for attempt 0 and never moved the delivery.
    await db.database.collections.sendLocks.insertOne({ _id: `${id}#0`, roundId: copy.roundId, at: now() });
    expect(await deps.store.deliveries.claim(copy, now(), 600_000)).toBe(false);
    expect((await deps.store.deliveries.get(id))?.attempts).toBe(0);

    deps.clock.advance({ minutes: 11 });
    expect(await deps.store.deliveries.claim(copy, now(), 600_000)).toBe(false);
    const fresh = await deps.store.deliveries.get(id);
    expect(fresh).toMatchObject({ state: 'pending', attempts: 1 });
    if (fresh === null) throw new Error('no delivery');
    expect(await deps.store.deliveries.claim(fresh, now(), 600_000)).toBe(true);
  });
});

/** Like Slack: the prompt cannot be looked up, but every post is reported within the window. */
class ReportingPlatform extends RecordingPlatform {
  readonly sendConfirmationWindowMs = 7 * 60_000;
  override findPrompt(): Promise<null> {
    return Promise.resolve(null);
  }
}

describe('a claimed Slack prompt after a crash: settled by the report of the post, or its absence', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let platform: ReportingPlatform;
  const id = 'pulse:2026-11-23|slack:T1:U001';
  const platforms = () => new Map([['slack' as const, platform]]);
  /** The process that died claimed U001's delivery now, and maybe posted it. */
  async function crashAfterClaim(): Promise<void> {
    const copy = await deps.store.deliveries.get(id);
    if (copy === null) throw new Error('no delivery');
    expect(await deps.store.deliveries.claim(copy, deps.clock.now().toJSDate(), 600_000)).toBe(true);
  }
  const restartedAt = (minutesAfterClaim: number) => {
    const since = new Date(deps.clock.now().toMillis() + minutesAfterClaim * 60_000);
    return { ...deps, listeningSince: () => since };
  };
  const promptsTo = (userId: string) => platform.prompts.filter((p) => p.to.userId === userId).length;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-23T12:00:00Z');
    platform = new ReportingPlatform(deps.clock);
    await seedPeople(deps, { sales: 3 });
    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
  });
  afterEach(async () => {
    await db.dispose();
  });

  it('is recorded from the report of the post, and never sent again', async () => {
    await crashAfterClaim();
    const restarted = restartedAt(1);
    expect(await confirmPromptPosted(restarted, id, { channel: 'DU001', messageId: '1.5' })).toBe(true);
    deps.clock.advance({ minutes: 20 });
    await runScheduleTick(restarted, platforms());
    expect(promptsTo('U001')).toBe(0);
    expect(await deps.store.deliveries.get(id)).toMatchObject({ state: 'sent', messageId: '1.5' });
  });

  it('is sent again when no report came although this process was up for the last attempt', async () => {
    await crashAfterClaim();
    const restarted = restartedAt(1);
    deps.clock.advance({ minutes: 7 });
    // Stale only after the lease (10 min): until then a live sender might still be at work.
    await runScheduleTick(restarted, platforms());
    expect(promptsTo('U001')).toBe(0);
    deps.clock.advance({ minutes: 4 });
    await runScheduleTick(restarted, platforms());
    expect(promptsTo('U001')).toBe(1);
    expect(await deps.store.deliveries.get(id)).toMatchObject({ state: 'sent', attempts: 2 });
    deps.clock.advance({ minutes: 20 });
    await runScheduleTick(restarted, platforms());
    expect(promptsTo('U001')).toBe(1);
  });

  it('waits while a report could still arrive, then decides', async () => {
    await crashAfterClaim();
    const restarted = restartedAt(6); // up 6 minutes after the claim: reports may come until 13
    deps.clock.advance({ minutes: 11 });
    await runScheduleTick(restarted, platforms());
    expect((await deps.store.deliveries.get(id))?.state).toBe('claimed');
    deps.clock.advance({ minutes: 3 });
    await runScheduleTick(restarted, platforms());
    expect(promptsTo('U001')).toBe(1);
  });

  it('is given up, not resent, when this process came up too late to hear the last report', async () => {
    await crashAfterClaim();
    const restarted = restartedAt(8);
    deps.clock.advance({ minutes: 30 });
    await runScheduleTick(restarted, platforms());
    expect(promptsTo('U001')).toBe(0);
    expect(await deps.store.deliveries.get(id)).toMatchObject({ state: 'failed', lastError: 'unknown_after_crash' });
  });
});

describe('a claimed Slack prompt found stale while the process is still starting', () => {
  it('waits until the process listens for reports, instead of giving it up', async () => {
    const db = await openTestDatabase();
    try {
      const deps = testDeps(db.database, '2026-11-23T12:00:00Z');
      const platform = new ReportingPlatform(deps.clock);
      await seedPeople(deps, { sales: 3 });
      await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
      const id = 'pulse:2026-11-23|slack:T1:U001';
      const copy = await deps.store.deliveries.get(id);
      if (copy === null) throw new Error('no delivery');
      await deps.store.deliveries.claim(copy, deps.clock.now().toJSDate(), 600_000);
      deps.clock.advance({ minutes: 11 });
      let since: Date | null = null;
      const starting = { ...deps, listeningSince: () => since };
      await reconcileStaleClaims(starting, new Map([['slack', platform]]));
      expect((await deps.store.deliveries.get(id))?.state).toBe('claimed');
      since = deps.clock.now().toJSDate(); // up 11 minutes after the claim: too late to be sure
      await reconcileStaleClaims(starting, new Map([['slack', platform]]));
      expect(await deps.store.deliveries.get(id)).toMatchObject({ state: 'failed', lastError: 'unknown_after_crash' });
    } finally {
      await db.dispose();
    }
  });
});

describe('a tick with a delivery locked by a dead process at the head of the queue', () => {
  it('still sends everyone else in the same tick, batch after batch', async () => {
    const db = await openTestDatabase();
    try {
      const deps = testDeps(db.database, '2026-11-23T12:00:00Z');
      const platform = new RecordingPlatform(deps.clock);
      await seedPeople(deps, { sales: 7 });
      await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
      const id = 'pulse:2026-11-23|slack:T1:U001';
      // The oldest due delivery, locked for its first attempt by a process that then died.
      await db.database.collections.deliveries.updateOne({ _id: id }, { $set: { sendAt: new Date('2026-11-23T11:00:00Z') } });
      await db.database.collections.sendLocks.insertOne({ _id: `${id}#0`, roundId: 'pulse:2026-11-23', at: deps.clock.now().toJSDate() });
      await runScheduleTick(deps, new Map([['slack', platform]]), 2);
      expect(platform.prompts).toHaveLength(6);
      expect(platform.prompts.some((p) => p.to.userId === 'U001')).toBe(false);
      deps.clock.advance({ minutes: 11 }); // the lock is stale: skipped past, then sent
      await runScheduleTick(deps, new Map([['slack', platform]]), 2);
      await runScheduleTick(deps, new Map([['slack', platform]]), 2);
      expect(platform.prompts.filter((p) => p.to.userId === 'U001')).toHaveLength(1);
    } finally {
      await db.dispose();
    }
  });
});
