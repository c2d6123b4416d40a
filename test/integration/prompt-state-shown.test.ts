import type { CommandStartedEvent } from 'mongodb';
import { MongoClient } from 'mongodb';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { createStore } from '../../src/store/store.js';
import { promptState } from '../../src/services/prompt-state.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { roundQuestions } from '../../src/services/round-questions.js';
import { startRound } from '../../src/services/start-round.js';
import type { RoundDoc } from '../../src/store/documents/rounds.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, TEST_SECRET, testDeps, weeklyPulse } from '../support/fixtures.js';

/**
 * A Slack click's redraw (issue #21): the prompt shows answered what the clicked message showed
 * answered and what this process knows was answered, without reading the ledger; without the
 * message (a comment's modal, Teams) the ledger is read as before.
 */
describe("the prompt state a redraw draws, and an answer's live counts", () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let round: RoundDoc;
  let person: string;
  const token = newResponseToken();
  const pulse = weeklyPulse({ drivers: ['recognition', 'growth'], questionsPerRound: 3, enpsEvery: 1 });

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-23T08:00:00Z');
    [person] = (await seedPeople(deps, { support: 5 })) as [string];
    await deps.store.rounds.saveSurvey(pulse);
    round = await startRound(deps, pulse, '2026-11-23', { defaultTimezone: 'UTC', sendNow: true });
    await db.database.collections.deliveries.updateMany({ roundId: round._id }, { $set: { state: 'sent' } });
  });
  afterEach(async () => {
    await db.dispose();
  });

  const answer = (questionId: string) => recordAnswer(deps, { roundId: round._id, person, responseToken: token, questionId, raw: '4' });

  it('shows what the message showed and what this process recorded, and reads nothing from the ledger', async () => {
    const [first, second, third] = roundQuestions(round).map((q) => q.id) as [string, string, string];
    expect(await answer(second)).toBe('recorded');
    // A client of its own, to see what the redraw asks the database.
    const client = new MongoClient(inject('mongoUri'), { monitorCommands: true });
    const finds: string[] = [];
    client.on('commandStarted', (event: CommandStartedEvent) => {
      if (event.commandName === 'find') finds.push(String((event.command as Record<string, unknown>).find));
    });
    try {
      // Another process on the same database (restarted, say): it knows nothing of the ledger.
      const other = { ...deps, store: createStore(openDatabase(client, db.database.db.databaseName), TEST_SECRET) };
      const state = await promptState(other, round._id, person, token, '', { shownAnswered: new Set([first]) });
      expect([...(state?.answered ?? [])].sort()).toEqual([first].sort());
      expect(finds.filter((c) => c === 'participation')).toEqual([]);
      // Without the message it asks the ledger, which has the second answer.
      const read = await promptState(other, round._id, person, token, '');
      expect([...(read?.answered ?? [])]).toEqual([second]);
      expect(finds.filter((c) => c === 'participation').length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
    // The process that recorded the second and third answers draws them answered, with the message's first.
    expect(await answer(third)).toBe('recorded');
    const state = await promptState(deps, round._id, person, token, '', { shownAnswered: new Set([first]) });
    expect([...(state?.answered ?? [])].sort()).toEqual([first, second, third].sort());
  });

  it('never shows a question the prompt does not ask, whatever the message says', async () => {
    const state = await promptState(deps, round._id, person, token, '', { shownAnswered: new Set(['not-a-question']) });
    expect([...(state?.answered ?? [])]).toEqual([]);
  });

  it('an answer is in flight, for any closing instance to wait on, until its live counts are written', async () => {
    const [first] = roundQuestions(round).map((q) => q.id) as [string];
    expect(await answer(first)).toBe('recorded');
    // Stored and acknowledged, its counts still waiting to share a write: a close on another
    // instance (reportDrainedRounds) must not recount before they land.
    expect(deps.store.inFlight.count(round._id)).toBe(1);
    await deps.store.counters.settle();
    await expect.poll(() => deps.store.inFlight.count(round._id)).toBe(0);
    const answered = (await deps.store.counters.forRound(round._id)).filter((c) => c.questionId === first && c.value === '_answered');
    expect(answered.map((c) => c.n)).toEqual([1]);
  });
});
