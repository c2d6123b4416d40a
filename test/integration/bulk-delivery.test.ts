import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDeliveryLoop } from '../../src/delivery-loop.js';
import type { MessageRef, Recipient, SurveyPrompt } from '../../src/ports/chat-platform.js';
import { deliverDue } from '../../src/services/deliver-due.js';
import { FreshDeliveries } from '../../src/services/fresh-deliveries.js';
import { startRound } from '../../src/services/start-round.js';
import type { DeliveryDoc } from '../../src/store/documents/identity.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

const ROUND = 'pulse:2026-11-23';

describe('fan-out and delivery in bulk', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-23T12:00:00Z');
  });
  afterEach(async () => {
    await db.dispose();
  });

  const deliveries = () => db.database.collections.deliveries;
  const now = () => deps.clock.now().toJSDate();
  const pendingCopies = async (): Promise<DeliveryDoc[]> => {
    const docs: DeliveryDoc[] = [];
    for await (const doc of deps.store.deliveries.dueStream(now(), 10_000, 100)) docs.push(doc);
    return docs;
  };

  it('a restarted fan-out adds only the missing deliveries and changes none that exist', async () => {
    await seedPeople(deps, { sales: 60, ops: 7 });
    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
    // As if the first run died part-way: some deliveries never written, one already sent.
    await deliveries().deleteMany({ personKey: { $in: ['slack:T1:U002', 'slack:T1:U050', 'slack:T1:U066'] } });
    const sentId = `${ROUND}|slack:T1:U001`;
    await deps.store.deliveries.markSent(sentId, 'D1', '111.222');
    await db.database.collections.rounds.updateOne({ _id: ROUND }, { $set: { fannedOut: false } });

    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });

    expect(await deliveries().countDocuments({ roundId: ROUND })).toBe(67);
    expect(await deliveries().countDocuments({ roundId: ROUND, state: 'pending' })).toBe(66);
    expect(await deps.store.deliveries.get(sentId)).toMatchObject({ state: 'sent', messageChannel: 'D1', messageId: '111.222' });
    expect(await deps.store.deliveries.get(`${ROUND}|slack:T1:U050`)).toMatchObject({ state: 'pending', attempts: 0 });
    expect((await deps.store.rounds.get(ROUND))?.fannedOut).toBe(true);
  });

  it('a batch claim is exclusive: 12 claimers holding the same 40 copies split them, each delivery to exactly one', async () => {
    await seedPeople(deps, { sales: 40 });
    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
    const copies = await pendingCopies();
    expect(copies).toHaveLength(40);

    const won = await Promise.all(Array.from({ length: 12 }, () => deps.store.deliveries.claimMany(copies, now(), 600_000)));

    const ids = won.flat().map((d) => d._id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(await deliveries().countDocuments({ roundId: ROUND, state: 'claimed', attempts: 1 })).toBe(40);
    // The same copies again: every lock for attempt 0 is held, so nothing more is claimed.
    expect(await deps.store.deliveries.claimMany(copies, now(), 600_000)).toEqual([]);
  });

  it('a batch claim refuses stale copies: a delivery sent since, and every delivery of a round that is closing', async () => {
    await seedPeople(deps, { sales: 10 });
    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
    const copies = await pendingCopies();
    const [first] = await deps.store.deliveries.claimMany(copies.slice(0, 1), now(), 600_000);
    if (first === undefined) throw new Error('not claimed');
    await deps.store.deliveries.markSent(first._id, 'D1', '1.0');

    await deps.store.rounds.update(ROUND, { state: 'closing' });
    expect(await deps.store.deliveries.claimMany(copies, now(), 600_000)).toEqual([]);
    expect(await deps.store.deliveries.get(first._id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(await deliveries().countDocuments({ roundId: ROUND, state: 'pending', attempts: 0 })).toBe(9);
  });

  it('sends every prompt once through bulk claims, and records each as sent with its message', async () => {
    await seedPeople(deps, { sales: 130 });
    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
    const platform = new RecordingPlatform(deps.clock);

    const report = await deliverDue(deps, new Map([['slack', platform]]), { batch: 1000 });

    expect(report).toMatchObject({ examined: 130, sent: 130, skipped: 0, failed: 0 });
    expect(new Set(platform.prompts.map((p) => p.to.userId)).size).toBe(130);
    expect(platform.prompts).toHaveLength(130);
    const sent = await deliveries().find({ roundId: ROUND, state: 'sent' }).toArray();
    expect(sent).toHaveLength(130);
    for (const d of sent) expect(platform.prompts.some((p) => p.ref.channel === d.messageChannel && p.ref.messageId === d.messageId)).toBe(true);
  });

  it('on shutdown, deliveries claimed ahead but not sent go back to pending, so nothing waits for reconciliation', async () => {
    await seedPeople(deps, { sales: 120 });
    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
    const stopping = new AbortController();
    const platform = new (class extends RecordingPlatform {
      override sendPrompt(to: Recipient, prompt: SurveyPrompt): Promise<MessageRef> {
        if (this.prompts.length === 10) stopping.abort();
        return super.sendPrompt(to, prompt);
      }
    })(deps.clock);

    await deliverDue(deps, new Map([['slack', platform]]), { batch: 1000, concurrency: 1, signal: stopping.signal });

    const sentCount = platform.prompts.length;
    expect(sentCount).toBeGreaterThanOrEqual(10);
    expect(sentCount).toBeLessThan(120);
    expect(await deliveries().countDocuments({ roundId: ROUND, state: 'claimed' })).toBe(0);
    expect(await deliveries().countDocuments({ roundId: ROUND, state: 'sent' })).toBe(sentCount);
    expect(await deliveries().countDocuments({ roundId: ROUND, state: 'pending' })).toBe(120 - sentCount);

    // The next pass sends the rest, each once.
    const report = await deliverDue(deps, new Map([['slack', platform]]), { batch: 1000 });
    expect(report.sent).toBe(120 - sentCount);
    expect(new Set(platform.prompts.map((p) => p.to.userId)).size).toBe(120);
    expect(platform.prompts).toHaveLength(120);
  });

  for (const feed of [false, true]) {
    it(`prompts start going out while the fan-out is still writing the round, and everyone gets one (${feed ? 'handed to the sender as written' : 'found by querying'})`, async () => {
      // After its first page, the fan-out writes no more until a prompt has gone out (or 10 s have
      // passed): whether sending starts during the fan-out then depends on the code, not on
      // which of two database-bound jobs a busy machine happens to finish first.
      let firstSent: () => void = () => undefined;
      const sent = new Promise<void>((resolve) => (firstSent = resolve));
      const pages = Object.create(deps.store.deliveries) as typeof deps.store.deliveries;
      let written = 0;
      pages.addPending = async (docs) => {
        if (written++ > 0) await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        return deps.store.deliveries.addPending(docs);
      };
      const gated = { ...deps, store: { ...deps.store, deliveries: pages } };
      const sending = feed ? { ...gated, fresh: new FreshDeliveries() } : gated;
      await seedPeople(sending, { sales: 700 });
      let fanOutDone = false;
      let firstSentDuringFanOut: boolean | null = null;
      const platform = new (class extends RecordingPlatform {
        override sendPrompt(to: Recipient, prompt: SurveyPrompt): Promise<MessageRef> {
          firstSentDuringFanOut ??= !fanOutDone;
          firstSent();
          return super.sendPrompt(to, prompt);
        }
      })(deps.clock);
      const loop = startDeliveryLoop(sending, new Map([['slack', platform]]), null);
      try {
        await startRound(sending, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true, onDeliveriesWritten: () => loop.kick() });
        fanOutDone = true;
        loop.kick();
        await loop.idle();
      } finally {
        await loop.stop();
      }
      expect(written).toBeGreaterThanOrEqual(7); // pages of 100, the later ones held for the first prompt
      expect(firstSentDuringFanOut).toBe(true);
      expect(platform.prompts).toHaveLength(700);
      expect(new Set(platform.prompts.map((p) => p.to.userId)).size).toBe(700);
      expect(await deliveries().countDocuments({ roundId: ROUND, state: 'sent' })).toBe(700);
    });
  }

  it('a restarted fan-out hands the sender only the deliveries it wrote: none already sent or settled goes out again', async () => {
    const sending = { ...deps, fresh: new FreshDeliveries() };
    await seedPeople(deps, { sales: 60 });
    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
    // As if the first run died part-way: three never written, one sent, one given up on.
    await deliveries().deleteMany({ personKey: { $in: ['slack:T1:U010', 'slack:T1:U020', 'slack:T1:U030'] } });
    await deps.store.deliveries.markSent(`${ROUND}|slack:T1:U001`, 'D1', '111.222');
    await deps.store.deliveries.markFailed(`${ROUND}|slack:T1:U002`, 'person_not_found');
    await db.database.collections.rounds.updateOne({ _id: ROUND }, { $set: { fannedOut: false } });
    // Only the three rewritten are pending and offered: the rest, held back here, stay pending.
    await deliveries().updateMany({ roundId: ROUND, state: 'pending' }, { $set: { sendAt: new Date('2026-11-30T00:00:00Z') } });

    const platform = new RecordingPlatform(deps.clock);
    const loop = startDeliveryLoop(sending, new Map([['slack', platform]]), null);
    try {
      await startRound(sending, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC', sendNow: true, onDeliveriesWritten: () => loop.kick() });
      loop.kick();
      await loop.idle();
    } finally {
      await loop.stop();
    }
    expect(platform.prompts.map((p) => p.to.userId).sort()).toEqual(['U010', 'U020', 'U030']);
    expect(await deps.store.deliveries.get(`${ROUND}|slack:T1:U001`)).toMatchObject({ state: 'sent', messageId: '111.222' });
    expect(await deps.store.deliveries.get(`${ROUND}|slack:T1:U002`)).toMatchObject({ state: 'failed' });
  });
});
