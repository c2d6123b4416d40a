import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * Signed, expiring dashboard links: `base64url(payload).base64url(HMAC-SHA256(secret, payload))`.
 * The payload names the person (their key on the identity side) and when the link expires; the
 * person's roles are checked again on every request, so a revoked role closes the dashboard.
 */
export const DASHBOARD_LINK_HOURS = 12;
const PURPOSE = 'pulsebot-dashboard-v1';

/** `n` makes every link unique, so each can be used once (see dashboard-session.ts). */
const payloadSchema = z.object({ p: z.string().min(1).max(300), e: z.number().int().positive(), n: z.string().max(40).optional() });
export type DashboardClaims = { readonly person: string; readonly expiresAt: number };

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}|${payload}`).digest();
}

/** A token for `person` valid until `now + hours` (seconds since the epoch, from the injected clock). */
export function signDashboardToken(secret: string, person: string, now: DateTime, hours = DASHBOARD_LINK_HOURS): string {
  const payload = Buffer.from(JSON.stringify({ p: person, e: Math.floor(now.plus({ hours }).toSeconds()), n: randomBytes(12).toString('base64url') })).toString(
    'base64url',
  );
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The claims of a genuine, unexpired token; null for anything forged, malformed or expired. */
export function verifyDashboardToken(secret: string, token: string, now: DateTime): DashboardClaims | null {
  if (token.length > 2000) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const claims = payloadSchema.safeParse(parsed);
  if (!claims.success || claims.data.e <= now.toSeconds()) return null;
  return { person: claims.data.p, expiresAt: claims.data.e };
}

/** The link the bot sends: the dashboard address with the token. */
export function dashboardLink(publicUrl: string, token: string): string {
  return `${publicUrl}/dashboard?t=${encodeURIComponent(token)}`;
}
