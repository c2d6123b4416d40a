import type { DateTime } from 'luxon';
import type { Locale } from '../../domain/i18n/locale.js';
import { insertOnce } from '../../store/database.js';
import { deliveryId } from '../../store/deliveries-repo.js';
import { eventRequestDocSchema, type EventRequestDoc, type PersonDoc } from '../../store/documents/identity.js';
import type { ServiceDeps } from '../deps.js';
import { poolingSegment } from './pool-round.js';

/** One prompt an event asks for: who, which pool, when it goes, when it stops taking answers. */
export interface EventPrompt {
  readonly requestId: string;
  readonly surveyId: string;
  readonly event: string;
  readonly step: number;
  readonly person: PersonDoc;
  readonly roundId: string;
  readonly requestedBy: string;
  /** In the person's zone. */
  readonly sendAt: DateTime;
  readonly expiresAt: DateTime;
  readonly reminders: readonly DateTime[];
  readonly locale: Locale | null;
}

export type EventPromptOutcome =
  | { readonly status: 'scheduled'; readonly request: EventRequestDoc }
  /** This request was made before (the same idempotency key, or the exit survey already open). */
  | { readonly status: 'exists'; readonly request: EventRequestDoc }
  /** The person already has this survey's prompt in this pool (at most one a quarter and step). */
  | { readonly status: 'already-asked' };

/**
 * Writes the request (identity side: who is asked, when) and the delivery the delivery loop sends
 * at its time; the reminders and expiry go with the delivery, so the loop needs to know nothing
 * about events. `reopen`: a request of the same id that was cancelled or expired is replaced (HR
 * asking for the exit survey again); otherwise the same id twice changes nothing.
 */
export async function scheduleEventPrompt(deps: ServiceDeps, prompt: EventPrompt, options: { readonly reopen: boolean }): Promise<EventPromptOutcome> {
  const { eventRequests } = deps.store.database.collections;
  const now = deps.clock.now();
  const found = await eventRequests.findOne({ _id: prompt.requestId });
  if (found !== null && !(options.reopen && (found.state === 'cancelled' || found.state === 'expired')))
    return { status: 'exists', request: eventRequestDocSchema.parse(found) };
  const delivery = deliveryId(prompt.roundId, prompt.person._id);
  if (!options.reopen && (await deps.store.deliveries.get(delivery)) !== null) return { status: 'already-asked' };

  const sendAt = prompt.sendAt < now ? now : prompt.sendAt;
  const doc = eventRequestDocSchema.parse({
    _id: prompt.requestId,
    surveyId: prompt.surveyId,
    personKey: prompt.person._id,
    event: prompt.event,
    step: prompt.step,
    state: 'scheduled',
    roundId: prompt.roundId,
    requestedBy: prompt.requestedBy,
    sendDate: prompt.sendAt.toISODate(),
    sendAt: sendAt.toJSDate(),
    expiresAt: prompt.expiresAt.toJSDate(),
    locale: prompt.locale,
  });
  const created =
    (await insertOnce(eventRequests, doc)) ||
    (options.reopen && (await eventRequests.replaceOne({ _id: doc._id, state: { $in: ['cancelled', 'expired'] } }, doc)).modifiedCount === 1);
  if (!created) return { status: 'exists', request: eventRequestDocSchema.parse(await eventRequests.findOne({ _id: doc._id })) };
  await deps.store.deliveries.replacePending({
    _id: delivery,
    roundId: prompt.roundId,
    personKey: prompt.person._id,
    platform: prompt.person.platform,
    reportingSegment: await poolingSegment(deps, prompt.person.segment),
    sendAt: doc.sendAt,
    locale: doc.locale,
    reminders: prompt.reminders.filter((at) => at < prompt.expiresAt).map((at) => at.toJSDate()),
    expiresAt: doc.expiresAt,
  });
  deps.logger.info({ roundId: prompt.roundId, surveyId: prompt.surveyId }, 'event survey scheduled');
  // One due now goes out now, not at the next tick.
  deps.events?.emit('deliveries.due');
  return { status: 'scheduled', request: doc };
}
