import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localSendTime } from '../../src/domain/schedule.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { nextWakeAt, runScheduleTick } from '../../src/services/schedule-tick.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps, weeklyPulse } from '../support/fixtures.js';

const ZONES = ['Europe/Oslo', 'America/New_York', 'Asia/Kolkata'];

describe('two months of a weekly pulse across DST, driven by the injected clock', () => {
  let db: TestDatabase;
  let deps: ReturnType<typeof testDeps>;
  let platform: RecordingPlatform;
  const answerers = new Set<string>();
  const answeredAt = new Map<string, Date>(); // `round|person` → when they answered
  let ticks = 0;

  beforeAll(async () => {
    db = await openTestDatabase();
    deps = testDeps(db.database, '2026-09-20T00:00:00Z');
    platform = new RecordingPlatform(deps.clock);
    const survey = weeklyPulse({ cadence: { every: 'weekly', weekday: 1, time: '09:00', startDate: '2026-09-21' }, openDays: 5, reminderDays: [3] });
    await deps.store.rounds.saveSurvey(survey);
    for (let i = 0; i < 9; i++) {
      const key = await deps.store.people.upsert({
        platform: 'slack',
        tenant: 'T1',
        userId: `U${i}`,
        email: null,
        timezone: ZONES[i % 3] ?? null,
        locale: 'en',
        segment: null,
      });
      if (i % 3 !== 2) answerers.add(key); // two in three answer as soon as they get the prompt
    }
    const end = DateTime.fromISO('2026-11-24T00:00:00Z').toJSDate();
    const platforms = new Map([['slack' as const, platform]]);
    let handled = 0;
    for (;;) {
      const wake = await nextWakeAt(deps);
      if (wake === null || wake > end) break;
      if (wake > deps.clock.now().toJSDate()) deps.clock.set(DateTime.fromJSDate(wake, { zone: 'utc' }));
      await runScheduleTick(deps, platforms);
      ticks++;
      for (const sent of platform.prompts.slice(handled)) {
        const person = `slack:T1:${sent.to.userId}`;
        if (!answerers.has(person)) continue;
        for (const question of sent.prompt.questions) {
          const raw = question.kind === 'scale' ? 8 : question.kind === 'text' ? 'ok' : 4;
          await recordAnswer(deps, {
            roundId: sent.prompt.roundId,
            person,
            responseToken: sent.prompt.responseToken,
            binding: sent.prompt.binding,
            questionId: question.id,
            raw,
          });
        }
        answeredAt.set(`${sent.prompt.roundId}|${person}`, deps.clock.now().toJSDate());
      }
      handled = platform.prompts.length;
      if (ticks > 1000) throw new Error('the schedule did not settle');
    }
  }, 120_000);

  afterAll(async () => {
    await db.dispose();
  });

  it('opens every round once and sends each person exactly one prompt per round', async () => {
    const rounds = (await db.database.collections.rounds.find({}).sort({ date: 1 }).toArray()).map((r) => r.date);
    expect(rounds).toEqual([
      '2026-09-21',
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    const perRoundAndPerson = new Map<string, number>();
    for (const p of platform.prompts) {
      const key = `${p.prompt.roundId}|${p.to.userId}`;
      perRoundAndPerson.set(key, (perRoundAndPerson.get(key) ?? 0) + 1);
    }
    expect(perRoundAndPerson.size).toBe(10 * 9);
    expect([...perRoundAndPerson.values()].every((n) => n === 1)).toBe(true);
  });

  it('every prompt leaves within a minute of 09:00 in the person’s own zone, across both DST changes', async () => {
    const people = await db.database.collections.people.find({}).toArray();
    const zoneOf = new Map(people.map((p) => [p.userId, p.timezone ?? 'UTC']));
    for (const p of platform.prompts) {
      const date = p.prompt.roundId.split(':')[1] ?? '';
      const due = localSendTime(date, '09:00', zoneOf.get(p.to.userId) ?? 'UTC', true).toJSDate();
      const late = p.at.getTime() - due.getTime();
      expect(late, `${p.prompt.roundId} ${p.to.userId}`).toBeGreaterThanOrEqual(0);
      expect(late, `${p.prompt.roundId} ${p.to.userId}`).toBeLessThanOrEqual(60_000);
    }
    const oslo = platform.prompts.filter((p) => p.to.userId === 'U0').map((p) => p.at.toISOString().slice(11, 16));
    expect(oslo.slice(4, 6)).toEqual(['07:00', '08:00']); // 19 Oct (CEST) and 26 Oct (CET)
  });

  it('reminds only people who had not answered, once, three days after their prompt', () => {
    expect(platform.reminders.length).toBeGreaterThan(0);
    for (const r of platform.reminders) {
      const person = `slack:T1:${r.to.userId}`;
      expect(answerers.has(person), person).toBe(false);
      const prompt = platform.prompts.find((p) => p.to.userId === r.to.userId && p.prompt.roundId === r.reminder.roundId);
      expect(r.at.getTime() - (prompt?.at.getTime() ?? 0)).toBeLessThanOrEqual(3 * 86_400_000 + 60 * 60_000);
    }
    const perRound = new Map<string, number>();
    for (const r of platform.reminders) perRound.set(`${r.reminder.roundId}|${r.to.userId}`, (perRound.get(`${r.reminder.roundId}|${r.to.userId}`) ?? 0) + 1);
    expect([...perRound.values()].every((n) => n === 1)).toBe(true);
    // 3 non-answerers × the 9 rounds whose reminder came before the end of the run
    expect(perRound.size).toBe(27);
  });

  it('closes rounds when their time is up, with final counts and the ledger purged', async () => {
    const rounds = await db.database.collections.rounds.find({}).sort({ date: 1 }).toArray();
    const closed = rounds.filter((r) => r.state === 'closed');
    expect(closed.map((r) => r.date)).toEqual(rounds.slice(0, 9).map((r) => r.date));
    for (const round of closed) {
      expect(await db.database.collections.participation.countDocuments({ roundId: round._id })).toBe(0);
      const respondents = (await deps.store.counters.roundTotals(round._id)).respondents;
      expect(respondents, round._id).toBe(6);
    }
    expect(platform.closed.length).toBe(9 * 9);
    expect(ticks).toBeLessThan(200);
  });
});
