import { createHash, randomUUID } from 'node:crypto';

/** A fresh response token for one prompt. It lives in the chat message, never in our database. */
export function newResponseToken(): string {
  return randomUUID();
}

/**
 * The id of the answer to `questionId` given through the prompt that carries `token`: a UUID
 * (version 8, RFC 9562) made from SHA-256 of both. The same click twice gives the same id, so
 * a retried request stores nothing new; without the token, the id says nothing about anyone.
 */
export function responseId(token: string, questionId: string): string {
  const bytes = createHash('sha256').update(`${token}\u001f${questionId}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
