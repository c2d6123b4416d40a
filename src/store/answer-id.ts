import { createHmac } from 'node:crypto';

/**
 * The id of the answer to `questionId` given through the prompt that carries `token`: a UUID
 * (version 8, RFC 9562) made from HMAC-SHA256(PULSE_SECRET, token, question). The same click
 * twice gives the same id, so a retried request stores nothing new. Keyed, so that even someone
 * holding both the chat messages (where the token is) and a copy of the database cannot link an
 * answer to its prompt without the secret, which the database does not hold.
 */
export function responseId(secret: string, token: string, questionId: string): string {
  const bytes = createHmac('sha256', secret).update(`answer\u001f${token}\u001f${questionId}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
