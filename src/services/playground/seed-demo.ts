import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { localSendTime, roundDates } from '../../domain/schedule.js';
import { seededRandom } from '../../domain/seeded-random.js';
import { surveyDefinitionSchema, type SurveyDefinition } from '../../domain/survey-definition.js';
import { ManualClock } from '../../ports/clock.js';
import { closeRound } from '../close-round.js';
import type { ServiceDeps } from '../deps.js';
import { dueRoundDates } from '../open-due-rounds.js';
import { recordAnswer } from '../record-answer.js';
import { roundClosesAt, startRound } from '../start-round.js';
import { DEFAULT_SURVEY_ID } from '../surveys.js';
import { personKey } from '../../store/people-repo.js';
import { roundQuestions } from '../round-questions.js';
import { WEB_TENANT } from './demo-org.js';
import { DEMO_EMAIL_DOMAIN, DEMO_HR, DEMO_REPORTABLE, DEMO_TEAMS, DEMO_WEEKS, demoAttributes } from './demo-org.js';
import { setReportableAttributes } from '../people-import.js';
import { answerFor } from './demo-answers.js';
import { seedCustomSurvey } from './seed-custom-survey.js';
import { seedExits } from './seed-exits.js';

export interface SeedReport {
  readonly people: number;
  readonly closedRounds: number;
  readonly openRound: string;
  readonly answers: number;
  readonly leavers: number;
}

interface DemoPerson {
  readonly key: string;
  readonly mood: number;
  readonly index: number;
}

async function seedPeople(deps: ServiceDeps): Promise<DemoPerson[]> {
  const out: DemoPerson[] = [];
  await setReportableAttributes(deps, DEMO_REPORTABLE);
  for (const team of DEMO_TEAMS) {
    await deps.store.segments.upsert({ _id: team.id, name: team.name, parentId: null });
    for (const [i, userId] of team.people.entries()) {
      const leader = i === 0;
      const hr = userId === DEMO_HR;
      const key = await deps.store.people.upsert({
        platform: 'web',
        tenant: WEB_TENANT,
        userId,
        email: `${userId}@${DEMO_EMAIL_DOMAIN}`,
        timezone: team.timezone,
        locale: null,
        segment: team.id,
        segmentSource: 'import',
        attributes: demoAttributes(team, out.length),
        roles: hr ? ['hr', 'admin'] : leader ? ['leader'] : [],
        leads: leader && !hr ? [team.id] : [],
      });
      out.push({ key, mood: team.mood, index: out.length });
    }
  }
  return out;
}

async function answerRound(deps: ServiceDeps, roundId: string, people: readonly DemoPerson[], random: () => number): Promise<number> {
  const round = await deps.store.rounds.get(roundId);
  if (round === null) return 0;
  const questions = roundQuestions(round);
  let answers = 0;
  // A few people at a time: the counters batch their increments, the server stays responsive.
  for (let i = 0; i < people.length; i += 8) {
    const batch = people.slice(i, i + 8).map((person) => ({ person, token: randomUUID(), values: questions.map((q) => answerFor(q, person.mood, random)) }));
    await Promise.all(
      batch.map(async ({ person, token, values }) => {
        for (const [n, question] of questions.entries()) {
          const raw = values[n];
          if (raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0)) continue;
          await recordAnswer(deps, { roundId, person: person.key, responseToken: token, questionId: question.id, raw });
          answers++;
        }
      }),
    );
  }
  return answers;
}

/**
 * Seeds the demo organisation and a month of weekly rounds through the real services (start,
 * answer, close), with a clock of its own moved through the past, then opens this week's round
 * with about a third of the answers in. Deterministic apart from the random response tokens.
 */
export async function seedDemo(deps: ServiceDeps): Promise<SeedReport> {
  const clock = new ManualClock(deps.clock.now());
  // The seed writes history on its own clock: nothing it does is announced to the running app
  // (a delivery loop woken by it would close and send while the past is still being written).
  const { events: _quiet, ...live } = deps;
  const seedDeps: ServiceDeps = { ...live, clock, settings: { ...deps.settings, closeGraceMs: 0 } };
  const random = seededRandom('pulsebot-demo');
  const people = await seedPeople(seedDeps);
  const now = deps.clock.now().toUTC();
  const zone = deps.settings.defaultTimezone;
  const start =
    now
      .setZone(zone)
      .minus({ weeks: DEMO_WEEKS + 1 })
      .startOf('week')
      .toISODate() ?? '';
  const definition: SurveyDefinition = surveyDefinitionSchema.parse({
    id: DEFAULT_SURVEY_ID,
    name: 'Pulse',
    cadence: { every: 'weekly', weekday: 1, time: '10:00', startDate: start },
    anonymity: deps.settings.anonymity,
    defaultLocale: deps.settings.defaultLocale,
  });
  await deps.store.rounds.saveSurvey(definition);

  let answers = 0;
  const past = roundDates(definition.cadence, start, DEMO_WEEKS + 2).filter((date) => roundClosesAt(date, definition.openDays) <= now);
  for (const date of past.slice(-DEMO_WEEKS)) {
    clock.set(localSendTime(date, definition.cadence.time, 'UTC', definition.skipWeekends));
    const round = await startRound(seedDeps, definition, date, { sendNow: true, defaultTimezone: zone });
    // Most people answer; who does varies from week to week.
    answers += await answerRound(
      seedDeps,
      round._id,
      people.filter(() => random() < 0.8),
      random,
    );
    clock.set(DateTime.fromJSDate(round.closesAt).plus({ minutes: 1 }));
    await closeRound(seedDeps, round._id, { graceMs: 0 });
    await deps.store.deliveries.closePending(round._id);
  }

  const custom = await seedCustomSurvey(seedDeps, clock, (roundId) =>
    answerRound(
      seedDeps,
      roundId,
      people.filter(() => random() < 0.8),
      random,
    ),
  );
  answers += custom.answers;

  const leavers = await seedExits({ ...seedDeps, clock }, personKey('web', WEB_TENANT, DEMO_HR), random);

  clock.set(now);
  const due = dueRoundDates(definition, now).at(-1);
  const current = await startRound(seedDeps, definition, due ?? now.setZone(zone).toISODate() ?? '', { sendNow: due === undefined, defaultTimezone: zone });
  // Every third person has answered already, so the live participation is above the threshold.
  answers += await answerRound(
    seedDeps,
    current._id,
    people.filter((p) => p.index % 3 === 1),
    random,
  );
  return { people: people.length, closedRounds: past.slice(-DEMO_WEEKS).length, openRound: current._id, answers, leavers };
}

/** The demo HR person's key (the tests and the page use it). */
export const demoPersonKey = (userId: string) => personKey('web', WEB_TENANT, userId);
