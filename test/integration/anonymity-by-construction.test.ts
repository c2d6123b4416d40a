import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId, type Document } from 'mongodb';
import { ANSWER_COLLECTIONS } from '../../src/store/database.js';
import { operator } from '../../src/services/actors.js';
import { respondToComment } from '../../src/services/conversations/leader-replies.js';
import { COUNTER_ANSWERED, COUNTER_INVITED, COUNTER_RESPONDENTS, ROUND_QUESTION } from '../../src/store/documents/answers.js';
import { closeRound } from '../../src/services/close-round.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { startRound } from '../../src/services/start-round.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

/** Every string anywhere inside a document, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof ObjectId) return [value.toHexString()];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value instanceof Date || value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => [key, ...strings(v)]);
}

function hasObjectId(value: unknown): boolean {
  if (value instanceof ObjectId) return true;
  if (Array.isArray(value)) return value.some(hasObjectId);
  if (value instanceof Date || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some(hasObjectId);
}

describe('a round of 12 people in two segments, answered and closed', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let people: string[];
  const expected = new Map<string, number>(); // `segment|question|value` → count
  let roundId = '';

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database);
    people = await seedPeople(deps, { sales: 6, tech: 6 });
    const round = await startRound(deps, weeklyPulse({ anonymity: { minGroupSize: 5, minCommentGroupSize: 5 } }), '2026-11-23', {
      defaultTimezone: 'UTC',
    });
    roundId = round._id;

    // Everyone but two answers every question; the comment carries their user id as text to
    // prove free text is the one place a person could name themselves (and we keep it apart).
    for (const [i, person] of people.entries()) {
      if (i === 3 || i === 9) continue;
      const token = newResponseToken();
      const segment = i < 6 ? 'sales' : 'tech';
      for (const questionId of round.questionIds) {
        let raw: number | string;
        if (questionId === 'enps') raw = i % 11;
        else if (questionId === 'comment') raw = `comment ${i}`;
        else raw = (i % 5) + 1;
        expect(await recordAnswer(deps, { roundId, person, responseToken: token, questionId, raw })).toBe('recorded');
        if (questionId !== 'comment') {
          const key = `${segment}|${questionId}|${String(raw)}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        const answered = `${segment}|${questionId}|${COUNTER_ANSWERED}`;
        expected.set(answered, (expected.get(answered) ?? 0) + 1);
      }
    }
    await closeRound(deps, roundId, { graceMs: 0 });
    // A leader's reply to a comment (issue #19): the conversation is answer side too.
    const [comment] = await db.database.collections.comments.find({}).limit(1).toArray();
    await respondToComment(deps, operator('cli', 'hr'), comment?._id ?? '', { text: 'Thank you for saying this.' });
  });

  afterAll(async () => {
    await db.dispose();
  });

  it('no platform user id or e-mail appears outside people and deliveries', async () => {
    const identities = (await db.database.collections.people.find({}).toArray()).flatMap((p) => [p.userId, p.email ?? '']);
    expect(identities).toHaveLength(24);
    const collections = await db.database.db.listCollections().toArray();
    expect(collections.map((c) => c.name)).toEqual(expect.arrayContaining(['people', 'deliveries', 'responses', 'comments', 'counters']));
    for (const { name } of collections) {
      if (name === 'people' || name === 'deliveries') continue;
      const docs = await db.database.db.collection(name).find({}).toArray();
      const text = docs.flatMap(strings).join('\n');
      for (const id of identities) expect(text.includes(id), `${id} found in ${name}`).toBe(false);
    }
  });

  it('the participation ledger is empty after close', async () => {
    expect(await db.database.collections.participation.countDocuments({})).toBe(0);
  });

  it('no answer-side document holds an ObjectId or a timestamp', async () => {
    for (const name of ANSWER_COLLECTIONS) {
      const docs: Document[] = await db.database.db.collection(name).find({}).toArray();
      expect(docs.length, name).toBeGreaterThan(0);
      for (const doc of docs) {
        expect(hasObjectId(doc), `${name} ${JSON.stringify(doc)}`).toBe(false);
        expect(
          Object.values(doc).some((v) => v instanceof Date),
          `${name} has a date`,
        ).toBe(false);
      }
    }
    const responses = await db.database.collections.responses.find({}).toArray();
    for (const r of responses) {
      expect(r._id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.roundDate).toBe('2026-11-23');
    }
  });

  it('answers are filed under segments that passed the threshold when the round started', async () => {
    const segments = await db.database.collections.responses.distinct('segment');
    expect(segments.sort()).toEqual(['sales', 'tech']);
  });

  it('counters equal the answers, and the round-level counts are exact', async () => {
    const counters = await deps.store.counters.forRound(roundId);
    const answerCounters = new Map(counters.filter((c) => c.questionId !== ROUND_QUESTION).map((c) => [`${c.segment}|${c.questionId}|${c.value}`, c.n]));
    expect(answerCounters).toEqual(expected);
    const round = counters.filter((c) => c.questionId === ROUND_QUESTION);
    const get = (segment: string, value: string) => round.find((c) => c.segment === segment && c.value === value)?.n;
    expect(get('sales', COUNTER_INVITED)).toBe(6);
    expect(get('tech', COUNTER_INVITED)).toBe(6);
    expect(get('sales', COUNTER_RESPONDENTS)).toBe(5);
    expect(get('tech', COUNTER_RESPONDENTS)).toBe(5);
    // Responses and comments match counters one for one.
    const stored = (await db.database.collections.responses.countDocuments({})) + (await db.database.collections.comments.countDocuments({}));
    const answered = [...answerCounters].filter(([key]) => key.endsWith(`|${COUNTER_ANSWERED}`)).reduce((sum, [, n]) => sum + n, 0);
    expect(stored).toBe(answered);
  });

  it('a closed round takes no more answers', async () => {
    const person = people[3] ?? '';
    await expect(recordAnswer(deps, { roundId, person, responseToken: newResponseToken(), questionId: 'comment', raw: 'late' })).rejects.toMatchObject({
      code: 'ROUND_CLOSED',
    });
  });
});
