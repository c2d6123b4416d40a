import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportDrainedRounds } from '../../src/services/close-drain.js';
import { closeRound } from '../../src/services/close-round.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { startRound } from '../../src/services/start-round.js';
import { COUNTER_ANSWERED } from '../../src/store/documents/answers.js';
import { InstanceRegistry } from '../../src/store/instance-registry.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

// Two pulsebot instances on one database: B is still writing an answer (its database slow on the
// ledger entry) when A closes the round. A must wait for B, or B's answer lands after the
// recount (uncounted) and its ledger entry after the purge (a record of who took part that
// outlives the round).
describe('closing a round waits for the answers in flight on every instance', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await db.dispose();
  });

  const instance = (id: string) => {
    const deps = testDeps(db.database);
    const { instances, closeDrains } = db.database.collections;
    return { ...deps, instances: new InstanceRegistry(instances, closeDrains, id) };
  };

  it('A closes while B writes: A counts B’s answer and purges B’s ledger entry', async () => {
    const a = instance('instance-a');
    const b = instance('instance-b');
    await Promise.all([a.instances.beat(a.clock.now().toJSDate()), b.instances.beat(b.clock.now().toJSDate())]);
    const [person = ''] = await seedPeople(a, { sales: 5 });
    const round = await startRound(a, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    const questionId = round.questionIds.find((q) => q !== 'enps' && q !== 'comment') ?? '';

    // B's database stalls on the ledger entry, after the answer itself is stored.
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    let reached: () => void = () => undefined;
    const atLedger = new Promise<void>((resolve) => (reached = resolve));
    const ledger = Object.create(b.store.ledger) as typeof b.store.ledger;
    ledger.markQuestion = async (...args) => {
      reached();
      await stalled;
      return b.store.ledger.markQuestion(...args);
    };
    const answering = recordAnswer(
      { ...b, store: { ...b.store, ledger } },
      { roundId: round._id, person, responseToken: newResponseToken(), questionId, raw: 4 },
    );
    await atLedger;

    const closing = closeRound(a, round._id, { graceMs: 0 });
    // B's heartbeat runs meanwhile: it reports the round only once its own answer is written.
    let beating = Promise.resolve();
    const heartbeat = setInterval(() => {
      beating = beating.then(() => reportDrainedRounds(b));
    }, 100);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const meanwhile = await a.store.rounds.get(round._id);
    expect([meanwhile?.state, meanwhile?.countsFinal]).toEqual(['closing', false]);

    release();
    await Promise.all([answering, closing]);
    clearInterval(heartbeat);
    await beating;
    expect((await a.store.rounds.get(round._id))?.state).toBe('closed');
    const answered = (await a.store.counters.forRound(round._id)).find(
      (c) => c.segment === 'sales' && c.questionId === questionId && c.value === COUNTER_ANSWERED,
    );
    expect(answered?.n).toBe(1);
    expect(await db.database.collections.participation.countDocuments({})).toBe(0);
    expect(await db.database.collections.closeDrains.countDocuments({})).toBe(0);
  });

  it('an instance that stopped beating is not waited for', async () => {
    const a = instance('instance-a');
    const gone = instance('instance-gone');
    await gone.instances.beat(a.clock.now().minus({ minutes: 5 }).toJSDate());
    await a.instances.beat(a.clock.now().toJSDate());
    await seedPeople(a, { sales: 5 });
    const round = await startRound(a, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    await closeRound(a, round._id, { graceMs: 0 });
    expect((await a.store.rounds.get(round._id))?.state).toBe('closed');
  });
});
