import { ObjectId, type Document } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { questionById } from '../../src/domain/templates/catalog.js';
import { closeRound } from '../../src/services/close-round.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { startRound } from '../../src/services/start-round.js';
import { cli } from '../support/cli.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

// A works council runs `pulsebot audit` against the live database: it must pass on what the
// services store, and fail, naming the check and never the value, when an identifier is planted.
describe('pulsebot audit', () => {
  let db: TestDatabase;
  let roundId: string;
  let firstPerson: string;

  beforeEach(async () => {
    db = await openTestDatabase();
    const deps = testDeps(db.database);
    // Sales (6) is shown; Apps (3) is below k = 5 and hidden.
    const keys = await seedPeople(deps, { sales: 6, apps: 3 });
    await deps.store.segments.upsert({ _id: 'sales', name: 'Sales', parentId: null });
    await deps.store.segments.upsert({ _id: 'apps', name: 'Apps', parentId: null });
    firstPerson = keys[0] ?? '';
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    roundId = round._id;
    for (const [i, person] of keys.entries()) {
      const token = newResponseToken();
      for (const questionId of round.questionIds) {
        const kind = questionById(questionId)?.kind;
        const raw = kind === 'scale' ? i % 11 : kind === 'likert' ? (i % 5) + 1 : 'fine, thanks';
        await recordAnswer(deps, { roundId: round._id, person, responseToken: token, questionId, raw });
      }
    }
    await closeRound(deps, round._id, { graceMs: 0 });
  });
  afterEach(async () => {
    await db.dispose();
  });

  const responses = () => db.database.db.collection<Document>('responses');

  it('passes (exit 0) on a database filled through the services, listing thresholds, collections and hidden groups', async () => {
    const text = await cli(db.database, ['audit']);
    expect(text.code, text.out + text.err).toBe(0);
    expect(text.out).toContain('Thresholds in force: scores need 5 respondents, comments 5.');
    expect(text.out).toMatch(/responses \(\d+ documents\): _id, roundId, roundDate, questionId, segment, value/);
    expect(text.out).toMatch(/hidden \(below the threshold, or so it cannot be found by subtraction\): .*Apps/);
    expect(text.out).toContain('Result: every check passed.');
    const json = await cli(db.database, ['audit', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as { passed: boolean; checks: { passed: boolean }[]; suppressions: { hidden: Record<string, unknown>[] }[] };
    expect(report.passed).toBe(true);
    expect(report.checks.every((c) => c.passed)).toBe(true);
    // A hidden group is named, never counted.
    for (const hidden of report.suppressions.flatMap((s) => s.hidden)) expect(Object.keys(hidden).sort()).toEqual(['name', 'segment']);
  });

  it('fails (exit 1) on a response carrying a userId, naming the check and field, never the value', async () => {
    const doc = await responses().findOne({ roundId });
    await responses().updateOne({ _id: doc?._id }, { $set: { userId: 'U001' } });
    const result = await cli(db.database, ['audit']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('[FAIL] fields');
    expect(result.out).toContain('responses.userId: 1 document');
    expect(result.out).toContain('[FAIL] identifier');
    expect(result.err).toContain('anonymity audit failed: fields, identifier');
    expect(result.out + result.err).not.toContain('U001');
  });

  it("fails on a comment whose text holds a person's e-mail, and on a person key in a segment field", async () => {
    const comment = await db.database.db.collection<Document>('comments').findOne({ roundId });
    await db.database.db.collection<Document>('comments').updateOne({ _id: comment?._id }, { $set: { text: 'ask u002@example.com' } });
    await responses().updateOne({ roundId }, { $set: { segment: firstPerson } });
    const result = await cli(db.database, ['audit', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as { findings: { check: string; collection: string; field: string }[] };
    expect(report.findings).toEqual(
      expect.arrayContaining([
        { check: 'identifier', collection: 'comments', field: 'text', documents: 1 },
        { check: 'identifier', collection: 'responses', field: 'segment', documents: 1 },
      ]),
    );
  });

  it('fails on a comment stored under an ObjectId, and on an answer stamped with a time', async () => {
    const comments = db.database.db.collection<Document>('comments');
    const comment = await comments.findOne({ roundId });
    await comments.insertOne({ ...comment, _id: new ObjectId() });
    await responses().updateOne({ roundId }, { $set: { roundDate: '2026-11-23T09:14:00Z' } });
    const result = await cli(db.database, ['audit']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('[FAIL] object-id');
    expect(result.out).toContain('[FAIL] id-shape');
    expect(result.out).toContain('responses.roundDate: 1 document');
    expect(result.out).toContain('[FAIL] fine-time');
  });

  it('fails when a ledger entry of the closed round is left behind', async () => {
    await db.database.db.collection<Document>('participation').insertOne({ _id: 'a'.repeat(64), roundId, scope: 'round', segment: 'sales' } as Document);
    const result = await cli(db.database, ['audit']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('[FAIL] ledger');
    expect(result.out).toContain('participation.roundId: 1 document');
  });

  it("fails when a closed round's answers are stored in arrival order", async () => {
    const docs = await responses().find({ roundId }).sort({ _id: -1 }).toArray();
    await responses().deleteMany({ roundId });
    await responses().insertMany(docs);
    const result = await cli(db.database, ['audit']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('[FAIL] order');
  });
});
