import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operator } from '../../src/services/actors.js';
import { raiseEvent } from '../../src/services/events/raise-event.js';
import { importPeople } from '../../src/services/people-import.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { resultsInRange } from '../../src/services/results-range.js';
import { createSurvey, pauseSurvey, roundNow } from '../../src/services/survey-studio/surveys-service.js';
import { syncDirectory, type DirectorySource } from '../../src/services/sync-directory.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { runUntil as runScheduleUntil } from '../support/run-until.js';
import { seedPeople, testDeps } from '../support/fixtures.js';

/** Surveys triggered by events (issue #18): local time, working days, idempotency, lifecycle events, pools. */

const HR = operator('cli', 'test');
const serviceSurvey = {
  id: 'service',
  name: 'Internal service',
  trigger: { type: 'event', event: 'ticket.resolved', delay: { workingDays: 1 }, time: '09:30', expiresAfterDays: 3 },
  reminderDays: [2],
  questions: [{ id: 'helped', type: 'scale', text: { en: 'How satisfied are you?' }, low: { en: 'Not' }, high: { en: 'Very' } }],
};

describe('event-triggered surveys', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let platform: RecordingPlatform;
  let platforms: Map<'slack', RecordingPlatform>;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-12-04T15:00:00Z'); // a Friday
    platform = new RecordingPlatform(deps.clock);
    platforms = new Map([['slack', platform]]);
  });
  afterEach(async () => {
    await db.dispose();
  });

  const runUntil = (iso: string) => runScheduleUntil(deps, platforms, iso);
  const person = async (key: string) => {
    const doc = await deps.store.people.get(key);
    if (doc === null) throw new Error(`no ${key}`);
    return doc;
  };
  const raise = async (key: string, idempotencyKey: string, occurredAt = deps.clock.now()) =>
    raiseEvent(deps, { event: 'ticket.resolved', person: await person(key), occurredAt, idempotencyKey, source: 'source:servicedesk' });

  it('reaches a person in Oslo and one in New York at 09:30 their time on the next working day, with a reminder, once per key', async () => {
    const [oslo = '', newYork = ''] = await seedPeople(deps, { support: 2 });
    await createSurvey(deps, HR, serviceSurvey);
    expect(await raise(oslo, 'INC-1')).toEqual({ duplicate: false, scheduled: 1 });
    expect(await raise(newYork, 'INC-2')).toEqual({ duplicate: false, scheduled: 1 });
    expect(await raise(oslo, 'INC-1')).toEqual({ duplicate: true, scheduled: 0 });
    await runUntil('2026-12-12T00:00:00Z');
    // Friday's events: one working day later is Monday 7 December, 09:30 local.
    const sent = platform.prompts.map((p) => [`slack:T1:${p.to.userId}`, p.at.toISOString()]);
    expect(sent).toEqual([
      [oslo, '2026-12-07T08:30:00.000Z'],
      [newYork, '2026-12-07T14:30:00.000Z'],
    ]);
    expect(platform.prompts[0]?.prompt.surveyKind).toBe('event');
    // Reminded two days after it was sent, and closed when it expired three days after.
    expect(platform.reminders.map((r) => r.at.toISOString())).toEqual(['2026-12-09T08:30:00.000Z', '2026-12-09T14:30:00.000Z']);
    expect(platform.closed).toHaveLength(2);
    expect(await db.database.collections.eventRequests.countDocuments({ state: 'expired' })).toBe(2);
  });

  it('refuses an event nobody listens for before writing anything, and skips paused surveys and people outside the audience', async () => {
    const [oslo = ''] = await seedPeople(deps, { support: 1, sales: 1 });
    await expect(
      raiseEvent(deps, { event: 'order.shipped', person: await person(oslo), occurredAt: deps.clock.now(), idempotencyKey: 'x', source: 'pulsebot' }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_EVENT' });
    await createSurvey(deps, HR, { ...serviceSurvey, audience: { type: 'segments', segments: ['sales'] } });
    expect((await raise(oslo, 'INC-3')).scheduled).toBe(0);
    await pauseSurvey(deps, HR, 'service');
    const [, salesPerson = ''] = await db.database.collections.people
      .find({}, { sort: { _id: 1 } })
      .map((p) => p._id)
      .toArray();
    expect((await raise(salesPerson, 'INC-4')).scheduled).toBe(0);
    expect(await db.database.collections.deliveries.countDocuments({})).toBe(0);
    await expect(roundNow(deps, HR, 'service')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('sends the onboarding check-ins on days 7, 30 and 90 to someone who joins the directory', async () => {
    const users = (ids: readonly string[]): DirectorySource => ({
      platform: 'slack',
      tenant: 'T1',
      segments: () => Promise.resolve([]),
      members: () => Promise.resolve([]),
      async *pages() {
        await Promise.resolve();
        yield ids.map((userId) => ({ userId, email: `${userId.toLowerCase()}@example.com`, timezone: 'Europe/Oslo', locale: 'en' as const, segment: null }));
      },
    });
    await createSurvey(deps, HR, {
      id: 'onboarding',
      name: 'Onboarding',
      trigger: { type: 'event', event: 'person.joined', delay: [{ days: 7 }, { days: 30 }, { days: 90 }], time: '10:00', expiresAfterDays: 7 },
      questions: [{ builtin: 'enps' }],
    });
    await syncDirectory(deps, users(['U1', 'U2'])); // the first read: everyone was there already
    deps.clock.set(DateTime.fromISO('2026-12-07T08:00:00Z', { zone: 'utc' })); // Monday
    await syncDirectory(deps, users(['U1', 'U2', 'UNEW']));
    await syncDirectory(deps, users(['U1', 'U2', 'UNEW'])); // the next sync raises nothing again
    await runUntil('2027-03-31T00:00:00Z');
    const newcomer = platform.prompts.filter((p) => `slack:T1:${p.to.userId}` === 'slack:T1:UNEW');
    // Day 7 (14 Dec), day 30 (6 Jan, a Wednesday) and day 90 (7 Mar is a Sunday: Monday 8 Mar), 10:00 in Oslo.
    expect(newcomer.map((p) => p.at.toISOString())).toEqual(['2026-12-14T09:00:00.000Z', '2027-01-06T09:00:00.000Z', '2027-03-08T09:00:00.000Z']);
    expect(platform.prompts).toHaveLength(3);
    // Each step pools apart: the day-7 answers never mix with the day-90 ones.
    expect(new Set(newcomer.map((p) => p.prompt.roundId))).toEqual(new Set(['onboarding:2026-Q4', 'onboarding:2027-Q1.1', 'onboarding:2027-Q1.2']));
  });

  it('pools answers by quarter: nothing shows until k people answered, then the pool appears', async () => {
    deps.clock.set(DateTime.fromISO('2026-11-30T12:00:00Z', { zone: 'utc' })); // a Monday
    const people = await seedPeople(deps, { support: 6 });
    await createSurvey(deps, HR, { ...serviceSurvey, minGroupSize: 5 });
    const answerAll = async (from: number, to: number) => {
      for (const [i, key] of people.slice(from, to).entries()) await raise(key, `T-${from + i}`);
      await runUntil(deps.clock.now().plus({ days: 2 }).toISO() ?? '');
      expect(platform.prompts).toHaveLength(to);
      for (const sent of platform.prompts.slice(from, to)) {
        const { responseToken, binding, roundId } = sent.prompt;
        await recordAnswer(deps, { roundId, person: `slack:T1:${sent.to.userId}`, responseToken, binding, questionId: 'helped', raw: '8' });
      }
    };
    // Q4: three people answer; the quarter closes below k and rolls into Q1.
    await answerAll(0, 3);
    await runUntil('2027-01-02T12:00:00Z');
    const closedQ4 = await deps.store.rounds.get('service:2026-Q4');
    expect(closedQ4?.mergedInto).toBe('service:2027-Q1');
    const hidden = await resultsInRange(deps, { survey: 'service' });
    expect(hidden.kind === 'pulse' ? hidden.rounds : null).toEqual([]);
    // Q1: two more; together five: the Q1 pool (holding Q4 too) shows when it closes.
    deps.clock.set(DateTime.fromISO('2027-02-01T12:00:00Z', { zone: 'utc' }));
    await answerAll(3, 5);
    expect((await resultsInRange(deps, { survey: 'service' })).kind === 'pulse').toBe(true);
    await runUntil('2027-04-03T00:00:00Z');
    const shown = await resultsInRange(deps, { survey: 'service' });
    if (shown.kind !== 'pulse') throw new Error('expected rounds');
    expect(shown.rounds).toHaveLength(1);
    const pool = shown.rounds[0];
    expect(pool?.quarters).toEqual(['2026-Q4', '2027-Q1']);
    const org = pool?.segments.find((s) => s.segment === 'org');
    expect(org?.respondents).toBe(5);
    const helped = org?.questions.find((q) => q.questionId === 'helped');
    expect(helped).toMatchObject({ visible: true, type: 'scale', mean: 8, respondents: 5 });
    // Answers are filed under the department (it has k people), never the team.
    expect(pool?.segments.filter((s) => s.visible).map((s) => [s.segment, s.respondents])).toEqual([
      ['org', 5],
      ['support', 5],
    ]);
  });

  it('the people import raises person.manager_changed when someone gets a different manager, and person.joined for a start date', async () => {
    const [ann = '', bob = ''] = await seedPeople(deps, { support: 2 }); // u001 Oslo, u002 New York
    await createSurvey(deps, HR, {
      id: 'new-manager',
      name: 'New manager',
      trigger: { type: 'event', event: 'person.manager_changed', delay: { days: 30 }, time: '10:00', expiresAfterDays: 7 },
      questions: [{ builtin: 'management-1' }],
    });
    await createSurvey(deps, HR, {
      id: 'onboarding',
      name: 'Onboarding',
      trigger: { type: 'event', event: 'person.joined', delay: { days: 7 }, time: '10:00', expiresAfterDays: 7 },
      questions: [{ builtin: 'enps' }],
    });
    const rows = (manager: string, startDate?: string) => [
      { where: 'people[0]', row: { email: 'u001@example.com', team: 'Support', managerEmail: manager } },
      { where: 'people[1]', row: { email: 'u002@example.com', team: 'Support', managerEmail: 'lead@example.com', ...(startDate ? { startDate } : {}) } },
    ];
    await importPeople(deps, rows('lead@example.com')); // the first manager anyone is given is no change
    await importPeople(deps, rows('lead@example.com', '2026-12-01'));
    await importPeople(deps, rows('new.lead@example.com', '2026-12-01')); // Ann's manager changes; Bob's start date again is no new event
    const requests = await db.database.collections.eventRequests.find({}, { sort: { surveyId: 1 } }).toArray();
    expect(requests.map((r) => [r.surveyId, r.personKey, r.sendDate])).toEqual([
      ['new-manager', ann, '2027-01-04'], // 30 days after Friday 4 December is Sunday 3 January: Monday
      ['onboarding', bob, '2026-12-08'], // 7 days after Tuesday 1 December, 10:00 in New York
    ]);
  });
});
