import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * The Standard Webhooks scheme (standardwebhooks.com), both ways: `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature` = `v1,` + base64 HMAC-SHA256 of
 * `id.timestamp.body` under a `whsec_` secret. Signing uses the reference library; the timestamp
 * is checked against the injected clock (the library would read the machine's).
 */

/** How far a signed request's timestamp may be from now. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** A new secret, `whsec_` + 32 random bytes in base64, shown once to whoever holds the other end. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface SignedHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/** The three headers of a message `id` sent at `at` with `body`. */
export function signWebhook(secret: string, id: string, at: Date, body: string): SignedHeaders {
  const timestamp = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, timestamp, body),
  };
}

export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Checks a request against one secret: the timestamp within the tolerance of `nowMs`, and one of
 * the space-separated `v1,` signatures equal (in constant time) to the expected one.
 */
export function verifyWebhook(secret: string, headers: Partial<SignedHeaders>, body: string, nowMs: number): VerifyResult {
  const id = headers['webhook-id'];
  const stamp = headers['webhook-timestamp'];
  const given = headers['webhook-signature'];
  if (!id || !stamp || !given) return { ok: false, reason: 'send the webhook-id, webhook-timestamp and webhook-signature headers' };
  const seconds = /^\d{1,12}$/.test(stamp) ? Number(stamp) : NaN;
  if (!Number.isFinite(seconds)) return { ok: false, reason: 'webhook-timestamp must be Unix seconds' };
  if (Math.abs(nowMs / 1000 - seconds) > SIGNATURE_TOLERANCE_SECONDS)
    return { ok: false, reason: 'webhook-timestamp is more than 5 minutes from now: sign each request when you send it' };
  let expected: string;
  try {
    expected = new Webhook(secret).sign(id, new Date(seconds * 1000), body).split(',')[1] ?? '';
  } catch {
    return { ok: false, reason: 'the signature does not match' };
  }
  const want = Buffer.from(expected, 'base64');
  for (const part of given.split(' ')) {
    const [version, signature] = part.split(',');
    if (version !== 'v1' || signature === undefined) continue;
    const got = Buffer.from(signature, 'base64');
    if (got.length === want.length && timingSafeEqual(got, want)) return { ok: true };
  }
  return { ok: false, reason: 'the signature does not match: sign "<webhook-id>.<webhook-timestamp>.<body>" with the source’s secret' };
}
