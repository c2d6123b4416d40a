import type { PersonKey } from '../store/documents/identity.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';

export interface OpenSurvey {
  readonly surveyKind: RoundDoc['kind'];
  /** The name HR gave the survey; null: the built-in title of its kind. */
  readonly surveyName: string | null;
  readonly closesAt: Date;
}

/** The surveys a person has been sent and can still answer (for a home tab). */
export async function openSurveysOf(deps: ServiceDeps, person: PersonKey): Promise<OpenSurvey[]> {
  const out: OpenSurvey[] = [];
  for (const roundId of await deps.store.deliveries.openPromptsOf(person)) {
    const round = await deps.store.rounds.get(roundId);
    if (round?.state === 'open') out.push({ surveyKind: round.kind, surveyName: round.surveyName, closesAt: round.closesAt });
  }
  return out;
}
