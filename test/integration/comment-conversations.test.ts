import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operator } from '../../src/services/actors.js';
import { anonymityAudit } from '../../src/services/anonymity-audit/run-audit.js';
import { closeRound } from '../../src/services/close-round.js';
import { answerBack, promptThreads } from '../../src/services/conversations/author-thread.js';
import { conversationOf, respondToComment } from '../../src/services/conversations/leader-replies.js';
import { sendRepliesNotices } from '../../src/services/conversations/replies-notices.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { startRound } from '../../src/services/start-round.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

/** Anonymous conversations on comments (issue #19): the thread is reachable only from the author's own prompt. */
describe('conversations on comments', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-23T12:00:00Z');
  });
  afterEach(async () => {
    await db.dispose();
  });

  /** A closed round where everyone in `support` (6) and `sales` (5) commented; the prompts' tokens by person. */
  const closedRoundWithComments = async () => {
    const people = await seedPeople(deps, { support: 6, sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    expect(round.questionIds).toContain('comment');
    const tokens = new Map<string, string>();
    for (const [i, person] of people.entries()) {
      const token = newResponseToken();
      tokens.set(person, token);
      const binding = deps.store.ledger.promptTag(token, person);
      await recordAnswer(deps, { roundId: round._id, person, responseToken: token, binding, questionId: 'comment', raw: `comment number ${i}` });
    }
    // Everyone answered, so everyone's prompt was sent.
    await db.database.collections.deliveries.updateMany({ roundId: round._id }, { $set: { state: 'sent' } });
    await closeRound(deps, round._id, { graceMs: 0 });
    const holder = (person: string, token = tokens.get(person) ?? '') => ({
      roundId: round._id,
      person,
      responseToken: token,
      binding: deps.store.ledger.promptTag(token, person),
    });
    const commentOf = (person: string) => deps.store.ledger.answerId(tokens.get(person) ?? '', 'comment');
    return { people, round, holder, commentOf };
  };

  it('a leader replies; only the author, from their own prompt, reads it and answers back; the leader sees "the author"', async () => {
    const { people, holder, commentOf } = await closedRoundWithComments();
    const [ann = '', bob = ''] = people;
    const lead = people[10] ?? '';
    await deps.store.people.setRoles(lead, ['leader'], ['support']);

    await respondToComment(deps, lead, commentOf(ann), { ack: 'say-more' });
    const replied = await respondToComment(deps, lead, commentOf(ann), { text: 'Which part of the rota is hardest?' });
    expect(replied.comment).toBe('comment number 0');
    expect(replied.messages).toEqual([
      { kind: 'ack', from: 'leader', ack: 'say-more' },
      { kind: 'reply', from: 'leader', text: 'Which part of the rota is hardest?' },
    ]);

    expect((await promptThreads(deps, holder(ann))).map((t) => t.messages.length)).toEqual([2]);
    // Another member's own prompt shows nothing; Ann's token clicked by Bob does not match his binding.
    expect(await promptThreads(deps, holder(bob))).toEqual([]);
    expect(await promptThreads(deps, { ...holder(ann), person: bob })).toEqual([]);
    await expect(answerBack(deps, holder(bob), commentOf(ann), 'it was me')).rejects.toMatchObject({ code: 'UNKNOWN_COMMENT' });

    await answerBack(deps, holder(ann), commentOf(ann), 'The weekend shifts.');
    const seenByLeader = await conversationOf(deps, lead, commentOf(ann));
    expect(seenByLeader.messages.at(-1)).toEqual({ kind: 'reply', from: 'author', text: 'The weekend shifts.' });
  });

  it('a leader of another group, or of a group below the comment threshold, cannot read or reply; HR can', async () => {
    const { people, commentOf } = await closedRoundWithComments();
    const [ann = ''] = people;
    const salesLead = people[10] ?? '';
    await deps.store.people.setRoles(salesLead, ['leader'], ['sales']);
    await expect(respondToComment(deps, salesLead, commentOf(ann), { ack: 'thanks' })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(conversationOf(deps, salesLead, commentOf(ann))).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    // HR reads through the organisation (11 comments pass the threshold).
    expect((await respondToComment(deps, operator('cli', 'hr'), commentOf(ann), { ack: 'thanks' })).messages).toHaveLength(1);
    // With a threshold of 7, "support" (6) no longer passes: its leader loses access, the organisation (11) still passes.
    const strict = { ...deps, settings: { ...deps.settings, anonymity: { minGroupSize: 5, minCommentGroupSize: 7 } } };
    await deps.store.people.setRoles(salesLead, ['leader'], ['support']);
    await expect(respondToComment(strict, salesLead, commentOf(ann), { ack: 'thanks' })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(respondToComment(deps, salesLead, '00000000-0000-4000-8000-000000000000', { ack: 'thanks' })).rejects.toMatchObject({
      code: 'UNKNOWN_COMMENT',
    });
    await expect(respondToComment(deps, operator('cli', 'hr'), commentOf(ann), { text: ' ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('stores nothing that leads from a conversation to a person, and the anonymity audit passes', async () => {
    const { people, holder, commentOf } = await closedRoundWithComments();
    const [ann = ''] = people;
    await respondToComment(deps, operator('cli', 'hr'), commentOf(ann), { text: 'Thank you, tell us more?' });
    await answerBack(deps, holder(ann), commentOf(ann), 'Sure.');
    const [doc] = await db.database.collections.conversations.find({}).toArray();
    expect(Object.keys(doc ?? {}).sort()).toEqual(['_id', 'messages', 'roundDate', 'roundId', 'segment']);
    const stored = JSON.stringify(doc);
    for (const person of people) expect(stored).not.toContain(person.split(':').at(-1));
    expect(stored).not.toMatch(/T\d{2}:\d{2}/);
    const report = await anonymityAudit(deps, db.database);
    expect(report.findings).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('the neutral notice reaches everyone invited in the group, not only the author, at most once a day per round', async () => {
    const { people, commentOf } = await closedRoundWithComments();
    const [ann = '', bob = ''] = people;
    const lead = people[10] ?? '';
    await deps.store.people.setRoles(lead, ['leader'], ['support']);
    const platform = new RecordingPlatform(deps.clock);
    const platforms = new Map([['slack' as const, platform]]);
    await respondToComment(deps, lead, commentOf(ann), { ack: 'thanks' });
    await respondToComment(deps, lead, commentOf(bob), { text: 'Good idea.' });
    expect(await sendRepliesNotices(deps, platforms)).toBe(6);
    const told = platform.notices.map((n) => `slack:T1:${n.to.userId}`).sort();
    expect(told).toEqual(people.slice(0, 6).sort());
    expect(new Set(platform.notices.map((n) => n.text))).toEqual(
      new Set(['Some comments from your team’s last Pulse survey got replies. Open your message from that survey to see whether yours did.']),
    );
    // A third reply the same day waits for tomorrow's notice.
    await respondToComment(deps, lead, commentOf(people[2] ?? ''), { ack: 'good-point' });
    expect(await sendRepliesNotices(deps, platforms)).toBe(0);
    deps.clock.set(deps.clock.now().plus({ days: 1 }));
    expect(await sendRepliesNotices(deps, platforms)).toBe(6);
    expect(await sendRepliesNotices(deps, platforms)).toBe(0);
    const stored = JSON.stringify(await db.database.collections.repliesNotices.find({}).toArray());
    for (const person of people) expect(stored).not.toContain(person.split(':').at(-1));
  });
});
