import { deliveryId } from '../../store/deliveries-repo.js';
import type { PlatformRegistry } from '../deliver-due.js';
import type { ServiceDeps } from '../deps.js';
import { recipientOf } from '../recipient.js';

/**
 * Event-survey prompts (the exit survey's among them) not answered within their window stop
 * taking answers, and their message says so.
 */
export async function expireEventPrompts(deps: ServiceDeps, platforms: PlatformRegistry): Promise<number> {
  const { eventRequests } = deps.store.database.collections;
  const now = deps.clock.now().toJSDate();
  const due = await eventRequests.find({ state: 'sent', expiresAt: { $lte: now } }).toArray();
  for (const request of due) {
    const delivery = await deps.store.deliveries.get(deliveryId(request.roundId, request.personKey));
    const person = await deps.store.people.get(request.personKey);
    const round = await deps.store.rounds.get(request.roundId);
    const platform = delivery ? platforms.get(delivery.platform) : undefined;
    if (delivery?.state === 'sent' && person && platform && round && delivery.messageChannel && delivery.messageId) {
      const recipient = recipientOf(deps, person, delivery);
      try {
        await platform.markClosed(recipient, { channel: delivery.messageChannel, messageId: delivery.messageId }, round.kind);
        await deps.store.deliveries.markPromptClosed(delivery._id);
      } catch (error) {
        deps.logger.warn(
          { roundId: request.roundId, code: error instanceof Error ? error.message.slice(0, 100) : 'unknown' },
          'could not mark an expired prompt closed',
        );
      }
    }
    await eventRequests.updateOne({ _id: request._id, state: 'sent' }, { $set: { state: 'expired' } });
  }
  return due.length;
}
