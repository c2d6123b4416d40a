import { isDomainError } from '../../domain/errors.js';
import type { Translator } from '../../domain/i18n/translate.js';
import { isAdmin } from '../../domain/roles.js';
import type { PersonKey } from '../../store/documents/identity.js';
import { loadActor } from '../../services/actors.js';
import type { ServiceDeps } from '../../services/deps.js';
import { listSurveys, pauseSurvey, resumeSurvey, type SurveyView } from '../../services/survey-studio/surveys-service.js';

/** `surveys`, `pause <survey>`, `resume <survey>` in chat: the survey studio's service, worded for a person. */

function surveyLine(view: SurveyView, t: Translator): string {
  const args = { name: view.name, id: view.id };
  if (view.status === 'paused') return t('talk.surveys.paused', args);
  if (view.status === 'archived') return t('talk.surveys.archived', args);
  const date = view.nextRounds[0];
  return date === undefined ? t('talk.surveys.activeNoDate', args) : t('talk.surveys.active', { ...args, date });
}

/** Every survey with its state and next round (HR and admins). */
export async function surveysText(deps: ServiceDeps, actor: PersonKey, t: Translator, newline: string): Promise<string> {
  try {
    const surveys = await listSurveys(deps, actor);
    return surveys.length === 0 ? t('talk.surveys.none') : surveys.map((view) => `• ${surveyLine(view, t)}`).join(newline);
  } catch (error) {
    if (isDomainError(error, 'NOT_AUTHORIZED')) return t('talk.survey.notAllowed');
    throw error;
  }
}

/** Pauses or resumes a survey by id (admins). */
export async function pauseResumeText(deps: ServiceDeps, actor: PersonKey, action: 'pause' | 'resume', survey: string, t: Translator): Promise<string> {
  if (!isAdmin(await loadActor(deps, actor))) return t('cmd.adminOnly');
  try {
    const view = await (action === 'pause' ? pauseSurvey : resumeSurvey)(deps, actor, survey);
    return action === 'pause'
      ? t('talk.survey.paused', { survey: view.name })
      : t('talk.survey.resumed', { survey: view.name, date: view.nextRounds[0] ?? '-' });
  } catch (error) {
    if (isDomainError(error, 'UNKNOWN_SURVEY')) return t('cmd.sendNow.unknownSurvey', { survey });
    if (isDomainError(error, 'SURVEY_ARCHIVED')) return t('talk.survey.isArchived', { survey });
    throw error;
  }
}
