import { DateTime } from 'luxon';
import { DomainError } from '../domain/errors.js';
import { EXIT_SURVEY_ID, addWorkingDays, exitRoundId, exitSendTime, nextWorkingDay, quarterStart } from '../domain/exit-schedule.js';
import type { Locale } from '../domain/i18n/locale.js';
import { ORG_ROOT } from '../domain/anonymity/segment-tree.js';
import { EXIT_SURVEY_QUESTIONS } from '../domain/templates/exit-survey.js';
import { exitRequestDocSchema, type ExitRequestDoc, type PersonKey } from '../store/documents/identity.js';
import { insertOnce } from '../store/database.js';
import { deliveryId } from '../store/deliveries-repo.js';
import { callerKey, loadActor, requireHr, type Caller } from './actors.js';
import type { ServiceDeps } from './deps.js';

export const EXIT_EXPIRY_DAYS = 14;
export const EXIT_REMINDER_WORKING_DAYS = 2;

export interface ExitSurveyRequest {
  readonly target: PersonKey;
  /** The day to send it (YYYY-MM-DD, the leaver's calendar); default the next working day. */
  readonly date?: string;
  readonly locale?: Locale;
}

export type ExitSurveyOutcome =
  { readonly status: 'scheduled'; readonly request: ExitRequestDoc } | { readonly status: 'exists'; readonly request: ExitRequestDoc };

/**
 * The segment a leaver's answers are filed under: their department (the top of their branch of
 * the segment tree) when it has at least k active people, else the whole organisation, so the
 * answer side never names a group too small to hide in. Reports then show a department only
 * once its pooled answers pass the threshold.
 */
async function exitReportingSegment(deps: ServiceDeps, segment: string | null): Promise<string> {
  const tree = await deps.store.segments.tree();
  if (segment === null || !tree.has(segment)) return ORG_ROOT;
  let department = segment;
  for (let up = tree.parent(department); up !== null && up !== tree.root; up = tree.parent(department)) department = up;
  if (department === tree.root) return ORG_ROOT;
  const people = await deps.store.database.collections.people.countDocuments({ active: true, segment: { $in: tree.subtree(department) } });
  return people >= deps.settings.anonymity.minGroupSize ? department : ORG_ROOT;
}

/** How far ahead an exit survey may be scheduled: a leaving date further out is a typo. */
const EXIT_MAX_DAYS_AHEAD = 366;

/** Makes sure the pooled exit round for the quarter of `date` exists and takes answers. */
async function ensureExitRound(deps: ServiceDeps, date: string, expiresAt: DateTime): Promise<string> {
  const id = exitRoundId(date);
  const quarterEnd = DateTime.fromISO(quarterStart(date), { zone: 'utc' }).plus({ months: 3 });
  const closesAt = DateTime.max(quarterEnd, expiresAt.toUTC()).plus({ days: 1 });
  await deps.store.rounds.createOnce({
    _id: id,
    surveyId: EXIT_SURVEY_ID,
    kind: 'exit',
    date: quarterStart(date),
    index: 0,
    questionIds: EXIT_SURVEY_QUESTIONS.map((q) => q.id),
    anonymity: deps.settings.anonymity,
    opensAt: deps.clock.now().toJSDate(),
    closesAt: closesAt.toJSDate(),
    state: 'open',
    countsFinal: false,
    fannedOut: true,
    segmentParents: await deps.store.segments.parents(),
  });
  await deps.store.rounds.extendClose(id, closesAt.toJSDate());
  return id;
}

/**
 * Schedules an exit survey DM (HR and admins only). One open exit survey per person: asking
 * again reports the one that exists. The answers go to the quarter's pooled exit round, filed
 * under the leaver's department (see exitReportingSegment), and are shown only once the pool
 * passes the threshold.
 */
export async function requestExitSurvey(deps: ServiceDeps, actorKey: Caller, request: ExitSurveyRequest): Promise<ExitSurveyOutcome> {
  requireHr(await loadActor(deps, actorKey));
  const person = await deps.store.people.get(request.target);
  if (person === null) throw new DomainError('UNKNOWN_PERSON', `no person ${request.target}`);
  const zone = person.timezone ?? deps.settings.defaultTimezone;
  const now = deps.clock.now();
  const date = request.date ?? nextWorkingDay(now, zone);
  const sendAt = exitSendTime(date, zone);
  if (!sendAt.isValid) throw new DomainError('INVALID_INPUT', `not a date: ${date}`);
  if (sendAt.startOf('day') < now.setZone(zone).startOf('day')) throw new DomainError('INVALID_INPUT', `${date} is in the past`);
  if (sendAt > now.plus({ days: EXIT_MAX_DAYS_AHEAD })) throw new DomainError('INVALID_INPUT', `${date} is more than a year ahead`);
  const { exitRequests } = deps.store.database.collections;
  // Asking again changes nothing, not even the pooled round of the date asked for.
  const open = await exitRequests.findOne({ _id: person._id, state: { $in: ['scheduled', 'sent'] } });
  if (open !== null) return { status: 'exists', request: exitRequestDocSchema.parse(open) };
  const expiresAt = sendAt.plus({ days: EXIT_EXPIRY_DAYS });
  const roundId = await ensureExitRound(deps, date, expiresAt);

  const doc = exitRequestDocSchema.parse({
    _id: person._id,
    state: 'scheduled',
    roundId,
    requestedBy: callerKey(actorKey),
    sendDate: date,
    sendAt: DateTime.max(sendAt, now).toJSDate(),
    expiresAt: expiresAt.toJSDate(),
    locale: request.locale ?? null,
  });
  const created =
    (await insertOnce(exitRequests, doc)) ||
    (await exitRequests.replaceOne({ _id: doc._id, state: { $in: ['cancelled', 'expired'] } }, doc)).modifiedCount === 1;
  if (!created) {
    const existing = exitRequestDocSchema.parse(await exitRequests.findOne({ _id: doc._id }));
    return { status: 'exists', request: existing };
  }
  await deps.store.deliveries.replacePending({
    _id: deliveryId(roundId, person._id),
    roundId,
    personKey: person._id,
    platform: person.platform,
    reportingSegment: await exitReportingSegment(deps, person.segment),
    sendAt: doc.sendAt,
    locale: doc.locale,
    reminders: [addWorkingDays(DateTime.fromJSDate(doc.sendAt, { zone }), EXIT_REMINDER_WORKING_DAYS).toJSDate()],
    expiresAt: doc.expiresAt,
  });
  deps.logger.info({ roundId }, 'exit survey scheduled');
  // One due today goes out now, not at the next tick.
  deps.events?.emit('deliveries.due');
  return { status: 'scheduled', request: doc };
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
  const { exitRequests, deliveries } = deps.store.database.collections;
  const request = await exitRequests.findOne({ _id: target, state: { $in: ['scheduled', 'sent'] } });
  if (request === null) return 'none';
  const id = deliveryId(request.roundId, target);
  const removed = await deliveries.deleteOne({ _id: id, state: 'pending' });
  if (removed.deletedCount === 1) {
    await exitRequests.updateOne({ _id: target }, { $set: { state: 'cancelled' } });
    return 'cancelled';
  }
  const now = deps.clock.now().toJSDate();
  if (request.expiresAt <= now) return 'none';
  // Expiring it now reuses the expiry path: answers are refused at once, no reminder goes out,
  // and the next tick marks the prompt closed in the chat.
  await deliveries.updateOne({ _id: id }, { $set: { expiresAt: now } });
  await exitRequests.updateOne({ _id: target, state: { $in: ['scheduled', 'sent'] } }, { $set: { expiresAt: now } });
  deps.logger.info({ roundId: request.roundId }, 'exit survey withdrawn');
  // The prompt is marked closed in the chat by the delivery loop: now, not at the next tick.
  deps.events?.emit('deliveries.due');
  return 'withdrawn';
}
