import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { questionById } from '../../src/domain/templates/catalog.js';
import { closeRound } from '../../src/services/close-round.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { startRound } from '../../src/services/start-round.js';
import { ROUND_CACHE_MS } from '../../src/store/rounds-repo.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

/**
 * The answer path reads the round and the person's delivery through per-process caches. These
 * check that a cache never lets a closed round take an answer, and that the ledger's memory of
 * who answered never outlives the purge at close.
 */
describe('the answer path’s caches', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database);
  });
  afterEach(async () => {
    await db.dispose();
  });

  /** The round's questions answered by one click each (scales and Likert), in order. */
  const clickable = (round: { questionIds: string[] }) => round.questionIds.filter((id) => ['scale', 'likert'].includes(questionById(id)?.kind ?? ''));
  const answer = async (roundId: string, person: string, nth = 0) => {
    const round = await deps.store.rounds.get(roundId);
    const questionId = clickable(round ?? { questionIds: [] })[nth] ?? '';
    return recordAnswer(deps, { roundId, person, responseToken: newResponseToken(), questionId, raw: questionById(questionId)?.kind === 'scale' ? 8 : 4 });
  };

  it('a round closed in this process refuses the very next answer, though it was cached a moment before', async () => {
    const [first = '', second = ''] = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    expect(await answer(round._id, first)).toBe('recorded');
    expect((await deps.store.rounds.getCached(round._id))?.state).toBe('open');

    await closeRound(deps, round._id, { graceMs: 0 });

    await expect(answer(round._id, second)).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
    expect(await db.database.collections.responses.countDocuments({})).toBe(1);
    expect(await db.database.collections.participation.countDocuments({})).toBe(0);
  });

  it('a round another process closed is refused within ROUND_CACHE_MS, and writes nothing', async () => {
    const [first = '', second = ''] = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    expect(await answer(round._id, first)).toBe('recorded');
    // Another instance: its own store (own caches) over the same database.
    const other = testDeps(db.database);
    await closeRound(other, round._id, { graceMs: 0 });

    await new Promise((resolve) => setTimeout(resolve, ROUND_CACHE_MS + 50));
    await expect(answer(round._id, second)).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
    expect(await db.database.collections.responses.countDocuments({})).toBe(1);
    expect(await db.database.collections.participation.countDocuments({})).toBe(0);
  });

  it('a round closing by the clock (closesAt passed) is refused at once, cache or not', async () => {
    const [first = '', second = ''] = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    expect(await answer(round._id, first)).toBe('recorded');
    deps.clock.set(deps.clock.now().plus({ days: 30 }));
    await expect(answer(round._id, second)).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
  });

  it('after the purge at close, the ledger forgets: a new round of the same people counts them as new respondents', async () => {
    const people = await seedPeople(deps, { sales: 5 });
    const first = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    for (const person of people) expect(await answer(first._id, person)).toBe('recorded');
    expect(await deps.store.ledger.hasTakenPart(first._id, people[0] ?? '')).toBe(true);
    await closeRound(deps, first._id, { graceMs: 0 });
    expect(await deps.store.ledger.hasTakenPart(first._id, people[0] ?? '')).toBe(false);
    expect(await deps.store.ledger.hasAnswered(first._id, people[0] ?? '', clickable(first)[0] ?? '')).toBe(false);

    const next = await startRound(deps, weeklyPulse(), '2026-11-30', { defaultTimezone: 'UTC' });
    for (const person of people) expect(await answer(next._id, person)).toBe('recorded');
    for (const person of people) expect(await answer(next._id, person, 1)).toBe('recorded');
    const respondents = await deps.store.counters.roundTotals(next._id);
    expect(respondents.respondents).toBe(5);
  });

  it('a second answer through another prompt is still refused when this process already knows the first', async () => {
    const [person = ''] = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    expect(await answer(round._id, person)).toBe('recorded');
    expect(await answer(round._id, person)).toBe('already-answered');
    expect(await db.database.collections.responses.countDocuments({})).toBe(1);
  });
});
