import { DateTime } from 'luxon';
import { roundDates } from '../../domain/schedule.js';
import type { ManualClock } from '../../ports/clock.js';
import { operator } from '../actors.js';
import { closeRound } from '../close-round.js';
import type { ServiceDeps } from '../deps.js';
import { roundClosesAt, startRound } from '../start-round.js';
import { createSurvey } from '../survey-studio/surveys-service.js';
import { demoSurvey } from './demo-survey.js';

/**
 * The demo's own survey, created through the survey service as HR would, with its last two
 * monthly rounds run, answered (through `answer`) and closed on the seed's clock.
 */
export async function seedCustomSurvey(
  deps: ServiceDeps,
  clock: ManualClock,
  answer: (roundId: string) => Promise<number>,
): Promise<{ rounds: number; answers: number }> {
  const now = clock.now();
  const start = now.minus({ months: 3 }).startOf('month').toISODate() ?? '';
  const view = await createSurvey(deps, operator('cli', 'playground'), demoSurvey(start));
  const survey = await deps.store.rounds.survey(view.id);
  if (survey === null) return { rounds: 0, answers: 0 };
  const { definition, document } = survey;
  const past = roundDates(definition.cadence, start, 6).filter((date) => roundClosesAt(date, definition.openDays) <= now);
  let answers = 0;
  for (const date of past.slice(-2)) {
    clock.set(DateTime.fromISO(`${date}T08:00:00Z`));
    const round = await startRound(deps, definition, date, { sendNow: true, defaultTimezone: deps.settings.defaultTimezone, document });
    answers += await answer(round._id);
    clock.set(DateTime.fromJSDate(round.closesAt).plus({ minutes: 1 }));
    await closeRound(deps, round._id, { graceMs: 0 });
    await deps.store.deliveries.closePending(round._id);
  }
  clock.set(now);
  return { rounds: past.slice(-2).length, answers };
}
