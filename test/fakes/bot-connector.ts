/**
 * A local fake of the Microsoft Bot Framework for the Teams tests, on one HTTP server:
 * - the OpenID metadata and JWKS the bot reads to check the JWTs on incoming activities
 *   (the signing key is generated per run; see bot-connector-jwt.ts);
 * - the login endpoint that gives the bot its outbound token (client credentials);
 * - the Bot Connector (`serviceUrl`): conversations, activities (post, update), paged members,
 *   which refuses calls without a token it issued and can answer 429.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKey, signJwt, type SigningKey } from './bot-connector-jwt.js';

export interface RosterMember {
  /** Bot-scoped id, `29:…` */
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email: string;
  readonly userRole?: 'user' | 'guest';
}

export interface PostedActivity {
  readonly id: string;
  readonly conversationId: string;
  /** The activity as last posted or updated. */
  activity: Record<string, unknown>;
  updates: number;
}

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly status: number;
  /** The Authorization header the bot sent, if any. */
  readonly authorization: string | null;
  /** performance.now() when the call arrived. */
  readonly at: number;
}

export const FAKE_CHANNEL_ISSUER = 'https://api.botframework.test';
export const FAKE_OAUTH_SCOPE = 'https://api.botframework.test';

export class FakeBotConnector {
  readonly key: SigningKey = generateSigningKey();
  /** Team id → roster. */
  readonly rosters = new Map<string, RosterMember[]>();
  readonly conversations = new Map<string, { members: string[]; tenantId: string | null }>();
  readonly activities: PostedActivity[] = [];
  readonly calls: ConnectorCall[] = [];
  readonly tokenRequests: { clientId: string; scope: string; ok: boolean }[] = [];
  /** The next N activity posts answer this status (429 by default) instead of posting. */
  failNextPosts = 0;
  failStatus = 429;
  /** How long the connector takes to answer a post of this activity (a slow network, a busy service). */
  postDelayMs: (activity: Record<string, unknown>) => number = () => 0;
  /** Local mode (the Emulator): the connector takes calls without a token. */
  requireAuth = true;
  private readonly issued = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly appId: string,
    readonly appPassword: string,
  ) {}

  static async start(appId: string, appPassword: string): Promise<FakeBotConnector> {
    let fake: FakeBotConnector | null = null;
    const server = createServer((req, res) => {
      void fake?.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fake = new FakeBotConnector(server, url, appId, appPassword);
    return fake;
  }

  get serviceUrl(): string {
    return `${this.url}/connector/`;
  }

  /** The Bot Framework endpoint overrides that point the bot at this fake (sovereign-cloud style). */
  env(): Record<string, string> {
    return {
      ToBotFromChannelOpenIdMetadataUrl: `${this.url}/openid/channel/.well-known/openidconfiguration`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${this.url}/openid/emulator/.well-known/openidconfiguration`,
      ToBotFromChannelTokenIssuer: FAKE_CHANNEL_ISSUER,
      ToChannelFromBotLoginUrl: `${this.url}/login/botframework.com`,
      ToChannelFromBotOAuthScope: FAKE_OAUTH_SCOPE,
      OAuthUrl: `${this.url}/oauth`,
      CallerId: 'urn:botframework:test',
      ValidateAuthority: 'false',
    };
  }

  /** A channel token for an activity: signed by the published key unless told otherwise. */
  channelToken(serviceUrl: string, overrides: Record<string, unknown> = {}, options: { alg?: 'RS256' | 'none'; key?: SigningKey } = {}): string {
    const now = Math.floor(performance.timeOrigin / 1000 + performance.now() / 1000);
    const claims = { iss: FAKE_CHANNEL_ISSUER, aud: this.appId, serviceurl: serviceUrl, nbf: now - 10, iat: now - 10, exp: now + 3600, ...overrides };
    return signJwt(claims, options.key ?? this.key, { alg: options.alg ?? 'RS256', kid: this.key.kid });
  }

  activitiesIn(conversationId: string): PostedActivity[] {
    return this.activities.filter((a) => a.conversationId === conversationId);
  }

  /** The 1:1 conversation the bot opened with (or was given for) a member id. */
  conversationWith(memberId: string): string | undefined {
    for (const [id, c] of this.conversations) if (c.members.length === 1 && c.members[0] === memberId) return id;
    return undefined;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname;
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');

    if (req.method === 'GET' && /^\/openid\/(channel|emulator)\/\.well-known\/openidconfiguration$/.test(path)) {
      return this.json(res, 200, { issuer: FAKE_CHANNEL_ISSUER, jwks_uri: `${this.url}/openid/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.method === 'GET' && path === '/openid/keys') return this.json(res, 200, { keys: [this.key.jwk] });
    if (req.method === 'POST' && path === '/login/botframework.com/oauth2/v2.0/token') {
      const form = new URLSearchParams(raw);
      const ok = form.get('grant_type') === 'client_credentials' && form.get('client_id') === this.appId && form.get('client_secret') === this.appPassword;
      this.tokenRequests.push({ clientId: form.get('client_id') ?? '', scope: form.get('scope') ?? '', ok });
      if (!ok) return this.json(res, 401, { error: 'invalid_client' });
      const token = randomBytes(24).toString('hex');
      this.issued.add(token);
      return this.json(res, 200, { token_type: 'Bearer', expires_in: 3600, access_token: token });
    }
    if (!path.startsWith('/connector/v3/')) return this.json(res, 404, { error: 'not_found' });

    const at = performance.now();
    const record = (status: number) =>
      this.calls.push({
        method: req.method ?? '',
        path: path.slice('/connector'.length),
        body: raw ? (JSON.parse(raw) as unknown) : null,
        status,
        authorization: req.headers.authorization ?? null,
        at,
      });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (this.requireAuth && (bearer === undefined || !this.issued.has(bearer))) {
      record(401);
      return this.json(res, 401, { error: { code: 'Unauthorized', message: 'no valid bot token' } });
    }
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const parts = path.slice('/connector/v3/'.length).split('/').map(decodeURIComponent);

    if (req.method === 'POST' && parts.length === 1 && parts[0] === 'conversations') {
      const members = (body.members as { id: string }[] | undefined)?.map((m) => m.id) ?? [];
      const known = members.length === 1 ? this.conversationWith(members[0] ?? '') : undefined;
      const id = known ?? `a:dm-${randomUUID()}`;
      this.conversations.set(id, { members, tenantId: (body.tenantId as string | undefined) ?? null });
      record(201);
      return this.json(res, 201, { id, serviceUrl: this.serviceUrl });
    }
    const [, conversationId = '', resource = '', activityId] = parts;
    if (parts[0] !== 'conversations') return this.json(res, 404, { error: 'not_found' });

    // A new message, or a reply to one (`…/activities/{replyToId}`).
    if (req.method === 'POST' && resource === 'activities') {
      if (this.failNextPosts > 0) {
        this.failNextPosts--;
        record(this.failStatus);
        return this.json(res, this.failStatus, { error: { code: 'Throttled', message: 'slow down' } }, { 'retry-after': '0' });
      }
      const delay = this.postDelayMs(body);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const id = `act-${randomUUID()}`;
      this.activities.push({ id, conversationId, activity: activityId === undefined ? body : { ...body, replyToId: activityId }, updates: 0 });
      record(200);
      return this.json(res, 200, { id });
    }
    if (req.method === 'PUT' && resource === 'activities' && activityId !== undefined) {
      const existing = this.activities.find((a) => a.id === activityId && a.conversationId === conversationId);
      record(existing ? 200 : 404);
      if (!existing) return this.json(res, 404, { error: { code: 'NotFound', message: 'no such activity' } });
      existing.activity = body;
      existing.updates++;
      return this.json(res, 200, { id: activityId });
    }
    if (req.method === 'GET' && resource === 'pagedmembers') {
      const roster = this.rosters.get(conversationId) ?? [];
      const size = Number(url.searchParams.get('pageSize') ?? '200');
      const start = Number(url.searchParams.get('continuationToken') ?? '0');
      const page = roster.slice(start, start + size);
      const next = start + size < roster.length ? String(start + size) : undefined;
      record(200);
      return this.json(res, 200, {
        members: page.map((m) => ({ ...m, userPrincipalName: m.email, userRole: m.userRole ?? 'user' })),
        ...(next ? { continuationToken: next } : {}),
      });
    }
    if (req.method === 'GET' && resource === 'members' && activityId !== undefined) {
      const member = [...this.rosters.values()].flat().find((m) => m.id === activityId);
      record(member ? 200 : 404);
      return member ? this.json(res, 200, member) : this.json(res, 404, { error: { code: 'NotFound', message: 'no such member' } });
    }
    record(404);
    return this.json(res, 404, { error: 'not_found' });
  }
}
