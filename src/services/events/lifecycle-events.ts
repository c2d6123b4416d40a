import { DateTime } from 'luxon';
import type { BuiltinEvent } from '../../domain/events/event-trigger.js';
import type { PersonKey } from '../../store/documents/identity.js';
import type { ServiceDeps } from '../deps.js';
import { raiseEvent } from './raise-event.js';
import { surveysOnEvent } from './event-surveys.js';

/** Something the directory or the people import saw happen to one person. */
export interface LifecycleEvent {
  readonly event: Exclude<BuiltinEvent, 'person.leaving'>;
  readonly person: PersonKey;
  /** The day it happened (YYYY-MM-DD, the person's calendar); null: today. */
  readonly on: string | null;
  /** What makes two of them different events (the new manager); none for a join, which happens once. */
  readonly detail?: string;
}

/**
 * Raises the built-in lifecycle events (`person.joined`, `person.manager_changed`) for the surveys
 * HR turned on for them. Idempotent: the key is the person and what happened, so the next sync or
 * a re-import raises nothing new. A failure is logged and never fails the sync or import.
 */
export async function raiseLifecycleEvents(deps: ServiceDeps, events: readonly LifecycleEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const listening = new Map<string, boolean>();
  let scheduled = 0;
  for (const happened of events) {
    try {
      if (!listening.has(happened.event))
        listening.set(
          happened.event,
          (await surveysOnEvent(deps, happened.event)).some((s) => s.survey.active),
        );
      if (listening.get(happened.event) !== true) continue;
      const person = await deps.store.people.get(happened.person);
      if (person === null || !person.active || person.linkedTo !== null) continue;
      const zone = person.timezone ?? deps.settings.defaultTimezone;
      const occurredAt = happened.on === null ? deps.clock.now().setZone(zone) : DateTime.fromISO(happened.on, { zone });
      const key = [happened.event, person._id, happened.detail ?? '', happened.event === 'person.joined' ? '' : (occurredAt.toISODate() ?? '')].join('|');
      const outcome = await raiseEvent(deps, { event: happened.event, person, occurredAt, idempotencyKey: key, source: 'pulsebot' });
      scheduled += outcome.scheduled;
    } catch (error) {
      deps.logger.warn({ event: happened.event, err: error }, 'could not raise a lifecycle event; the next sync or import tries again');
    }
  }
  return scheduled;
}
