import { z } from 'zod';
import { conversationMessageSchema } from '../../domain/comment-conversation.js';

/**
 * A conversation on one comment (issue #19), answer side. Its id IS the comment's id: an HMAC of
 * the prompt's secret token (keyed with PULSE_SECRET), so only the message holding the token can
 * find it again, and the database holds no path from it to a person: no user, channel, message
 * id, or time finer than the round's date.
 */
export const conversationDocSchema = z.object({
  _id: z.uuid(),
  roundId: z.string().min(1),
  roundDate: z.iso.date(),
  /** The comment's reporting segment (who may read it is judged on it). */
  segment: z.string().min(1),
  messages: z.array(conversationMessageSchema),
});
export type ConversationDoc = z.infer<typeof conversationDocSchema>;
