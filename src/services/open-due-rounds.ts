import { DateTime } from 'luxon';
import { roundDates, type IsoDate } from '../domain/schedule.js';
import type { SurveyDefinition } from '../domain/survey-definition.js';
import { roundId } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';
import { fanOutRunning, roundClosesAt, startRound } from './start-round.js';

/**
 * When a round's fan-out starts: the round date's midnight in the earliest time zone on earth
 * (UTC+14), so every person's deliveries exist before their local send time comes round.
 */
export function roundOpensAt(date: IsoDate): DateTime {
  return DateTime.fromISO(date, { zone: 'Etc/GMT-14' }).startOf('day');
}

/** The round dates of `definition` that should be open at `now` (at most the last few days' worth). */
export function dueRoundDates(definition: SurveyDefinition, now: DateTime): IsoDate[] {
  const from = now
    .toUTC()
    .minus({ days: definition.openDays + 3 })
    .toISODate() as IsoDate;
  return roundDates(definition.cadence, from, 8).filter((date) => roundOpensAt(date) <= now && now < roundClosesAt(date, definition.openDays));
}

/**
 * Opens every round whose time has come, for every active survey. Idempotent: a round that
 * exists and has fanned out costs one read; two schedulers firing together make one round.
 */
export async function openDueRounds(deps: ServiceDeps): Promise<number> {
  const now = deps.clock.now();
  let opened = 0;
  // An empty directory (a fresh install before its first sync) would make an empty round.
  if ((await deps.store.people.count()) === 0) return 0;
  for (const survey of await deps.store.rounds.surveys()) {
    if (!survey.active || survey.archived) continue;
    for (const date of dueRoundDates(survey.definition, now)) {
      const existing = await deps.store.rounds.get(roundId(survey._id, date));
      // Fanning out in this process already (`/pulse send-now` kicks sending while it writes).
      if (existing?.fannedOut === true || (existing !== null && fanOutRunning(deps, existing._id))) continue;
      await startRound(deps, survey.definition, date, { defaultTimezone: deps.settings.defaultTimezone, document: survey.document });
      opened++;
    }
  }
  // A fan-out a dead process left half done (`/pulse send-now` rounds included) is finished.
  for (const round of await deps.store.rounds.openRounds()) {
    if (round.fannedOut || round.kind !== 'pulse' || fanOutRunning(deps, round._id)) continue;
    const survey = await deps.store.rounds.survey(round.surveyId);
    if (survey === null) continue;
    await startRound(deps, survey.definition, round.date, {
      sendNow: round.sendNow,
      defaultTimezone: deps.settings.defaultTimezone,
      document: survey.document,
    });
  }
  return opened;
}

/** The next moment a round of any active survey opens, after `now`. */
export async function nextRoundOpening(deps: ServiceDeps): Promise<DateTime | null> {
  const now = deps.clock.now();
  let next: DateTime | null = null;
  for (const survey of await deps.store.rounds.surveys()) {
    if (!survey.active || survey.archived) continue;
    const from = now.toUTC().minus({ days: 1 }).toISODate() as IsoDate;
    const date = roundDates(survey.definition.cadence, from, 3)
      .map(roundOpensAt)
      .find((at) => at > now);
    if (date && (next === null || date < next)) next = date;
  }
  return next;
}
