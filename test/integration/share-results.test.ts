import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operator } from '../../src/services/actors.js';
import { closeRound } from '../../src/services/close-round.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { latestSharedResults, sendSharedResults } from '../../src/services/share-results.js';
import { commitAction } from '../../src/services/actions/commit-action.js';
import { createSurvey, roundNow } from '../../src/services/survey-studio/surveys-service.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps } from '../support/fixtures.js';

/** Results shared back (issue #19): everyone invited hears the organisation's results and their own team's, only where shown. */
describe('shareResults', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  const HR = operator('cli', 'test');
  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-23T12:00:00Z');
  });
  afterEach(async () => {
    await db.dispose();
  });

  const runRound = async (shareResults: boolean, teams: Record<string, number> = { support: 6, sales: 5 }) => {
    const people = await seedPeople(deps, teams);
    await createSurvey(deps, HR, {
      id: 'team-check',
      name: 'Team check',
      trigger: { type: 'once', date: '2026-11-23', time: '10:00' },
      shareResults,
      questions: [{ builtin: 'enps' }, { id: 'tools', type: 'yesno', text: { en: 'Do you have the tools you need?', nb: 'Har du verktøyene du trenger?' } }],
    });
    const round = await roundNow(deps, HR, 'team-check');
    await db.database.collections.deliveries.updateMany({ roundId: round._id }, { $set: { state: 'sent' } });
    for (const person of people) {
      const responseToken = newResponseToken();
      await recordAnswer(deps, { roundId: round._id, person, responseToken, questionId: 'enps', raw: '9' });
      await recordAnswer(deps, { roundId: round._id, person, responseToken, questionId: 'tools', raw: 'yes' });
    }
    await closeRound(deps, round._id, { graceMs: 0 });
    return people;
  };

  it('when the round closes, each invitee gets the organisation’s results and their team’s where it is shown, once', async () => {
    const people = await runRound(true);
    const platform = new RecordingPlatform(deps.clock);
    expect(await sendSharedResults(deps, new Map([['slack' as const, platform]]))).toBe(11);
    expect(await sendSharedResults(deps, new Map([['slack' as const, platform]]))).toBe(0);
    const textFor = (person: string) => platform.notices.find((n) => `slack:T1:${n.to.userId}` === person)?.text ?? '';
    const support = textFor(people[0] ?? '');
    expect(support).toContain('Team check of 2026-11-23');
    expect(support).toContain('Whole organisation (11 answered)');
    expect(support).toContain('Your team, support (6 answered)');
    expect(support).toContain('eNPS 100');
    expect(support).toContain('Do you have the tools you need?: 100 % yes');
    expect(textFor(people[6] ?? '')).toContain('Your team, sales (5 answered)');
  });

  it('a team below k is never shown, nor one that subtraction would give away: then only the organisation', async () => {
    const people = await runRound(true, { support: 6, sales: 2 });
    const platform = new RecordingPlatform(deps.clock);
    expect(await sendSharedResults(deps, new Map([['slack' as const, platform]]))).toBe(8);
    for (const notice of platform.notices) {
      expect(notice.text).toContain('Whole organisation (8 answered)');
      expect(notice.text).not.toContain('Your team');
      expect(notice.text).toContain('Your own team’s results are not shown');
    }
    expect(platform.notices.map((n) => `slack:T1:${n.to.userId}`).sort()).toEqual([...people].sort());
  });

  it('says what is being done: the open actions of the person’s own groups, and `results` shows an employee the same message', async () => {
    const people = await runRound(true);
    await commitAction(deps, HR, { segment: 'support', words: { text: 'Quiet hours before noon' }, dueDate: '2026-12-31', surveyId: 'team-check' });
    await commitAction(deps, HR, { segment: 'sales', words: { text: 'A sales-only plan' }, dueDate: '2026-12-31', surveyId: 'team-check' });
    const platform = new RecordingPlatform(deps.clock);
    await sendSharedResults(deps, new Map([['slack' as const, platform]]));
    const support = platform.notices.find((n) => `slack:T1:${n.to.userId}` === people[0])?.text ?? '';
    expect(support).toContain('What your leaders are doing about it:\n• Quiet hours before noon (Planned, due 2026-12-31)');
    expect(support).not.toContain('A sales-only plan');

    // `results`, for someone who leads nothing: the same message, from the same door.
    expect(await latestSharedResults(deps, people[0] ?? '', 'en')).toBe(support);
    expect(await latestSharedResults(deps, 'slack:T1:NOBODY', 'en')).toBeNull();
  });

  it('is off by default: nothing is sent', async () => {
    await runRound(false);
    const platform = new RecordingPlatform(deps.clock);
    expect(await sendSharedResults(deps, new Map([['slack' as const, platform]]))).toBe(0);
    expect(await db.database.collections.resultShares.countDocuments({})).toBe(0);
  });
});
