import { DateTime } from 'luxon';
import { DomainError } from '../domain/errors.js';
import { EXIT_SURVEY_ID, addWorkingDays, exitSendTime, nextWorkingDay } from '../domain/exit-schedule.js';
import type { Locale } from '../domain/i18n/locale.js';
import { EXIT_SURVEY_QUESTIONS } from '../domain/templates/exit-survey.js';
import { eventRequestDocSchema, exitRequestId, type EventRequestDoc, type PersonDoc, type PersonKey } from '../store/documents/identity.js';
import { deliveryId } from '../store/deliveries-repo.js';
import { callerKey, loadActor, requireHr, type Caller } from './actors.js';
import type { ServiceDeps } from './deps.js';
import { scheduleEventPrompt } from './events/event-prompt.js';
import { ensurePoolRound } from './events/pool-round.js';

export const EXIT_EXPIRY_DAYS = 14;
export const EXIT_REMINDER_WORKING_DAYS = 2;

export interface ExitSurveyRequest {
  readonly target: PersonKey;
  /** The day to send it (YYYY-MM-DD, the leaver's calendar); default the next working day. */
  readonly date?: string;
  readonly locale?: Locale;
}

export type ExitSurveyOutcome =
  { readonly status: 'scheduled'; readonly request: EventRequestDoc } | { readonly status: 'exists'; readonly request: EventRequestDoc };

/** How far ahead an exit survey may be scheduled: a leaving date further out is a typo. */
const EXIT_MAX_DAYS_AHEAD = 366;

/**
 * Schedules an exit survey DM (HR and admins only): the first event-triggered survey, raised as
 * `person.leaving` by `/exit-survey` and `POST /api/v1/exit-surveys`. One open exit survey per
 * person: asking again reports the one that exists. The answers go to the quarter's pooled exit
 * round, filed under the leaver's department (see poolingSegment), and are shown only once the
 * pool passes the threshold.
 */
export async function requestExitSurvey(deps: ServiceDeps, actorKey: Caller, request: ExitSurveyRequest): Promise<ExitSurveyOutcome> {
  requireHr(await loadActor(deps, actorKey));
  const person = await deps.store.people.get(request.target);
  if (person === null) throw new DomainError('UNKNOWN_PERSON', `no person ${request.target}`);
  return scheduleExitSurvey(deps, person, {
    ...(request.date ? { date: request.date } : {}),
    locale: request.locale ?? null,
    requestedBy: callerKey(actorKey),
  });
}

/**
 * The `person.leaving` event, from HR's command, the exit-surveys API or the events API: schedules
 * the leaver's exit survey on `date` (their calendar; default the next working day) at 10:00.
 */
export async function scheduleExitSurvey(
  deps: ServiceDeps,
  person: PersonDoc,
  request: { readonly date?: string; readonly locale: Locale | null; readonly requestedBy: string },
): Promise<ExitSurveyOutcome> {
  const zone = person.timezone ?? deps.settings.defaultTimezone;
  const now = deps.clock.now();
  const date = request.date ?? nextWorkingDay(now, zone);
  const sendAt = exitSendTime(date, zone);
  if (!sendAt.isValid) throw new DomainError('INVALID_INPUT', `not a date: ${date}`);
  if (sendAt.startOf('day') < now.setZone(zone).startOf('day')) throw new DomainError('INVALID_INPUT', `${date} is in the past`);
  if (sendAt > now.plus({ days: EXIT_MAX_DAYS_AHEAD })) throw new DomainError('INVALID_INPUT', `${date} is more than a year ahead`);
  // Asking again changes nothing, not even the pooled round of the date asked for.
  const open = await deps.store.database.collections.eventRequests.findOne({ _id: exitRequestId(person._id), state: { $in: ['scheduled', 'sent'] } });
  if (open !== null) return { status: 'exists', request: eventRequestDocSchema.parse(open) };
  const expiresAt = sendAt.plus({ days: EXIT_EXPIRY_DAYS });
  const roundId = await ensurePoolRound(deps, {
    surveyId: EXIT_SURVEY_ID,
    kind: 'exit',
    step: 0,
    date,
    questionIds: EXIT_SURVEY_QUESTIONS.map((q) => q.id),
    questions: [],
    surveyName: null,
    anonymity: deps.settings.anonymity,
    expiresAt,
  });
  const sendFrom = DateTime.max(sendAt, now).setZone(zone);
  const outcome = await scheduleEventPrompt(
    deps,
    {
      requestId: exitRequestId(person._id),
      surveyId: EXIT_SURVEY_ID,
      event: 'person.leaving',
      step: 0,
      person,
      roundId,
      requestedBy: request.requestedBy,
      sendAt: sendFrom,
      expiresAt,
      reminders: [addWorkingDays(sendFrom, EXIT_REMINDER_WORKING_DAYS)],
      locale: request.locale,
    },
    { reopen: true },
  );
  if (outcome.status === 'already-asked') throw new Error('unreachable: the exit survey reopens its own request');
  return outcome;
}

/**
 * What cancelling did: `cancelled` before it was sent (nothing goes out); `withdrawn` after it was
 * sent (its prompt takes no more answers and is marked closed on the next tick; whatever was
 * already answered stays in the pool, and the reply never says whether anything was); `none`.
 */
export type ExitCancelOutcome = 'cancelled' | 'withdrawn' | 'none';

/** Cancels an exit survey that is still scheduled, or withdraws one that was sent and has not expired. HR and admins only. */
export async function cancelExitSurvey(deps: ServiceDeps, actorKey: Caller, target: PersonKey): Promise<ExitCancelOutcome> {
  requireHr(await loadActor(deps, actorKey));
  const { eventRequests, deliveries } = deps.store.database.collections;
  const requestId = exitRequestId(target);
  const request = await eventRequests.findOne({ _id: requestId, state: { $in: ['scheduled', 'sent'] } });
  if (request === null) return 'none';
  const id = deliveryId(request.roundId, target);
  const removed = await deliveries.deleteOne({ _id: id, state: 'pending' });
  if (removed.deletedCount === 1) {
    await eventRequests.updateOne({ _id: requestId }, { $set: { state: 'cancelled' } });
    return 'cancelled';
  }
  const now = deps.clock.now().toJSDate();
  if (request.expiresAt <= now) return 'none';
  // Expiring it now reuses the expiry path: answers are refused at once, no reminder goes out,
  // and the next tick marks the prompt closed in the chat.
  await deliveries.updateOne({ _id: id }, { $set: { expiresAt: now } });
  await eventRequests.updateOne({ _id: requestId, state: { $in: ['scheduled', 'sent'] } }, { $set: { expiresAt: now } });
  deps.logger.info({ roundId: request.roundId }, 'exit survey withdrawn');
  // The prompt is marked closed in the chat by the delivery loop: now, not at the next tick.
  deps.events?.emit('deliveries.due');
  return 'withdrawn';
}
