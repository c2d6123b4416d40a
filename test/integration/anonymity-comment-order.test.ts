import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededShuffle } from '../../src/domain/seeded-random.js';
import { closeRound } from '../../src/services/close-round.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { countRound } from '../../src/services/results-counts.js';
import { startRound } from '../../src/services/start-round.js';
import { commentsFor, loadRoundComments } from '../../src/services/summary-comments.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

// The attacker: a leader who reads the comments of their team, and knows (from the code) how
// they were shuffled. If the order shown can be undone to the order the comments were stored in,
// it can be lined up with who was prompted, or reminded, when.
describe('the order comments are shown in carries nothing about when they were written', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await db.dispose();
  });

  it('comments are shown in keyed-id order, not a shuffle of the stored order with a seed the reader knows', async () => {
    const deps = testDeps(db.database);
    const people = await seedPeople(deps, { sales: 8 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    const written: string[] = [];
    for (const [i, person] of people.entries()) {
      const text = `comment number ${i + 1}`;
      written.push(text);
      await recordAnswer(deps, { roundId: round._id, person, responseToken: newResponseToken(), questionId: 'comment', raw: text });
    }
    await closeRound(deps, round._id, { graceMs: 0 });
    const closed = (await deps.store.rounds.get(round._id))!;
    const shown = commentsFor(
      countRound(closed, await deps.store.counters.forRound(round._id), deps.settings.anonymity),
      await loadRoundComments(deps, round._id),
      'sales',
    );
    expect(shown).not.toBeNull();
    const texts = (shown ?? []).map((c) => c.text);

    const stored = await db.database.collections.comments.find({ roundId: round._id }).toArray();
    const byKeyedId = stored.sort((a, b) => (a._id < b._id ? -1 : 1)).map((c) => c.text);
    expect(texts).toEqual(byKeyedId.slice(0, 5));
    // What a reader who knows the seed would undo: the stored order, shuffled with it.
    expect(texts).not.toEqual(seededShuffle(written, `${round._id}|sales`).slice(0, 5));
  });
});
