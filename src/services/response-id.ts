import { randomUUID } from 'node:crypto';

/** A fresh response token for one prompt. It lives in the chat message, never in our database. */
export function newResponseToken(): string {
  return randomUUID();
}
