import { deliveryId } from '../store/deliveries-repo.js';
import type { PlatformRegistry } from './deliver-due.js';
import type { ServiceDeps } from './deps.js';
import { recipientOf } from './recipient.js';

/** Exit surveys not answered within their window stop taking answers, and their prompt says so. */
export async function expireExitSurveys(deps: ServiceDeps, platforms: PlatformRegistry): Promise<number> {
  const { exitRequests } = deps.store.database.collections;
  const now = deps.clock.now().toJSDate();
  const due = await exitRequests.find({ state: 'sent', expiresAt: { $lte: now } }).toArray();
  for (const request of due) {
    const delivery = await deps.store.deliveries.get(deliveryId(request.roundId, request._id));
    const person = await deps.store.people.get(request._id);
    const platform = delivery ? platforms.get(delivery.platform) : undefined;
    if (delivery?.state === 'sent' && person && platform && delivery.messageChannel && delivery.messageId) {
      const recipient = recipientOf(deps, person, delivery);
      try {
        await platform.markClosed(recipient, { channel: delivery.messageChannel, messageId: delivery.messageId }, 'exit');
        await deps.store.deliveries.markPromptClosed(delivery._id);
      } catch (error) {
        deps.logger.warn(
          { roundId: request.roundId, code: error instanceof Error ? error.message.slice(0, 100) : 'unknown' },
          'could not mark an exit prompt closed',
        );
      }
    }
    await exitRequests.updateOne({ _id: request._id, state: 'sent' }, { $set: { state: 'expired' } });
  }
  return due.length;
}
