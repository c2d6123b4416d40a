import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
      await platform.sendPrompt({ platform: 'slack', tenant: 'T1', userId, locale: 'en' }, { roundId: round?._id ?? '', surveyKind: 'pulse', questions: [], responseToken: 't', minGroupSize: 5, orgName: null });
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
});
