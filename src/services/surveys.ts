import { DomainError } from '../domain/errors.js';
import { roundDates } from '../domain/schedule.js';
import { surveyDefinitionSchema, type SurveyDefinition } from '../domain/survey-definition.js';
import type { PersonKey } from '../store/documents/identity.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import { loadActor, requireAdmin } from './actors.js';
import type { ServiceDeps } from './deps.js';
import { openRoundToday } from './survey-studio/surveys-service.js';

export const DEFAULT_SURVEY_ID = 'pulse';

/** A fresh installation's pulse: weekly, Monday 10:00 in each person's zone, everyone. */
export async function ensureDefaultSurvey(deps: ServiceDeps): Promise<SurveyDefinition> {
  const existing = await deps.store.rounds.survey(DEFAULT_SURVEY_ID);
  if (existing !== null) return existing.definition;
  const definition = surveyDefinitionSchema.parse({
    id: DEFAULT_SURVEY_ID,
    name: 'Pulse',
    // From tomorrow: installing on a Monday morning must not fire a round at once.
    cadence: {
      every: 'weekly',
      weekday: 1,
      time: '10:00',
      startDate: deps.clock.now().setZone(deps.settings.defaultTimezone).plus({ days: 1 }).toISODate() as string,
    },
    anonymity: deps.settings.anonymity,
    defaultLocale: deps.settings.defaultLocale,
  });
  await deps.store.rounds.saveSurvey(definition);
  return definition;
}

/** Starts a round of `surveyId` today with every prompt due at once (admins only; see `openRoundToday`). */
export async function sendNow(deps: ServiceDeps, actorKey: PersonKey, surveyId: string = DEFAULT_SURVEY_ID): Promise<RoundDoc> {
  requireAdmin(await loadActor(deps, actorKey));
  if (surveyId === DEFAULT_SURVEY_ID) await ensureDefaultSurvey(deps);
  const survey = await deps.store.rounds.survey(surveyId);
  if (survey === null) throw new DomainError('UNKNOWN_SURVEY', `no survey ${surveyId}`);
  return openRoundToday(deps, survey);
}

export interface OpenRoundStatus {
  readonly roundId: string;
  readonly kind: RoundDoc['kind'];
  readonly date: string;
  readonly closesAt: Date;
  readonly invited: number;
  readonly respondents: number;
  readonly deliveries: Record<string, number>;
}

export interface Status {
  readonly open: readonly OpenRoundStatus[];
  readonly next: readonly { readonly surveyId: string; readonly name: string; readonly date: string }[];
}

/** Open rounds with participation so far, and each survey's next round date (admins only). */
export async function status(deps: ServiceDeps, actorKey: PersonKey): Promise<Status> {
  requireAdmin(await loadActor(deps, actorKey));
  const open = await Promise.all(
    (await deps.store.rounds.openRounds()).map(async (round): Promise<OpenRoundStatus> => {
      const totals = await deps.store.counters.roundTotals(round._id);
      return {
        roundId: round._id,
        kind: round.kind,
        date: round.date,
        closesAt: round.closesAt,
        invited: totals.invited,
        respondents: totals.respondents,
        deliveries: await deps.store.deliveries.countByState(round._id),
      };
    }),
  );
  const from = deps.clock.now().plus({ days: 1 }).toISODate() as string;
  const next = (await deps.store.rounds.surveys())
    .filter((s) => s.active && !s.archived)
    .map((s) => ({ surveyId: s._id, name: s.definition.name, date: roundDates(s.definition.cadence, from, 1)[0] ?? '' }));
  return { open, next };
}
