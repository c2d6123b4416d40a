import { z } from 'zod';

/**
 * A dashboard session, server-side. `_id` is the SHA-256 of the random session id the browser
 * holds, so a copy of the database cannot be used to sign in; `csrf` is the session's
 * synchronizer token for state-changing requests.
 */
export const webSessionDocSchema = z.object({
  _id: z.string().regex(/^[0-9a-f]{64}$/),
  person: z.string().min(1),
  csrf: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
});
export type WebSessionDoc = z.infer<typeof webSessionDocSchema>;

/** A sign-in link already exchanged for a session (its SHA-256), kept until the link would have expired. */
export interface UsedLinkDoc {
  readonly _id: string;
  readonly expiresAt: Date;
}
