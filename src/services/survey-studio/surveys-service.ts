import { delayLabel, delaysOf } from '../../domain/events/event-trigger.js';
import { announceSurveyChanged } from '../webhooks/announce.js';
import { DefinitionError, DomainError } from '../../domain/errors.js';
import { localSendTime, roundDates, type IsoDate } from '../../domain/schedule.js';
import type { SurveyDocument } from '../../domain/survey-document.js';
import { definitionOf, roundPlan } from '../../domain/survey-plan.js';
import type { SurveyPrompt } from '../../ports/chat-platform.js';
import { roundQuestions } from '../round-questions.js';
import { SURVEY_TEMPLATES, type SurveyTemplate } from '../../domain/templates/survey-templates.js';
import { roundId, type RoundDoc, type SurveyDoc } from '../../store/documents/rounds.js';
import { callerKey, loadActor, requireHr, type Caller } from '../actors.js';
import type { ServiceDeps } from '../deps.js';
import { joinedByFor, startRound } from '../start-round.js';
import { checkedDocument, typeChanges, unknownSurvey } from './check.js';

/**
 * Surveys HR writes (issue #17): one service behind the HR API, the CLI, the dashboard and chat.
 * Every change is checked whole before anything is stored; HR and admins only.
 */

export type SurveyStatus = 'active' | 'paused' | 'archived';

export interface SurveyView {
  readonly id: string;
  readonly name: string;
  readonly status: SurveyStatus;
  /** The document as HR wrote it (defaults filled in); null for the built-in pulse made at install. */
  readonly document: SurveyDocument | null;
  /** The next round dates (none when paused, archived, or a one-off already run). */
  readonly nextRounds: readonly IsoDate[];
  readonly updatedAt: string | null;
}

const statusOf = (doc: SurveyDoc): SurveyStatus => (doc.archived ? 'archived' : doc.active ? 'active' : 'paused');

function today(deps: ServiceDeps): IsoDate {
  return deps.clock.now().setZone(deps.settings.defaultTimezone).toISODate() as IsoDate;
}

/** The next `count` round dates from today on, leaving out a round already opened today. */
async function nextRounds(deps: ServiceDeps, doc: SurveyDoc, count: number): Promise<IsoDate[]> {
  if (statusOf(doc) !== 'active') return [];
  const dates = roundDates(doc.definition.cadence, today(deps), count + 1);
  const first = dates[0];
  const openedToday = first !== undefined && first === today(deps) && (await deps.store.rounds.get(roundId(doc._id, first))) !== null;
  return (openedToday ? dates.slice(1) : dates).slice(0, count);
}

async function view(deps: ServiceDeps, doc: SurveyDoc, count = 3): Promise<SurveyView> {
  return {
    id: doc._id,
    name: doc.definition.name,
    status: statusOf(doc),
    document: doc.document,
    nextRounds: await nextRounds(deps, doc, count),
    updatedAt: doc.updatedAt?.toISOString() ?? null,
  };
}

async function requireSurvey(deps: ServiceDeps, id: string): Promise<SurveyDoc> {
  const doc = await deps.store.rounds.survey(id);
  if (doc === null) throw unknownSurvey(id);
  return doc;
}

export async function listSurveys(deps: ServiceDeps, caller: Caller): Promise<SurveyView[]> {
  requireHr(await loadActor(deps, caller));
  const views = await Promise.all((await deps.store.rounds.surveys()).map((doc) => view(deps, doc)));
  return views.sort((a, b) => a.id.localeCompare(b.id));
}

export async function getSurvey(deps: ServiceDeps, caller: Caller, id: string): Promise<SurveyView> {
  requireHr(await loadActor(deps, caller));
  return view(deps, await requireSurvey(deps, id));
}

/** Creates a survey from a document (or `{"template": …, …overrides}`). SURVEY_EXISTS when the id is taken. */
export async function createSurvey(deps: ServiceDeps, caller: Caller, input: unknown): Promise<SurveyView> {
  requireHr(await loadActor(deps, caller));
  const { document, segments } = await checkedDocument(deps, input);
  const now = deps.clock.now().toJSDate();
  const created = await deps.store.rounds.createSurvey({ _id: document.id, definition: definitionOf(document, segments), document, updatedAt: now });
  if (!created)
    throw new DomainError('SURVEY_EXISTS', `a survey "${document.id}" exists: change it with PUT /api/v1/surveys/${document.id}, or pick another id`);
  deps.logger.info({ surveyId: document.id, by: callerKey(caller) }, 'survey created');
  const stored = await requireSurvey(deps, document.id);
  await announceSurveyChanged(deps, stored, 'created');
  return view(deps, stored);
}

/**
 * Replaces a survey's document. Rounds already open keep the questions they were opened with
 * (each round holds its own snapshot); the next round asks the new ones.
 */
export async function updateSurvey(deps: ServiceDeps, caller: Caller, id: string, input: unknown): Promise<SurveyView> {
  requireHr(await loadActor(deps, caller));
  const existing = await requireSurvey(deps, id);
  if (existing.archived) throw new DomainError('SURVEY_ARCHIVED', `survey "${id}" is archived: it takes no changes; create a new one`);
  const body = typeof input === 'object' && input !== null && !('id' in input) ? { ...input, id } : input;
  if (typeof body === 'object' && body !== null && 'id' in body && body.id !== id) {
    throw new DefinitionError([{ path: 'id', message: `is "${String(body.id)}" but the path names "${id}": a survey's id cannot change` }]);
  }
  const { document, segments } = await checkedDocument(deps, body);
  const issues = typeChanges(document, await deps.store.rounds.roundsOf(id));
  if (issues.length > 0) throw new DefinitionError(issues);
  await deps.store.rounds.replaceSurvey({ ...existing, definition: definitionOf(document, segments), document, updatedAt: deps.clock.now().toJSDate() });
  deps.logger.info({ surveyId: id, by: callerKey(caller) }, 'survey updated');
  const stored = await requireSurvey(deps, id);
  await announceSurveyChanged(deps, stored, 'updated');
  return view(deps, stored);
}

async function setState(deps: ServiceDeps, caller: Caller, id: string, state: SurveyStatus): Promise<SurveyView> {
  requireHr(await loadActor(deps, caller));
  const existing = await requireSurvey(deps, id);
  if (existing.archived && state !== 'archived') throw new DomainError('SURVEY_ARCHIVED', `survey "${id}" is archived: it cannot run again; create a new one`);
  await deps.store.rounds.setSurveyState(id, { active: state === 'active', archived: state === 'archived', updatedAt: deps.clock.now().toJSDate() });
  deps.logger.info({ surveyId: id, state, by: callerKey(caller) }, 'survey state changed');
  const stored = await requireSurvey(deps, id);
  await announceSurveyChanged(deps, stored, state === 'active' ? 'resumed' : state);
  return view(deps, stored);
}

/** No more rounds open until resumed; open rounds run to their close. */
export const pauseSurvey = (deps: ServiceDeps, caller: Caller, id: string) => setState(deps, caller, id, 'paused');
export const resumeSurvey = (deps: ServiceDeps, caller: Caller, id: string) => setState(deps, caller, id, 'active');
/** No more rounds, ever; results stay readable. */
export const archiveSurvey = (deps: ServiceDeps, caller: Caller, id: string) => setState(deps, caller, id, 'archived');

/** Opens a round of the survey today, every prompt due at once. */
export async function roundNow(deps: ServiceDeps, caller: Caller, id: string): Promise<RoundDoc> {
  requireHr(await loadActor(deps, caller));
  return openRoundToday(deps, await requireSurvey(deps, id));
}

/**
 * Opens `survey`'s round dated today with every prompt due at once, once every chat directory has
 * been read since start (a round right after a start would invite only the people read so far).
 * `deliveries.due` is announced as deliveries are written, so the first prompts go out while the
 * rest of the directory is still being written.
 */
export async function openRoundToday(deps: ServiceDeps, survey: SurveyDoc): Promise<RoundDoc> {
  if (survey.archived) throw new DomainError('SURVEY_ARCHIVED', `survey "${survey._id}" is archived: it cannot run again`);
  if (survey.document?.trigger.type === 'event')
    throw new DomainError(
      'INVALID_INPUT',
      `survey "${survey._id}" goes to one person when "${survey.document.trigger.event}" happens to them: report the event with POST /api/v1/events`,
    );
  await deps.directory?.whenReady();
  const round = await startRound(deps, survey.definition, today(deps), {
    sendNow: true,
    defaultTimezone: deps.settings.defaultTimezone,
    document: survey.document,
    onDeliveriesWritten: () => deps.events?.emit('deliveries.due'),
  });
  deps.events?.emit('deliveries.due');
  return round;
}

/** A prompt's stand-in token for previews: no answer can be recorded with it (no round has it). */
const PREVIEW_TOKEN = '00000000-0000-4000-8000-000000000000';

/**
 * The first round's prompt of a document as people would get it, for the editor's live preview:
 * checked like a save (DefinitionError with every problem), stored nowhere.
 */
export async function previewSurvey(deps: ServiceDeps, caller: Caller, input: unknown): Promise<SurveyPrompt> {
  requireHr(await loadActor(deps, caller));
  const { document } = await checkedDocument(deps, input);
  const plan = roundPlan(document, 0);
  return {
    roundId: `${document.id}:preview`,
    surveyKind: 'pulse',
    surveyName: document.name,
    questions: roundQuestions({ questionIds: [...plan.questionIds], questions: [...plan.questions] }),
    responseToken: PREVIEW_TOKEN,
    binding: '',
    minGroupSize: document.minGroupSize ?? deps.settings.anonymity.minGroupSize,
    orgName: deps.settings.orgName,
  };
}

export function surveyTemplates(): readonly SurveyTemplate[] {
  return SURVEY_TEMPLATES;
}

export interface DryRun {
  readonly action: 'create' | 'update';
  /** Top-level fields whose value changes (all of them on create). */
  readonly changed: readonly string[];
  /** The next three rounds: the date and the local send time in each zone of the audience. */
  readonly nextRounds: readonly {
    readonly date: IsoDate;
    readonly zones: readonly { readonly zone: string; readonly people: number; readonly sendAt: string }[];
  }[];
  /** An event-triggered survey has no dated rounds: what sends it instead. */
  readonly onEvent?: { readonly event: string; readonly delays: readonly string[]; readonly time: string; readonly expiresAfterDays: number };
}

/** What applying `input` would do, without doing it (`survey apply --dry-run`). */
export async function dryRun(deps: ServiceDeps, caller: Caller, input: unknown): Promise<DryRun> {
  requireHr(await loadActor(deps, caller));
  const { document, segments } = await checkedDocument(deps, input);
  const existing = await deps.store.rounds.survey(document.id);
  if (existing?.archived === true) throw new DomainError('SURVEY_ARCHIVED', `survey "${document.id}" is archived: it takes no changes`);
  if (existing !== null) {
    const issues = typeChanges(document, await deps.store.rounds.roundsOf(document.id));
    if (issues.length > 0) throw new DefinitionError(issues);
  }
  const before = (existing?.document ?? {}) as Record<string, unknown>;
  const after = document as unknown as Record<string, unknown>;
  const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  const definition = definitionOf(document, segments);
  const tree = await deps.store.segments.tree();
  const scope = definition.audience.type === 'segments' ? definition.audience.segments.flatMap((s) => tree.subtree(s)) : null;
  const nextRounds = [];
  for (const date of roundDates(definition.cadence, today(deps), 3)) {
    const byZone = new Map<string, number>();
    for (const [zone, n] of await deps.store.people.zonesOf(definition.audience, scope, joinedByFor(definition, date))) {
      byZone.set(zone ?? deps.settings.defaultTimezone, (byZone.get(zone ?? deps.settings.defaultTimezone) ?? 0) + n);
    }
    nextRounds.push({
      date,
      zones: [...byZone]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([zone, people]) => ({ zone, people, sendAt: localSendTime(date, definition.cadence.time, zone, definition.skipWeekends).toISO() ?? '' })),
    });
  }
  const trigger = document.trigger;
  const onEvent =
    trigger.type === 'event'
      ? { event: trigger.event, delays: delaysOf(trigger).map(delayLabel), time: trigger.time, expiresAfterDays: trigger.expiresAfterDays }
      : undefined;
  return { action: existing === null ? 'create' : 'update', changed, nextRounds, ...(onEvent ? { onEvent } : {}) };
}
