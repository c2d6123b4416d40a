import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** How the next sign-in at the fake goes: as it should, or one of the ways it must be refused. */
export type NextLogin = 'ok' | 'forged' | 'wrong_audience' | 'expired' | 'deny';

interface IssuedCode {
  readonly claims: Record<string, unknown>;
  readonly nonce: string;
  readonly challenge: string;
  readonly redirectUri: string;
  readonly mode: NextLogin;
}

/**
 * A local OpenID Connect provider for the tests, standing in for Slack's (`https://slack.com`)
 * or Microsoft Entra ID's (`https://login.microsoftonline.com/<tenant>/v2.0`): a discovery
 * document, a JWKS with an RSA key made for this run, an authorization endpoint that signs in
 * whoever the test names (no login form), and a token endpoint that checks the client, the code
 * (once only) and PKCE, and signs the ID token. It can also sign with a key it never published,
 * for another audience, or already expired.
 */
export class FakeOidcProvider {
  private next: { claims: Record<string, unknown>; mode: NextLogin } | null = null;
  private readonly codes = new Map<string, IssuedCode>();
  /** Codes redeemed, in order (a replay shows up as a second redemption attempt). */
  readonly redemptions: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly client: { id: string; secret: string },
    private readonly key: { private: CryptoKey; kid: string; public: JWK },
    private readonly forger: CryptoKey,
  ) {}

  static async start(options: { path?: string; clientId: string; clientSecret: string }): Promise<FakeOidcProvider> {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const forger = await generateKeyPair('RS256');
    const kid = randomBytes(8).toString('hex');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' };
    let fake: FakeOidcProvider | null = null;
    const server = createServer((req, res) => {
      void fake?.handle(req, res).catch(() => {
        res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fake = new FakeOidcProvider(
      server,
      `${origin}${options.path ?? ''}`,
      { id: options.clientId, secret: options.clientSecret },
      { private: pair.privateKey, kid, public: jwk },
      forger.privateKey,
    );
    return fake;
  }

  /** Who signs in next (their ID token claims besides the standard ones), and how it goes. */
  signInNext(claims: Record<string, unknown>, mode: NextLogin = 'ok'): void {
    this.next = { claims, mode };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private get path(): string {
    return new URL(this.issuer).pathname.replace(/\/$/, '');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    switch (url.pathname) {
      case `${this.path}/.well-known/openid-configuration`:
        return json(200, {
          issuer: this.issuer,
          authorization_endpoint: `${this.issuer}/authorize`,
          token_endpoint: `${this.issuer}/token`,
          jwks_uri: `${this.issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
          scopes_supported: ['openid', 'email', 'profile'],
        });
      case `${this.path}/jwks`:
        return json(200, { keys: [this.key.public] });
      case `${this.path}/authorize`:
        return this.authorize(url, res);
      case `${this.path}/token`:
        return this.token(req, json);
      default:
        return json(404, { error: 'not_found' });
    }
  }

  private authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    const back = new URL(redirectUri);
    back.searchParams.set('state', q.get('state') ?? '');
    const next = this.next;
    this.next = null;
    if (
      q.get('client_id') !== this.client.id ||
      q.get('response_type') !== 'code' ||
      q.get('code_challenge_method') !== 'S256' ||
      next === null ||
      next.mode === 'deny'
    ) {
      back.searchParams.set('error', next === null || next.mode === 'deny' ? 'access_denied' : 'invalid_request');
    } else {
      const code = randomBytes(16).toString('hex');
      this.codes.set(code, { claims: next.claims, nonce: q.get('nonce') ?? '', challenge: q.get('code_challenge') ?? '', redirectUri, mode: next.mode });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.href });
    res.end();
  }

  private async token(req: IncomingMessage, json: (status: number, body: unknown) => void): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent) : [];
    const clientId = basicId ?? form.get('client_id');
    const clientSecret = basicSecret ?? form.get('client_secret');
    if (clientId !== this.client.id || clientSecret !== this.client.secret) return json(401, { error: 'invalid_client' });
    const code = form.get('code') ?? '';
    this.redemptions.push(code);
    const issued = this.codes.get(code);
    this.codes.delete(code); // a code is good once
    const verifier = form.get('code_verifier') ?? '';
    if (
      issued === undefined ||
      form.get('grant_type') !== 'authorization_code' ||
      form.get('redirect_uri') !== issued.redirectUri ||
      createHash('sha256').update(verifier).digest('base64url') !== issued.challenge
    ) {
      return json(400, { error: 'invalid_grant' });
    }
    const nowSeconds = Math.floor(performance.timeOrigin / 1000 + performance.now() / 1000);
    const issuedAt = issued.mode === 'expired' ? nowSeconds - 7_200 : nowSeconds;
    const idToken = await new SignJWT({ ...issued.claims, nonce: issued.nonce })
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid })
      .setIssuer(this.issuer)
      .setSubject(typeof issued.claims.sub === 'string' ? issued.claims.sub : 'subject')
      .setAudience(issued.mode === 'wrong_audience' ? 'some-other-client' : this.client.id)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 600)
      .sign(issued.mode === 'forged' ? this.forger : this.key.private);
    return json(200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 600, id_token: idToken });
  }
}
