import type { ServiceDeps } from './deps.js';
import { recipientOf } from './recipient.js';
import { closeRound } from './close-round.js';
import type { PlatformRegistry } from './deliver-due.js';

/**
 * Closes every round whose close time has passed, then updates its prompts to say so (no
 * buttons left). Closing first means answers stop even if a chat update fails; prompts already
 * marked are not touched again.
 */
export async function closeDueRounds(deps: ServiceDeps, platforms: PlatformRegistry): Promise<number> {
  const now = deps.clock.now().toJSDate();
  const due = (await deps.store.rounds.openRounds()).filter((round) => round.closesAt <= now);
  let closed = 0;
  for (const round of due) {
    if (!(await closeRound(deps, round._id))) continue;
    closed++;
    for await (const delivery of deps.store.deliveries.sentIn(round._id)) {
      const person = await deps.store.people.get(delivery.personKey);
      const platform = platforms.get(delivery.platform);
      if (person === null || platform === undefined || delivery.messageChannel === null || delivery.messageId === null) continue;
      const recipient = recipientOf(deps, person, delivery);
      try {
        await platform.markClosed(recipient, { channel: delivery.messageChannel, messageId: delivery.messageId }, round.kind);
        await deps.store.deliveries.markPromptClosed(delivery._id);
      } catch (error) {
        deps.logger.warn({ roundId: round._id, code: error instanceof Error ? error.message.slice(0, 100) : 'unknown' }, 'could not mark a prompt closed');
      }
    }
    await deps.store.deliveries.closePending(round._id);
    // Again, now that the prompts are closed: a ledger entry written by an answer another process
    // was still recording when the round closed must not outlive it.
    await deps.store.ledger.purge(round._id);
  }
  return closed;
}
