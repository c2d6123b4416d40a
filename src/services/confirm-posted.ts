import type { MessageRef } from '../ports/chat-platform.js';
import type { ServiceDeps } from './deps.js';

/**
 * The platform reports that a prompt was posted (Slack's `message_metadata_posted`). Normally the
 * sender has recorded it already and nothing changes; if the sender died between posting and
 * recording, this records it, so reconciliation will not send it again. True if it recorded.
 */
export async function confirmPromptPosted(deps: ServiceDeps, deliveryId: string, ref: MessageRef): Promise<boolean> {
  const recorded = await deps.store.deliveries.confirmPosted(deliveryId, ref.channel, ref.messageId);
  if (recorded) deps.logger.info({ roundId: deliveryId.split('|')[0] }, 'a prompt whose sender died was reported posted by the platform; recorded');
  return recorded;
}
