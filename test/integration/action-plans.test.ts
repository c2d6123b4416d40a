import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { actionQuestionId } from '../../src/domain/action-plan.js';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import { actionsFor } from '../../src/services/actions/action-views.js';
import { sendActionAnnouncements } from '../../src/services/actions/announce-actions.js';
import { changeAction, commitAction } from '../../src/services/actions/commit-action.js';
import { leaderLoad } from '../../src/services/actions/leader-load.js';
import { operator } from '../../src/services/actors.js';
import { closeRound } from '../../src/services/close-round.js';
import { promptState } from '../../src/services/prompt-state.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { roundQuestions } from '../../src/services/round-questions.js';
import { startRound } from '../../src/services/start-round.js';
import { summaryForReader } from '../../src/services/summary-reader.js';
import type { RoundDoc } from '../../src/store/documents/rounds.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

/** Action plans (issue #19): commit, the group hears of it, the next two rounds ask whether it helped, the summary shows before and now. */
describe('action plans', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  const pulse = weeklyPulse({ drivers: ['recognition'], questionsPerRound: 3, enpsEvery: 4 });
  const LEAD = 'slack:T1:ULEAD';
  const OTHER_LEAD = 'slack:T1:UOTHER';
  let support: string[];
  let sales: string[];

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-23T08:00:00Z');
    [support, sales] = await seedPeople(deps, { support: 6, sales: 5 }).then((all) => [all.slice(0, 6), all.slice(6)]);
    for (const [userId, segment] of [
      ['ULEAD', 'support'],
      ['UOTHER', 'sales'],
    ] as const) {
      const key = await deps.store.people.upsert({
        platform: 'slack',
        tenant: 'T1',
        userId,
        email: `${userId.toLowerCase()}@example.com`,
        timezone: 'UTC',
        locale: 'en',
        segment: null,
      });
      await deps.store.people.setRoles(key, ['leader'], [segment]);
    }
    await deps.store.rounds.saveSurvey(pulse);
  });
  afterEach(async () => {
    await db.dispose();
  });

  /** Opens the round of `date`, lets each listed person answer the recognition questions with `score` (and more), closes it. */
  const runRound = async (date: string, answers: (round: RoundDoc, person: string, token: string) => Promise<void>): Promise<RoundDoc> => {
    deps.clock.set(DateTime.fromISO(`${date}T08:00:00Z`, { zone: 'utc' }));
    const round = await startRound(deps, pulse, date, { defaultTimezone: 'UTC', sendNow: true });
    await db.database.collections.deliveries.updateMany({ roundId: round._id }, { $set: { state: 'sent' } });
    for (const person of [...support, ...sales]) await answers(round, person, newResponseToken());
    await closeRound(deps, round._id, { graceMs: 0 });
    return round;
  };
  const recognition = (round: RoundDoc) => roundQuestions(round).filter((q) => q.driver === 'recognition');
  const answerRecognition = (scores: { support: string; sales: string }) => async (round: RoundDoc, person: string, token: string) => {
    for (const q of recognition(round)) {
      await recordAnswer(deps, {
        roundId: round._id,
        person,
        responseToken: token,
        questionId: q.id,
        raw: support.includes(person) ? scores.support : scores.sales,
      });
    }
  };

  it('committed from a summary: the group hears of it, the next two rounds ask it of the group only, and the summary shows before and now', async () => {
    await runRound('2026-11-23', answerRecognition({ support: '2', sales: '4' }));
    const before = await summaryForReader(deps, LEAD);
    expect(before.kind === 'summary' && before.summary.openActions).toBeFalsy();

    deps.clock.set(DateTime.fromISO('2026-11-25T09:00:00Z', { zone: 'utc' }));
    const action = await commitAction(deps, LEAD, {
      segment: 'support',
      driver: 'recognition',
      words: { catalogKey: 'action.recognition.1' },
      dueDate: '2026-12-20',
    });
    expect(action).toMatchObject({
      owner: LEAD,
      status: 'planned',
      committedOn: '2026-11-25',
      announcement: 'pending',
      before: { roundDate: '2026-11-23', favourable: 0 },
    });

    // "You said, we're doing": every member of support, once, in their language; nobody in sales.
    const platform = new RecordingPlatform(deps.clock);
    const platforms = new Map([['slack' as const, platform]]);
    expect(await sendActionAnnouncements(deps, platforms)).toBe(6);
    expect(await sendActionAnnouncements(deps, platforms)).toBe(0);
    expect(platform.notices.map((n) => `slack:T1:${n.to.userId}`).sort()).toEqual([...support].sort());
    expect(platform.notices[0]?.text).toContain('You said, we’re doing');
    expect(platform.notices[0]?.text).toContain('Start your next team meeting with a round of specific thanks');

    // The next round asks support whether it made a difference; sales is not asked, and cannot answer it.
    const questionId = actionQuestionId(action._id);
    const second = await runRound('2026-11-30', async (round, person, token) => {
      await answerRecognition({ support: '5', sales: '4' })(round, person, token);
      if (support.includes(person))
        await recordAnswer(deps, { roundId: round._id, person, responseToken: token, questionId, raw: person === support[0] ? 'somewhat' : 'yes' });
      else
        await expect(recordAnswer(deps, { roundId: round._id, person, responseToken: token, questionId, raw: 'yes' })).rejects.toMatchObject({
          code: 'UNKNOWN_QUESTION',
        });
    });
    expect(second.questionIds).toContain(questionId);
    const followUp = second.questions.find((q) => q.id === questionId);
    expect(followUp?.text.en).toBe('Has “Start your next team meeting with a round of specific thanks: who helped whom, and how.” made a difference?');
    expect(followUp?.text.nb).toMatch(/^Har «.+» gjort en forskjell\?$/);

    // The leader's summary: the action, the driver's score then (0 %) and now (100 %), and what the follow-up says.
    const after = await summaryForReader(deps, LEAD);
    if (after.kind !== 'summary') throw new Error(after.kind);
    expect(after.summary.openActions).toHaveLength(1);
    expect(after.summary.openActions?.[0]).toMatchObject({
      before: { favourable: 0 },
      now: { roundDate: '2026-11-30', favourable: 100 },
      followUps: [{ roundDate: '2026-11-30', yes: 5, somewhat: 1, notYet: 0, n: 6 }],
    });
    const text = summaryText(after.summary, 'en').sections.find((s) => s.heading === 'Your actions');
    expect(text?.lines.join('\n')).toContain(
      'recognition: 0 % favourable when committed (2026-11-23), 100 % now (2026-11-30)'.replace('recognition', 'Recognition'),
    );
    expect(text?.lines.join('\n')).toContain('Has it made a difference (2026-11-30)? Yes 5 · Somewhat 1 · Not yet 0 (6 answers)');

    // The third round asks again; the fourth does not (two rounds).
    const third = await runRound('2026-12-07', () => Promise.resolve());
    expect(third.questionIds).toContain(questionId);
    const fourth = await runRound('2026-12-14', () => Promise.resolve());
    expect(fourth.questionIds).not.toContain(questionId);
  });

  it('a sales member’s prompt does not show the support action’s question', async () => {
    await runRound('2026-11-23', answerRecognition({ support: '2', sales: '4' }));
    const action = await commitAction(deps, LEAD, {
      segment: 'support',
      driver: 'recognition',
      words: { text: 'Thanks round on Mondays' },
      dueDate: '2026-12-20',
    });
    deps.clock.set(DateTime.fromISO('2026-11-30T08:00:00Z', { zone: 'utc' }));
    const round = await startRound(deps, pulse, '2026-11-30', { defaultTimezone: 'UTC', sendNow: true });
    const shown = async (person: string) =>
      (await promptState(deps, round._id, person, newResponseToken(), 'g', { fresh: true }))?.prompt.questions.map((q) => q.id) ?? [];
    expect(await shown(support[0] ?? '')).toContain(actionQuestionId(action._id));
    expect(await shown(sales[0] ?? '')).not.toContain(actionQuestionId(action._id));
    expect((await shown(sales[0] ?? '')).length).toBe((await shown(support[0] ?? '')).length - 1);
  });

  it('only a leader of the group plans for it; only the owner (or HR) changes it; a done action leaves the summary', async () => {
    await runRound('2026-11-23', answerRecognition({ support: '2', sales: '4' }));
    const input = { segment: 'support', driver: 'recognition' as const, words: { text: 'Thanks round on Mondays' }, dueDate: '2026-12-20' };
    await expect(commitAction(deps, OTHER_LEAD, input)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(commitAction(deps, support[0] ?? '', input)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(commitAction(deps, LEAD, { ...input, dueDate: '2026-11-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /dueDate/ });
    await expect(commitAction(deps, LEAD, { ...input, words: { text: ' ' } })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /words/ });
    expect(await db.database.collections.actions.countDocuments({})).toBe(0);

    const action = await commitAction(deps, LEAD, input);
    await expect(changeAction(deps, OTHER_LEAD, action._id, { status: 'done' })).rejects.toMatchObject({ code: 'UNKNOWN_ACTION' });
    expect(await actionsFor(deps, OTHER_LEAD)).toEqual([]);
    expect((await actionsFor(deps, operator('cli', 'hr'))).map((a) => a.id)).toEqual([action._id]);
    expect(await changeAction(deps, LEAD, action._id, { status: 'in_progress', dueDate: '2026-12-24' })).toMatchObject({
      status: 'in_progress',
      dueDate: '2026-12-24',
    });

    // Past its due date it is overdue, and counted as such for HR.
    deps.clock.set(DateTime.fromISO('2026-12-28T09:00:00Z', { zone: 'utc' }));
    const [view] = await actionsFor(deps, LEAD, { own: true, open: true });
    expect(view).toMatchObject({ overdue: true, status: 'in_progress' });
    const load = await leaderLoad(deps, operator('cli', 'hr'));
    expect(load.find((l) => l.leader === LEAD)).toMatchObject({ openActions: 1, overdueActions: 1 });
    expect(load.find((l) => l.leader === OTHER_LEAD)).toMatchObject({ openActions: 0, overdueActions: 0 });
    await expect(leaderLoad(deps, LEAD)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });

    await changeAction(deps, LEAD, action._id, { status: 'done' });
    const summary = await summaryForReader(deps, LEAD);
    expect(summary.kind === 'summary' && summary.summary.openActions).toBeFalsy();
  });
});
