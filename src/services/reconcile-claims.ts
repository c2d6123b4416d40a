import type { PlatformRegistry } from './deliver-due.js';
import type { ServiceDeps } from './deps.js';
import { recipientOf } from './recipient.js';

/** A claim older than this belongs to a process that died between sending and recording. */
export const CLAIM_LEASE_MS = 10 * 60_000;

/**
 * Settles deliveries left `claimed` by a process that died mid-send, before anything could send
 * them again: the platform is asked to find the prompt (Teams keeps the activity id; Slack could
 * only with a history scope pulsebot does not ask for). Found: recorded as sent. Not found: marked
 * failed with `unknown_after_crash` and never resent, because a second prompt to the same person
 * is the one outcome pulsebot must not produce. Each such case is logged for an operator.
 */
export async function reconcileStaleClaims(deps: ServiceDeps, platforms: PlatformRegistry): Promise<number> {
  const { store, clock } = deps;
  const before = new Date(clock.now().toMillis() - CLAIM_LEASE_MS);
  const stale = await store.deliveries.staleClaims(before);
  for (const delivery of stale) {
    const person = await store.people.get(delivery.personKey);
    const platform = platforms.get(delivery.platform);
    const ref =
      person && platform
        ? await platform
            .findPrompt(recipientOf(deps, person, delivery), delivery.roundId)
            .catch(() => null)
        : null;
    if (ref) await store.deliveries.markSent(delivery._id, ref.channel, ref.messageId);
    else {
      await store.deliveries.markFailed(delivery._id, 'unknown_after_crash');
      deps.logger.warn({ roundId: delivery.roundId }, 'a prompt was being sent when a process died and cannot be confirmed; it is not resent');
    }
  }
  return stale.length;
}
