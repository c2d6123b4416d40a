import * as oidc from 'openid-client';
import type { OidcClientConfig, SignInConfig } from '../../../src/config-signin.js';

/** Why a sign-in was refused; each has its own page saying what to do. */
export type SignInFailure = 'expired_or_replayed' | 'refused_by_provider' | 'invalid_token' | 'unavailable' | 'not_in_directory';

export class SignInError extends Error {
  constructor(
    readonly failure: SignInFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** One way to sign in: `slack`, or `entra:<tenant id>`. */
export interface SignInProvider {
  readonly key: string;
  readonly kind: 'slack' | 'entra';
  readonly client: OidcClientConfig;
}

export function providersOf(config: SignInConfig): SignInProvider[] {
  return [
    ...(config.slack ? [{ key: 'slack', kind: 'slack' as const, client: config.slack }] : []),
    ...(config.entra?.tenants ?? []).map((client) => ({ key: `entra:${/\/([^/]+)\/v2\.0$/.exec(client.issuer)?.[1] ?? ''}`, kind: 'entra' as const, client })),
  ];
}

/** Plain HTTP only for an issuer on this machine (the tests' fake identity providers). */
function isLoopback(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

/**
 * OpenID Connect sign-in (authorization code flow with PKCE, state and nonce) through
 * openid-client. Discovery documents are read once per provider and kept; a failed read is tried
 * again on the next sign-in.
 */
export class OidcSignIn {
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>();

  constructor(private readonly callbackBase: string) {}

  private configuration(provider: SignInProvider): Promise<oidc.Configuration> {
    let found = this.configurations.get(provider.key);
    if (found === undefined) {
      const issuer = new URL(provider.client.issuer);
      // openid-client trusts an ID token from the token endpoint on TLS alone by default; check
      // its signature against the provider's published keys too, so a forged one is refused.
      const checks = [oidc.enableNonRepudiationChecks, ...(isLoopback(issuer) ? [oidc.allowInsecureRequests] : [])];
      found = oidc.discovery(issuer, provider.client.clientId, provider.client.clientSecret, undefined, { execute: checks });
      found.catch(() => this.configurations.delete(provider.key));
      this.configurations.set(provider.key, found);
    }
    return found;
  }

  callbackUrl(provider: SignInProvider): string {
    return `${this.callbackBase}/auth/callback/${encodeURIComponent(provider.key)}`;
  }

  /** Where to send the browser, and the secrets of this attempt (kept by the caller until the callback). */
  async start(provider: SignInProvider): Promise<{ url: URL; state: string; nonce: string; verifier: string }> {
    const config = await this.configuration(provider).catch((error: unknown) => {
      throw new SignInError('unavailable', `discovery of ${provider.client.issuer} failed: ${(error as Error).message}`);
    });
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.callbackUrl(provider),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, verifier };
  }

  /**
   * Redeems the code of the callback at `currentUrl` and checks the ID token (signature against
   * the provider's keys, issuer, audience, expiry, nonce; the state first). Returns the person
   * key the account is known by in the directory.
   */
  async finish(provider: SignInProvider, currentUrl: URL, expected: { state: string; nonce: string; verifier: string }): Promise<string> {
    const refused = currentUrl.searchParams.get('error');
    if (refused !== null) throw new SignInError('refused_by_provider', `the provider answered ${refused.slice(0, 80)}`);
    if (currentUrl.searchParams.get('state') !== expected.state)
      throw new SignInError('expired_or_replayed', "the state does not match this browser's sign-in");
    const config = await this.configuration(provider).catch((error: unknown) => {
      throw new SignInError('unavailable', `discovery failed: ${(error as Error).message}`);
    });
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: expected.verifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      throw new SignInError('invalid_token', (error as Error).message);
    }
    if (claims === undefined) throw new SignInError('invalid_token', 'no ID token');
    return personKeyOf(provider, claims);
  }
}

/** The directory's key for the signed-in account: `slack:<team>:<user>` or `teams:<tenant>:<object id>`. */
function personKeyOf(provider: SignInProvider, claims: oidc.IDToken): string {
  const text = (name: string): string | null => {
    const value = claims[name];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  if (provider.kind === 'slack') {
    const team = text('https://slack.com/team_id');
    const user = text('https://slack.com/user_id');
    if (team === null || user === null) throw new SignInError('invalid_token', 'the ID token names no Slack workspace or user');
    return `slack:${team}:${user}`;
  }
  const tenant = text('tid');
  const objectId = text('oid');
  if (tenant === null || objectId === null || `entra:${tenant.toLowerCase()}` !== provider.key)
    throw new SignInError('invalid_token', 'the ID token names another tenant or no object id');
  return `teams:${tenant}:${objectId}`;
}
