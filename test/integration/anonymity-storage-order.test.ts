import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Document } from 'mongodb';
import { closeRound } from '../../src/services/close-round.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { startRound } from '../../src/services/start-round.js';
import { rewriteRoundInKeyedOrder } from '../../src/store/keyed-order.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

// The attacker holds a copy of the database (a backup, a DBA). Answers were stored as they
// arrived: read in natural order, each respondent's answers sit together, and their position
// lines up with who was prompted or reminded when.
describe('after a round closes, the order answers are stored in says nothing about when they came', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await db.dispose();
  });

  const naturalIds = async (name: 'responses' | 'comments' | 'counters', roundId: string) =>
    (await db.database.db.collection<Document>(name).find({ roundId }).toArray()).map((d) => String(d._id));

  it('responses, comments and counters of a closed round are stored in keyed-id order, not arrival order', async () => {
    const deps = testDeps(db.database);
    const people = await seedPeople(deps, { sales: 8 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    // Each person answers all their questions in a row, one person after the other.
    for (const [i, person] of people.entries()) {
      const token = newResponseToken();
      for (const questionId of round.questionIds) {
        const raw = questionId === 'enps' ? i % 11 : questionId === 'comment' ? `comment ${i}` : (i % 5) + 1;
        await recordAnswer(deps, { roundId: round._id, person, responseToken: token, questionId, raw });
      }
    }
    const arrival = await naturalIds('responses', round._id);
    // Before close: arrival order, which groups each respondent's answers (what the attacker reads).
    expect(arrival).not.toEqual([...arrival].sort());

    await closeRound(deps, round._id, { graceMs: 0 });
    for (const name of ['responses', 'comments', 'counters'] as const) {
      const ids = await naturalIds(name, round._id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids, name).toEqual([...ids].sort());
    }
    expect(await naturalIds('responses', round._id)).toHaveLength(arrival.length);
  });

  it('a rewrite interrupted at any point is finished by running it again, losing and doubling nothing', async () => {
    const deps = testDeps(db.database);
    const people = await seedPeople(deps, { sales: 6 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    for (const person of people)
      await recordAnswer(deps, { roundId: round._id, person, responseToken: newResponseToken(), questionId: 'comment', raw: 'fine' });
    const before = (await db.database.collections.comments.find({ roundId: round._id }).toArray()).map((d) => d._id).sort();
    const staging = db.database.db.collection<{ _id: string } & Document>('answer_reorder_staging');
    // A crash after the copy was made whole and the originals deleted, half of them back.
    await rewriteRoundInKeyedOrder(db.database, 'comments', round._id);
    const docs = await db.database.collections.comments.find({ roundId: round._id }).sort({ _id: 1 }).toArray();
    await staging.insertMany(docs.map((doc) => ({ _id: `comments|${doc._id}`, collection: 'comments', roundId: round._id, doc })));
    await staging.insertOne({ _id: `comments|${round._id}|complete`, collection: 'comments', roundId: round._id });
    await db.database.collections.comments.deleteMany({ roundId: round._id, _id: { $in: before.slice(0, 3) } });

    await rewriteRoundInKeyedOrder(db.database, 'comments', round._id);
    expect(await naturalIds('comments', round._id)).toEqual(before);
    expect(await staging.countDocuments({})).toBe(0);
  });
});
