import type { RoundDoc } from '../store/documents/rounds.js';
import { mayDeliver, type PlatformRegistry } from './deliver-due.js';
import type { ServiceDeps } from './deps.js';
import { recipientOf } from './recipient.js';
import { sendFailureOf } from './send-failure.js';

/**
 * Sends the reminders that are due, each only to people the participation ledger says have not
 * taken part (it answers with keyed hashes; nothing here learns more). Every delivery moves past
 * the reminder either way, so the stored state never says who had not answered. A failed send is
 * logged and not retried: a missed nudge is better than a double one.
 */
export async function sendDueReminders(deps: ServiceDeps, platforms: PlatformRegistry, batch = 500): Promise<number> {
  const { store, clock } = deps;
  const now = clock.now().toJSDate();
  const rounds = new Map<string, RoundDoc | null>();
  let sent = 0;
  for (const delivery of await store.deliveries.remindersDue(now, batch)) {
    if (!rounds.has(delivery.roundId)) rounds.set(delivery.roundId, await store.rounds.get(delivery.roundId));
    const round = rounds.get(delivery.roundId) ?? null;
    const open = round !== null && round.state === 'open' && round.closesAt > now && (delivery.expiresAt === null || delivery.expiresAt > now);
    const person = open ? await store.people.get(delivery.personKey) : null;
    const platform = platforms.get(delivery.platform);
    // Another instance holds this workspace's send lease: its reminders are that instance's to send.
    if (person !== null && !(await mayDeliver(deps, person))) continue;
    if (round !== null && open && person?.active && platform && !(await store.ledger.hasTakenPart(round._id, delivery.personKey))) {
      try {
        await platform.sendReminder(recipientOf(deps, person, delivery), {
          roundId: round._id,
          surveyKind: round.kind,
          surveyName: round.surveyName,
          openUntil: delivery.expiresAt ?? round.closesAt,
        });
        sent++;
        deps.metrics?.promptSent(platform.name);
      } catch (error) {
        deps.metrics?.promptFailed(platform.name, sendFailureOf(error));
        deps.logger.warn({ roundId: round._id, code: error instanceof Error ? error.message.slice(0, 100) : 'unknown' }, 'reminder not sent');
      }
    }
    await store.deliveries.reminderProcessed(delivery);
  }
  return sent;
}
