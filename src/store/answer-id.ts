import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The id of the answer to `questionId` given through the prompt that carries `token`: a UUID
 * (version 8, RFC 9562) made from HMAC-SHA256(PULSE_SECRET, token, question). The same click
 * twice gives the same id, so a retried request stores nothing new. Keyed, so that even someone
 * holding both the chat messages (where the token is) and a copy of the database cannot link an
 * answer to its prompt without the secret, which the database does not hold.
 */
/**
 * The tag that binds a prompt's token to the person it was sent to: HMAC-SHA256(PULSE_SECRET,
 * token, person key), 16 bytes in base64url. It travels beside the token in the prompt's buttons
 * and is checked on every click against the person clicking, so someone holding another person's
 * message (a compliance export, a backup) cannot answer through it, or learn anything from trying.
 */
export function promptTag(secret: string, token: string, person: string): string {
  return createHmac('sha256', secret).update(`bind\u001f${token}\u001f${person}`).digest().subarray(0, 16).toString('base64url');
}

/** Whether `tag` is the one `promptTag` gives for this token and person (in constant time). */
export function promptTagMatches(secret: string, token: string, person: string, tag: string | undefined): boolean {
  if (tag === undefined) return false;
  const given = Buffer.from(tag);
  const wanted = Buffer.from(promptTag(secret, token, person));
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function responseId(secret: string, token: string, questionId: string): string {
  const bytes = createHmac('sha256', secret).update(`answer\u001f${token}\u001f${questionId}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
