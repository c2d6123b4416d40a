import { exitRequestId } from '../../src/store/documents/identity.js';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeRound } from '../../src/services/close-round.js';
import { requestExitSurvey } from '../../src/services/exit-surveys.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { applyRetention } from '../../src/services/retention.js';
import { SummaryDeliveriesRepo } from '../../src/store/summary-deliveries-repo.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { startRound } from '../../src/services/start-round.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { runUntil as runScheduleUntil } from '../support/run-until.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

describe('exit survey timing and retention', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let platform: RecordingPlatform;
  let platforms: Map<'slack', RecordingPlatform>;

  beforeEach(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-11-20T12:00:00Z'); // a Friday
    platform = new RecordingPlatform(deps.clock);
    platforms = new Map([['slack', platform]]);
  });
  afterEach(async () => {
    await db.dispose();
  });

  const runUntil = (iso: string) => runScheduleUntil(deps, platforms, iso);

  it('goes out at 10:00 the next working day, reminds once after 2 working days, expires after 14 days', async () => {
    const [leaver = ''] = await seedPeople(deps, { sales: 1 }); // Europe/Oslo
    await requestExitSurvey(deps, 'slack:T1:UHR', { target: leaver });
    await runUntil('2026-12-10T00:00:00Z');
    expect(platform.prompts.map((p) => p.at.toISOString())).toEqual(['2026-11-23T09:00:00.000Z']);
    expect(platform.reminders.map((r) => r.at.toISOString())).toEqual(['2026-11-25T09:00:00.000Z']);
    const token = platform.prompts[0]?.prompt.responseToken ?? '';
    const binding = platform.prompts[0]?.prompt.binding ?? '';
    await expect(
      recordAnswer(deps, { roundId: 'exit:2026-Q4', person: leaver, responseToken: token, binding, questionId: 'exit-keep', raw: 'x' }),
    ).rejects.toMatchObject({
      code: 'ROUND_CLOSED',
    });
    expect((await db.database.collections.eventRequests.findOne({ _id: exitRequestId(leaver) }))?.state).toBe('expired');
    expect(platform.closed).toHaveLength(1);
  });

  it('a leaver who answered gets no reminder', async () => {
    const [leaver = ''] = await seedPeople(deps, { sales: 1 });
    await requestExitSurvey(deps, 'slack:T1:UHR', { target: leaver });
    await runUntil('2026-11-23T10:00:00Z');
    const token = platform.prompts[0]?.prompt.responseToken ?? '';
    const binding = platform.prompts[0]?.prompt.binding ?? '';
    await recordAnswer(deps, { roundId: 'exit:2026-Q4', person: leaver, responseToken: token, binding, questionId: 'exit-rate-pay', raw: 2 });
    await runUntil('2026-12-10T00:00:00Z');
    expect(platform.reminders).toHaveLength(0);
  });

  it('retention deletes raw answers older than the window and keeps the counters', async () => {
    const people = await seedPeople(deps, { sales: 5 });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    for (const person of people) {
      await recordAnswer(deps, { roundId: round._id, person, responseToken: newResponseToken(), questionId: 'comment', raw: 'hello' });
    }
    await closeRound(deps, round._id);
    const counters = await db.database.collections.counters.countDocuments({});
    deps.clock.set(DateTime.fromISO('2027-06-01T00:00:00Z', { zone: 'utc' }));
    expect(await applyRetention(deps, 12)).toMatchObject({ comments: 0, deliveries: 5 });
    deps.clock.set(DateTime.fromISO('2027-12-01T00:00:00Z', { zone: 'utc' }));
    expect(await applyRetention(deps, 12)).toMatchObject({ comments: 5 });
    expect(await db.database.collections.comments.countDocuments({})).toBe(0);
    expect(await db.database.collections.counters.countDocuments({})).toBe(counters);
  });

  it('retention deletes weekly-summary records after 12 weeks and dashboard sessions a day after they end', async () => {
    const summaries = new SummaryDeliveriesRepo(db.database);
    const now = deps.clock.now().toJSDate();
    for (const week of ['2026-W30', '2026-W47']) expect(await summaries.claim(week, 'slack:T1:U001', now)).toBe(true);
    const live = await deps.store.webSessions.create('slack:T1:U001', now, deps.clock.now().plus({ hours: 12 }).toJSDate());
    const ended = await deps.store.webSessions.create('slack:T1:U002', now, deps.clock.now().plus({ hours: 12 }).toJSDate());
    await deps.store.webSessions.revoke(ended.id, now);
    deps.clock.set(deps.clock.now().plus({ days: 2 }));
    const report = await applyRetention(deps, 12);
    expect(report).toMatchObject({ summaryDeliveries: 1, webSessions: 2 });
    expect((await db.database.db.collection('summary_deliveries').find({}).toArray()).map((d) => String(d.week))).toEqual(['2026-W47']);
    // The live one expired too (12 h), so both are gone; a session made now is kept.
    expect(await db.database.collections.webSessions.countDocuments({})).toBe(0);
    expect(live.id).not.toBe(ended.id);
    await deps.store.webSessions.create('slack:T1:U001', deps.clock.now().toJSDate(), deps.clock.now().plus({ hours: 12 }).toJSDate());
    expect((await applyRetention(deps, 12)).webSessions).toBe(0);
  });
});
