import { createHash } from 'node:crypto';
import type { DateTime } from 'luxon';
import { buildSegmentTree } from '../../domain/anonymity/segment-tree.js';
import { delaysOf, eventSendTime, type EventDelay } from '../../domain/events/event-trigger.js';
import { DomainError } from '../../domain/errors.js';
import { exitDateForLastDay } from '../../domain/exit-schedule.js';
import { roundPlan } from '../../domain/survey-plan.js';
import { insertOnce } from '../../store/database.js';
import type { PersonDoc } from '../../store/documents/identity.js';
import type { ServiceDeps } from '../deps.js';
import { scheduleExitSurvey } from '../exit-surveys.js';
import { scheduleEventPrompt } from './event-prompt.js';
import { isKnownEvent, surveysOnEvent, type EventSurvey } from './event-surveys.js';
import { ensurePoolRound } from './pool-round.js';

/** Something that happened to one person, as a source reported it. */
export interface RaisedEvent {
  readonly event: string;
  readonly person: PersonDoc;
  readonly occurredAt: DateTime;
  /** The same key twice is one event: nothing changes the second time. */
  readonly idempotencyKey: string;
  /** Who reported it: `api:<key id>`, `source:<name>`, or `pulsebot` (the directory and the people import). */
  readonly source: string;
}

export interface EventOutcome {
  /** True when this key was seen before: nothing was done. */
  readonly duplicate: boolean;
  /** Prompts scheduled by this call. */
  readonly scheduled: number;
}

/** Opaque ids from the idempotency key: the request ids carry no ticket or person reference. */
function keyHash(event: string, key: string): string {
  return createHash('sha256').update(`${event}\n${key}`).digest('hex').slice(0, 32);
}

/** Whether the person is in the survey's audience (everyone, or under one of its segments). */
async function inAudience(deps: ServiceDeps, survey: EventSurvey, person: PersonDoc): Promise<boolean> {
  const audience = survey.survey.definition.audience;
  if (audience.type === 'everyone') return true;
  if (person.segment === null) return false;
  const parents = await deps.store.segments.parents();
  const tree = buildSegmentTree(Object.entries(parents).map(([id, parentId]) => ({ id, parentId })));
  return audience.segments.some((segment) => tree.has(segment) && tree.subtree(segment).includes(person.segment ?? ''));
}

async function scheduleStep(deps: ServiceDeps, raised: RaisedEvent, survey: EventSurvey, delay: EventDelay, step: number, hash: string): Promise<boolean> {
  const { document, trigger } = survey;
  const now = deps.clock.now();
  const zone = raised.person.timezone ?? deps.settings.defaultTimezone;
  const nominal = eventSendTime(raised.occurredAt, delay, trigger.time, zone, raised.occurredAt);
  // Reported so late that the prompt would already have expired: not sent.
  if (nominal.plus({ days: trigger.expiresAfterDays }) <= now) return false;
  const sendAt = eventSendTime(raised.occurredAt, delay, trigger.time, zone, now);
  const expiresAt = sendAt.plus({ days: trigger.expiresAfterDays });
  const plan = roundPlan(document, 0);
  const roundId = await ensurePoolRound(deps, {
    surveyId: document.id,
    kind: 'event',
    step,
    date: sendAt.toISODate() ?? '',
    questionIds: plan.questionIds,
    questions: plan.questions,
    surveyName: document.name,
    anonymity: survey.survey.definition.anonymity,
    expiresAt,
  });
  const outcome = await scheduleEventPrompt(
    deps,
    {
      requestId: `${document.id}|${hash}|${step}`,
      surveyId: document.id,
      event: raised.event,
      step,
      person: raised.person,
      roundId,
      requestedBy: raised.source,
      sendAt,
      expiresAt,
      reminders: document.reminderDays.map((days) => sendAt.plus({ days })),
      locale: null,
    },
    { reopen: false },
  );
  return outcome.status === 'scheduled';
}

/**
 * Checks an event before anything is written (a 422 names what is unknown), then schedules every
 * prompt it asks for: for each active survey HR wrote on this event whose audience holds the
 * person, one prompt per delay of its series, at the trigger's local time in the person's zone.
 * The same idempotency key twice changes nothing: the receipt (no person in it) says so, and each
 * prompt's request id derives from the key, so a call that died half-way is completed by its retry.
 */
export async function raiseEvent(deps: ServiceDeps, raised: RaisedEvent): Promise<EventOutcome> {
  if (raised.event === 'person.leaving') return raiseLeaving(deps, raised);
  const listeners = await surveysOnEvent(deps, raised.event);
  if (!isKnownEvent(raised.event, listeners))
    throw new DomainError(
      'UNKNOWN_EVENT',
      `no survey is triggered by "${raised.event}": create one with trigger {"type": "event", "event": "${raised.event}"}`,
    );
  const hash = keyHash(raised.event, raised.idempotencyKey);
  const receipts = deps.store.database.collections.eventReceipts;
  if ((await receipts.countDocuments({ _id: hash }, { limit: 1 })) > 0) return { duplicate: true, scheduled: 0 };
  let scheduled = 0;
  for (const survey of listeners) {
    if (!survey.survey.active || !(await inAudience(deps, survey, raised.person))) continue;
    const delays = delaysOf(survey.trigger);
    for (const [step, delay] of delays.entries()) if (await scheduleStep(deps, raised, survey, delay, step, hash)) scheduled++;
  }
  const first = await insertOnce(receipts, { _id: hash, event: raised.event, receivedAt: deps.clock.now().toJSDate() });
  return { duplicate: !first && scheduled === 0, scheduled };
}

/**
 * `person.leaving` from a system: the built-in exit survey, with `occurredAt` as the last day (the
 * same timing as `lastDay` of POST /api/v1/exit-surveys). One open exit survey per person, so
 * the same leaver reported twice changes nothing.
 */
async function raiseLeaving(deps: ServiceDeps, raised: RaisedEvent): Promise<EventOutcome> {
  const zone = raised.person.timezone ?? deps.settings.defaultTimezone;
  const today = deps.clock.now().setZone(zone).startOf('day');
  const lastDay = raised.occurredAt.setZone(zone).startOf('day');
  if (lastDay < today)
    throw new DomainError(
      'INVALID_INPUT',
      'for person.leaving, occurredAt is the last working day: it is in the past, so the leaver may no longer be in the chat',
    );
  const outcome = await scheduleExitSurvey(deps, raised.person, { date: exitDateForLastDay(lastDay, today), locale: null, requestedBy: raised.source });
  return outcome.status === 'scheduled' ? { duplicate: false, scheduled: 1 } : { duplicate: true, scheduled: 0 };
}
