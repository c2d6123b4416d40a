import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** How long a sign-in may take at the identity provider (seconds). */
export const PENDING_LOGIN_SECONDS = 600;
const PURPOSE = 'pulsebot-signin-v1';

const pendingSchema = z.object({
  /** The provider key (`slack`, or `entra:<tenant>`). */
  p: z.string().min(1).max(80),
  /** state, nonce and the PKCE code verifier of this one attempt. */
  s: z.string().min(16).max(200),
  n: z.string().min(16).max(200),
  v: z.string().min(43).max(128),
  /** Expires (seconds since the epoch). */
  e: z.number().int().positive(),
});
export type PendingLogin = z.infer<typeof pendingSchema>;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}|${payload}`).digest();
}

/**
 * The sign-in under way, kept in the browser that started it (an HttpOnly cookie signed with
 * PULSE_SECRET) rather than on the server, so any instance can finish it. It is cleared by the
 * callback, so a replayed callback finds nothing to finish.
 */
export function sealPending(secret: string, pending: PendingLogin): string {
  const payload = Buffer.from(JSON.stringify(pending)).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The pending sign-in, or null for anything forged, malformed or expired. */
export function openPending(secret: string, sealed: string | null, nowSeconds: number): PendingLogin | null {
  if (sealed === null || sealed.length > 2_000) return null;
  const [payload, signature, extra] = sealed.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success && parsed.data.e > nowSeconds ? parsed.data : null;
  } catch {
    return null;
  }
}
