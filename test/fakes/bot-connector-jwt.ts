/** The signing side of the fake Bot Framework: an RSA key made per test run and RS256 JWTs signed with it. */
import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  /** The public half as a JWK, as an OpenID metadata's jwks_uri publishes it. */
  readonly jwk: { kty: 'RSA'; kid: string; use: 'sig'; n: string; e: string; endorsements: string[] };
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const exported = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kid, privateKey, jwk: { kty: 'RSA', kid, use: 'sig', n: exported.n, e: exported.e, endorsements: ['msteams', 'directline', 'webchat'] } };
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** A compact RS256 JWT with `kid`; `alg: 'none'` gives an unsigned token. */
export function signJwt(claims: Record<string, unknown>, key: SigningKey, options: { alg?: 'RS256' | 'none'; kid?: string } = {}): string {
  const alg = options.alg ?? 'RS256';
  const header = b64url(JSON.stringify({ alg, typ: 'JWT', kid: options.kid ?? key.kid }));
  const payload = b64url(JSON.stringify(claims));
  if (alg === 'none') return `${header}.${payload}.`;
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}
