import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COUNTER_ANSWERED, COUNTER_INVITED, COUNTER_RESPONDENTS, ROUND_QUESTION } from '../../src/store/documents/answers.js';
import { ORG_ROOT } from '../../src/domain/anonymity/segment-tree.js';
import { DateTime } from 'luxon';
import { closeDueRounds } from '../../src/services/close-due-rounds.js';
import { closeRound } from '../../src/services/close-round.js';
import { deliveryId } from '../../src/store/deliveries-repo.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { roundResults } from '../../src/services/results.js';
import { startRound } from '../../src/services/start-round.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

/**
 * `deps` whose ledger entry writes wait until `release` is called (the answer itself is stored
 * first), through the repository: a database slow on exactly that write. `atLedger` resolves
 * when a write has reached it.
 */
function stalledAtLedger<D extends ReturnType<typeof testDeps>>(deps: D): { slow: D; atLedger: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const stalled = new Promise<void>((resolve) => (release = resolve));
  let reached: () => void = () => undefined;
  const atLedger = new Promise<void>((resolve) => (reached = resolve));
  const ledger = Object.create(deps.store.ledger) as typeof deps.store.ledger;
  ledger.markQuestion = async (...args) => {
    reached();
    await stalled;
    return deps.store.ledger.markQuestion(...args);
  };
  return { slow: { ...deps, store: { ...deps.store, ledger } }, atLedger, release };
}

describe('starting, answering and closing rounds', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database);
  });
  afterEach(async () => {
    await db.dispose();
  });

  const counter = async (roundId: string, segment: string, questionId: string, value: string) =>
    (await deps.store.counters.forRound(roundId)).find((c) => c.segment === segment && c.questionId === questionId && c.value === value)?.n ?? 0;

  it('a double fire of the same schedule creates one round and one delivery per person', async () => {
    await seedPeople(deps, { sales: 6 });
    const [a, b] = await Promise.all([
      startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' }),
      startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' }),
    ]);
    expect(a._id).toBe(b._id);
    expect(await db.database.collections.rounds.countDocuments({})).toBe(1);
    expect(await db.database.collections.deliveries.countDocuments({})).toBe(6);
    await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    expect(await db.database.collections.deliveries.countDocuments({})).toBe(6);
    expect(await counter(a._id, 'sales', ROUND_QUESTION, COUNTER_INVITED)).toBe(6);
  });

  it('each delivery is due at 09:00 in its person’s zone; a small team is filed under the org', async () => {
    await seedPeople(deps, { sales: 6, tiny: 3 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    const deliveries = await db.database.collections.deliveries.find({}).sort({ _id: 1 }).toArray();
    const sendAt = new Set(deliveries.map((d) => d.sendAt.toISOString()));
    expect([...sendAt].sort()).toEqual(['2026-11-23T03:30:00.000Z', '2026-11-23T08:00:00.000Z', '2026-11-23T14:00:00.000Z']);
    const bySegment = await deps.store.deliveries.invitedBySegment(round._id);
    expect(Object.fromEntries(bySegment)).toEqual({ sales: 6, [ORG_ROOT]: 3 });
  });

  it('the same click twice is recorded once; another prompt cannot answer again', async () => {
    const [person = ''] = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    const token = newResponseToken();
    const click = { roundId: round._id, person, responseToken: token, questionId: round.questionIds[0] ?? '', raw: 4 };
    if (click.questionId === 'enps') click.raw = 9;
    const results = await Promise.all([recordAnswer(deps, click), recordAnswer(deps, click)]);
    expect(results).toContain('recorded');
    // Once answered, a click is answered the same way whatever its value (the reply never tells which was stored).
    expect(await recordAnswer(deps, click)).toBe('already-answered');
    expect(await recordAnswer(deps, { ...click, raw: click.raw === 4 ? 2 : 3 })).toBe('already-answered');
    expect(await recordAnswer(deps, { ...click, responseToken: newResponseToken() })).toBe('already-answered');
    expect(await db.database.collections.responses.countDocuments({})).toBe(1);
    expect(await counter(round._id, 'sales', click.questionId, COUNTER_ANSWERED)).toBe(1);
  });

  it('a burst of first answers to the same question is counted in full', async () => {
    const people = await seedPeople(deps, { sales: 20 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    await Promise.all(
      people.map((person) => recordAnswer(deps, { roundId: round._id, person, responseToken: newResponseToken(), questionId: 'comment', raw: 'same time' })),
    );
    expect(await counter(round._id, 'sales', 'comment', COUNTER_ANSWERED)).toBe(20);
    expect(await counter(round._id, 'sales', ROUND_QUESTION, 'respondents')).toBe(0);
    expect(await counter(round._id, 'sales', ROUND_QUESTION, '_respondents')).toBe(20);
  });

  it('bad input is refused and changes nothing', async () => {
    const [person = ''] = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    const base = { roundId: round._id, person, responseToken: newResponseToken() };
    await expect(recordAnswer(deps, { ...base, questionId: 'enps', raw: 11 })).rejects.toMatchObject({
      code: round.questionIds.includes('enps') ? 'INVALID_ANSWER' : 'UNKNOWN_QUESTION',
    });
    await expect(recordAnswer(deps, { ...base, questionId: 'not-a-question', raw: 1 })).rejects.toMatchObject({ code: 'UNKNOWN_QUESTION' });
    await expect(recordAnswer(deps, { ...base, roundId: 'pulse:1999-01-04', questionId: 'enps', raw: 1 })).rejects.toMatchObject({
      code: 'ROUND_NOT_FOUND',
    });
    await expect(recordAnswer(deps, { ...base, person: 'slack:T1:UNKNOWN', questionId: 'comment', raw: 'hi' })).rejects.toMatchObject({
      code: 'NOT_INVITED',
    });
    expect(await db.database.collections.responses.countDocuments({})).toBe(0);
    expect(await db.database.collections.comments.countDocuments({})).toBe(0);
    expect(await db.database.collections.participation.countDocuments({})).toBe(0);
  });

  it('results of a round use the segment tree it ran with, so re-parenting later reveals nothing', async () => {
    const { people } = db.database.collections;
    await deps.store.segments.upsert({ _id: 'dept', name: 'Dept', parentId: null });
    await deps.store.segments.upsert({ _id: 't1', name: 'T1', parentId: 'dept' });
    await deps.store.segments.upsert({ _id: 't2', name: 'T2', parentId: 'dept' });
    const keys: string[] = [];
    for (let i = 0; i < 9; i++) {
      keys.push(
        await deps.store.people.upsert({
          platform: 'slack',
          tenant: 'T1',
          userId: `U${i}`,
          email: null,
          timezone: 'Europe/Oslo',
          locale: 'en',
          segment: i < 6 ? 't1' : 't2',
        }),
      );
    }
    expect(await people.countDocuments({})).toBe(9);
    const round = await startRound(deps, weeklyPulse({ anonymity: { minGroupSize: 3, minCommentGroupSize: 3 } }), '2026-11-23', { defaultTimezone: 'UTC' });
    for (const person of keys) {
      await recordAnswer(deps, { roundId: round._id, person, responseToken: newResponseToken(), questionId: 'comment', raw: 'fine' });
    }
    await closeRound(deps, round._id, { graceMs: 0 });
    // The deployment's PULSE_MIN_GROUP_SIZE is a floor for results too, so it is 3 here as well.
    const atK3 = { ...deps, settings: { ...deps.settings, anonymity: { minGroupSize: 3, minCommentGroupSize: 3 } } };
    const visible = async () => {
      const results = await roundResults(atK3, 'pulse', 'all');
      return Object.fromEntries((results?.segments ?? []).map((r) => [r.segment, r.visible]));
    };
    // k = 3: t1 (6) and t2 (3) both pass and sum to dept (9): everything shows.
    expect(await visible()).toEqual({ org: true, dept: true, t1: true, t2: true });
    // Someone flattens the tree afterwards; the closed round is still judged on its own tree.
    await deps.store.segments.upsert({ _id: 't1', name: 'T1', parentId: null });
    await deps.store.segments.upsert({ _id: 't2', name: 'T2', parentId: null });
    expect(await visible()).toEqual({ org: true, dept: true, t1: true, t2: true });
    expect((await deps.store.rounds.get(round._id))?.segmentParents).toEqual({ dept: null, t1: 'dept', t2: 'dept' });
  });

  it('a weekend round that goes out on Monday stays open its full days from Monday, in every zone', async () => {
    await seedPeople(deps, { sales: 5 });
    const saturday = weeklyPulse({ cadence: { every: 'weekly', weekday: 6, time: '10:00', startDate: '2026-11-02' }, openDays: 2, reminderDays: [1] });
    const round = await startRound(deps, saturday, '2026-11-28', { defaultTimezone: 'UTC' });
    const latestSend = Math.max(...(await db.database.collections.deliveries.find({}).toArray()).map((d) => d.sendAt.getTime()));
    expect(new Date(latestSend).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(round.closesAt.toISOString()).toBe('2026-12-02T12:00:00.000Z');
  });

  it('after the close time, answers are refused even before the close job runs', async () => {
    const [person = ''] = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse({ openDays: 2, reminderDays: [1] }), '2026-11-23', { defaultTimezone: 'UTC' });
    deps.clock.set(deps.clock.now().plus({ days: 3 }));
    await expect(
      recordAnswer(deps, { roundId: round._id, person, responseToken: newResponseToken(), questionId: 'comment', raw: 'late' }),
    ).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
  });

  it('closing recounts exactly, even when a crash left a live counter short, and can be run again', async () => {
    const people = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    for (const person of people) {
      await recordAnswer(deps, { roundId: round._id, person, responseToken: newResponseToken(), questionId: 'comment', raw: 'ok' });
    }
    // A process died after storing this answer and before counting it.
    await deps.store.answers.addComment({
      _id: deps.store.ledger.answerId(newResponseToken(), 'comment'),
      roundId: round._id,
      roundDate: round.date,
      questionId: 'comment',
      segment: 'sales',
      text: 'stored, never counted',
    });
    expect(await counter(round._id, 'sales', 'comment', COUNTER_ANSWERED)).toBe(5);
    await closeRound(deps, round._id, { graceMs: 0 });
    await closeRound(deps, round._id, { graceMs: 0 });
    expect(await counter(round._id, 'sales', 'comment', COUNTER_ANSWERED)).toBe(6);
    expect(await db.database.collections.participation.countDocuments({})).toBe(0);
    expect((await deps.store.rounds.get(round._id))?.state).toBe('closed');
  });

  it('an answer whose writes are slow when the round closes is counted once, and its ledger entry does not outlive the round', async () => {
    const [person = ''] = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    // The database stalls on this answer's ledger entry (the answer itself is stored by then).
    const { slow, atLedger, release } = stalledAtLedger(deps);
    const questionId = round.questionIds.find((q) => q !== 'enps' && q !== 'comment') ?? '';
    const answering = recordAnswer(slow, { roundId: round._id, person, responseToken: newResponseToken(), questionId, raw: 4 });
    await atLedger;

    const closing = closeRound(slow, round._id, { graceMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await deps.store.rounds.get(round._id))?.state).toBe('closing');
    release();
    await Promise.all([answering, closing]);

    expect((await deps.store.rounds.get(round._id))?.state).toBe('closed');
    expect(await db.database.collections.participation.countDocuments({})).toBe(0);
    expect(await counter(round._id, 'sales', questionId, COUNTER_ANSWERED)).toBe(1);
    expect(await counter(round._id, 'sales', ROUND_QUESTION, COUNTER_RESPONDENTS)).toBe(1);
  });

  it('an answer another process was still writing when the round closed leaves no ledger entry once its prompts are closed', async () => {
    const [person = '', other = ''] = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    await deps.store.deliveries.markSent(deliveryId(round._id, other), 'DU2', '1.1');
    // Process B answers; its database stalls on the ledger entry. Process A closes the round and
    // cannot see B's answer in flight.
    const { slow: b, atLedger, release } = stalledAtLedger(testDeps(db.database));
    const questionId = round.questionIds.find((q) => q !== 'enps' && q !== 'comment') ?? '';
    const answering = recordAnswer(b, { roundId: round._id, person, responseToken: newResponseToken(), questionId, raw: 4 });
    await atLedger;

    // B's writes land while A is closing the round's prompts in the chat.
    const platform = new RecordingPlatform(deps.clock);
    platform.markClosed = async (to, ref) => {
      release();
      await answering;
      return RecordingPlatform.prototype.markClosed.call(platform, to, ref);
    };
    deps.clock.set(DateTime.fromJSDate(round.closesAt).plus({ minutes: 1 }));
    expect(await closeDueRounds({ ...deps, settings: { ...deps.settings, closeGraceMs: 0 } }, new Map([['slack', platform]]))).toBe(1);

    expect(platform.closed).toHaveLength(1);
    expect(await db.database.collections.participation.countDocuments({})).toBe(0);
  });
});
