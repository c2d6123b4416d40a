import { z } from 'zod';

/**
 * A leader's one-click acknowledgement of a comment (issue #19): "Thank you", "Good point",
 * "We're looking into it", "Can you say more?". Rendered from the i18n catalogs.
 */
export const ACKNOWLEDGEMENTS = ['thanks', 'good-point', 'looking-into-it', 'say-more'] as const;
export type Acknowledgement = (typeof ACKNOWLEDGEMENTS)[number];
export const acknowledgementSchema = z.enum(ACKNOWLEDGEMENTS);

/** The longest reply either side may write (a chat modal's text input holds 3000). */
export const MAX_REPLY_CHARS = 2000;

export const replyTextSchema = z.string().trim().min(1, 'write a reply').max(MAX_REPLY_CHARS, `at most ${MAX_REPLY_CHARS} characters`);

/**
 * One message in a comment's conversation. No author, no time: a leader's message says only that
 * a leader wrote it; the author's is "the author"; the order of the list is the only order kept.
 */
export const conversationMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ack'), from: z.literal('leader'), ack: acknowledgementSchema }),
  z.object({ kind: z.literal('reply'), from: z.enum(['leader', 'author']), text: replyTextSchema }),
]);
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;

/** At most this many messages in one conversation (a thread, not a chat). */
export const MAX_MESSAGES = 50;
