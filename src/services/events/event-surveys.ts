import { BUILTIN_EVENTS, type EventTrigger } from '../../domain/events/event-trigger.js';
import type { SurveyDocument } from '../../domain/survey-document.js';
import type { SurveyDoc } from '../../store/documents/rounds.js';
import type { ServiceDeps } from '../deps.js';

export interface EventSurvey {
  readonly survey: SurveyDoc;
  readonly document: SurveyDocument;
  readonly trigger: EventTrigger;
}

/** The surveys HR wrote that `event` triggers, archived ones left out (paused ones included: see `active`). */
export async function surveysOnEvent(deps: ServiceDeps, event: string): Promise<EventSurvey[]> {
  const out: EventSurvey[] = [];
  for (const survey of await deps.store.rounds.surveys()) {
    const document = survey.document;
    if (survey.archived || document === null || document.trigger.type !== 'event' || document.trigger.event !== event) continue;
    out.push({ survey, document, trigger: document.trigger });
  }
  return out;
}

/** An event pulsebot knows: one it raises itself, or one a survey HR wrote listens for. */
export function isKnownEvent(event: string, listeners: readonly EventSurvey[]): boolean {
  return (BUILTIN_EVENTS as readonly string[]).includes(event) || listeners.length > 0;
}
