/**
 * A local fake of the Slack Web API subset that @slack/web-api (used by @slack/bolt) calls, served
 * over real HTTP on 127.0.0.1 so the real SDK runs end to end. Point the SDK at it with
 * `slackApiUrl: fake.url`.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { bearerToken, parseParams, readBody, sendJson, sendText, uploadedBytes } from './slack-api-http.js';
import { slackMethods } from './slack-api-methods.js';
import type { FakeSlackState, Params, PostedMessage, RecordedCall, SharedFile, SlackUserFixture, UsergroupFixture } from './slack-api-types.js';

import { SlackEventsSender, type EventTarget } from './slack-events-sender.js';

export type { PostedMessage, RecordedCall, SharedFile, SlackUserFixture, UsergroupFixture } from './slack-api-types.js';

export interface FakeSlackApiOptions {
  teamId?: string;
  botUserId?: string;
  /** The most users.list returns per page (a smaller `limit` wins). Default 200. */
  pageSize?: number;
}

/** Wall-clock receipt time: a fake server has no injected Clock, and vitest fake timers still apply. */
function wallClock(): number {
  // eslint-disable-next-line no-restricted-syntax -- the fake stamps requests with real (or vitest-faked) time
  return Date.now();
}

export class FakeSlackApi {
  /** Base for `slackApiUrl`, ending with '/': `http://127.0.0.1:PORT/api/`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  users: SlackUserFixture[] = [];
  usergroups: UsergroupFixture[] = [];
  /** Every request to /api/<method> and to response URLs, including the ones answered 429. */
  readonly calls: RecordedCall[] = [];
  /** Every accepted chat.postMessage, with chat.update applied in place. */
  readonly messages: PostedMessage[] = [];
  /** Calls refused by enforceRate, per method (failNext refusals are not counted here). */
  readonly rejected = new Map<string, number>();
  /** Bytes POSTed to upload URLs, by file id. */
  readonly uploads = new Map<string, Buffer>();
  /** Files shared by files.completeUploadExternal. */
  readonly sharedFiles: SharedFile[] = [];
  /** Views opened, pushed, published or updated, by view id. */
  readonly views = new Map<string, Record<string, unknown>>();

  /** Reports of posted messages to the app (`reportPostsTo`), if it subscribed. */
  events: SlackEventsSender | null = null;

  private readonly failures = new Map<string, { times: number; retryAfterSeconds: number }>();
  private readonly limits = new Map<string, number>();
  private readonly windows = new Map<string, number[]>();
  private readonly pendingUploads = new Map<string, { filename: string; length: number }>();
  private readonly homeViewIds = new Map<string, string>();
  private readonly usedCodes = new Set<string>();
  /** The message each click's response_url belongs to, and how often it was used (Slack allows 5). */
  private readonly responseTargets = new Map<string, { channel: string; ts: string; uses: number }>();
  private readonly state: FakeSlackState;
  private idCounter = 0;
  private tsCounter = 0;

  private constructor(
    private readonly server: Server,
    port: number,
    options: FakeSlackApiOptions,
  ) {
    this.origin = `http://127.0.0.1:${port}`;
    this.url = `${this.origin}/api/`;
    const fixtures = { users: () => this.users, usergroups: () => this.usergroups };
    this.state = {
      teamId: options.teamId ?? 'T0TEST',
      botUserId: options.botUserId ?? 'U0BOT',
      pageSize: options.pageSize ?? 200,
      origin: this.origin,
      get users() {
        return fixtures.users();
      },
      get usergroups() {
        return fixtures.usergroups();
      },
      messages: this.messages,
      uploads: this.uploads,
      pendingUploads: this.pendingUploads,
      sharedFiles: this.sharedFiles,
      views: this.views,
      homeViewIds: this.homeViewIds,
      usedCodes: this.usedCodes,
      nextId: (prefix) => `${prefix}${String(++this.idCounter).padStart(8, '0')}`,
      nextTs: () => {
        const micros = ++this.tsCounter * 100;
        return `${1700000000 + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
      },
    };
  }

  static async start(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the fake Slack API has no TCP address');
    const fake = new FakeSlackApi(server, address.port, options);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      fake.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { ok: false, error: 'fake_internal_error', detail: String(error) });
        else response.destroy();
      });
    });
    return fake;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  messagesTo(userId: string): PostedMessage[] {
    return this.messages.filter((message) => message.user === userId);
  }

  /** The next `times` calls to `method` answer HTTP 429 with Retry-After: retryAfterSeconds. */
  failNext(method: string, times: number, retryAfterSeconds = 1): void {
    if (times > 0) this.failures.set(method, { times, retryAfterSeconds });
    else this.failures.delete(method);
  }

  /** At most `perSecond` accepted calls to `method` in any sliding second; the rest get 429 + Retry-After: 1. 0 = off. */
  enforceRate(method: string, perSecond: number): void {
    this.windows.delete(method);
    if (perSecond > 0) this.limits.set(method, perSecond);
    else this.limits.delete(method);
  }

  /**
   * A URL to give Slack payloads as `response_url`; POSTs to it are recorded as method
   * `response_url:<id>`. Given the message a click came from, it acts on that message as Slack's
   * does: `replace_original` replaces it (counted in its `updates`), at most five uses in all.
   */
  responseUrl(id: string, message?: { channel: string; ts: string }): string {
    if (message !== undefined) this.responseTargets.set(id, { channel: message.channel, ts: message.ts, uses: 0 });
    return `${this.origin}/response/${encodeURIComponent(id)}`;
  }

  /** Sends `message_metadata_posted` for each posted message with subscribed metadata to the app, as Slack does. */
  reportPostsTo(target: EventTarget): SlackEventsSender {
    this.events = new SlackEventsSender(target, this.state.teamId, this.state.botUserId);
    return this.events;
  }

  /** Clears calls, messages, rate limits, uploads and views; keeps the user and usergroup fixtures. */
  reset(): void {
    this.calls.length = 0;
    this.messages.length = 0;
    this.sharedFiles.length = 0;
    for (const map of [
      this.failures,
      this.limits,
      this.windows,
      this.rejected,
      this.uploads,
      this.pendingUploads,
      this.views,
      this.homeViewIds,
      this.responseTargets,
      this.usedCodes,
    ]) {
      map.clear();
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = wallClock();
    const url = new URL(request.url ?? '/', this.origin);
    const raw = await readBody(request);
    const contentType = request.headers['content-type'] ?? '';
    const [, area, ...rest] = url.pathname.split('/');
    const name = decodeURIComponent(rest.join('/'));
    if (area === 'api' && name !== '') {
      const params = await parseParams(contentType, raw);
      for (const [key, value] of url.searchParams) if (params !== null && !(key in params)) params[key] = value;
      const token = bearerToken(request.headers.authorization) ?? (typeof params?.token === 'string' ? params.token : null);
      if (!this.admit(name, params ?? {}, token, at, response)) return;
      const handler = slackMethods.get(name);
      if (handler === undefined) return sendJson(response, 200, { ok: false, error: 'unknown_method' });
      if (params === null) return sendJson(response, 200, { ok: false, error: 'invalid_json' });
      if (token === null && name !== 'oauth.v2.access') return sendJson(response, 200, { ok: false, error: 'not_authed' });
      const result = handler(params, this.state);
      if (name === 'chat.postMessage' && result.ok) {
        const posted = this.messages.at(-1);
        if (posted) this.events?.messagePosted(posted);
      }
      return sendJson(response, 200, result);
    }
    if (area === 'response' && name !== '') {
      const params = await parseParams(contentType.startsWith('application/x-www-form-urlencoded') ? contentType : 'application/json', raw);
      if (!this.admit(`response_url:${name}`, params ?? {}, null, at, response)) return;
      if (params === null) return sendText(response, 400, 'invalid_payload');
      return this.respond(name, params, response);
    }
    if (area === 'upload' && this.pendingUploads.has(name)) {
      this.uploads.set(name, await uploadedBytes(contentType, raw));
      return sendText(response, 200, `OK - ${this.uploads.get(name)?.length ?? 0}`);
    }
    return sendText(response, 404, 'not_found');
  }

  /** A POST to a response_url bound to a message: replaces it on `replace_original`, five uses at most. */
  private respond(id: string, params: Params, response: ServerResponse): void {
    const target = this.responseTargets.get(id);
    if (target === undefined) return sendJson(response, 200, { ok: true });
    target.uses += 1;
    if (target.uses > 5) return sendText(response, 404, 'used_url');
    if (params.replace_original !== true && params.replace_original !== 'true') return sendJson(response, 200, { ok: true });
    const message = this.state.messages.find((m) => m.channel === target.channel && m.ts === target.ts);
    if (message === undefined) return sendText(response, 404, 'message_not_found');
    if (typeof params.text === 'string') message.text = params.text;
    if (Array.isArray(params.blocks)) message.blocks = params.blocks as unknown[];
    message.updates += 1;
    return sendJson(response, 200, { ok: true });
  }

  /** Records the call; answers 429 (and returns false) when failNext or enforceRate refuses it. */
  private admit(method: string, params: Params, token: string | null, at: number, response: ServerResponse): boolean {
    const retryAfterSeconds = this.rateLimit(method, at);
    this.calls.push({ method, params, token, at, rateLimited: retryAfterSeconds !== null });
    if (retryAfterSeconds === null) return true;
    sendJson(response, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfterSeconds) });
    return false;
  }

  private rateLimit(method: string, at: number): number | null {
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      failure.times -= 1;
      if (failure.times <= 0) this.failures.delete(method);
      return failure.retryAfterSeconds;
    }
    const perSecond = this.limits.get(method) ?? 0;
    if (perSecond <= 0) return null;
    const window = (this.windows.get(method) ?? []).filter((time) => time > at - 1000);
    this.windows.set(method, window);
    if (window.length >= perSecond) {
      this.rejected.set(method, (this.rejected.get(method) ?? 0) + 1);
      return 1;
    }
    window.push(at);
    return null;
  }
}
