/**
 * The hostile request kinds: forged and stale Slack signatures, bad Bot Framework JWTs, bad API
 * keys, truncated / oversized / garbage bodies, wrong content types, replays, unknown action ids,
 * and injection-shaped strings (`{"$gt":""}`, `$where`) in every field, against the three endpoints.
 */
import { newWebhookSecret, signWebhook } from '../../src/lib/standard-webhooks.js';
import { systemClock } from '../../src/ports/clock.js';
import { randomBytes } from 'node:crypto';
import type { FakeBotConnector } from '../../test/fakes/bot-connector.js';
import { generateSigningKey, signJwt } from '../../test/fakes/bot-connector-jwt.js';
import { eventBody, interactionBody, slashCommandBody } from '../../test/fakes/slack-signing.js';
import { signedHeaders, TEAM } from './slack-world.js';
import { execute, say, TEAMS_ADMIN, type TeamsMember } from './teams-world.js';

export interface HostileRequest {
  readonly kind: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Strings a NoSQL injection would try, as field values and as JSON. */
export const INJECTIONS: readonly unknown[] = [
  '{"$gt":""}',
  '$where',
  { $gt: '' },
  { $where: 'sleep(1000)' },
  { $ne: null },
  '"; db.dropDatabase(); "',
  "'; return true; var x='",
  'a'.repeat(5000),
  '',
  null,
  ['$gt'],
  '\u0000$regex',
];

export interface HostileContext {
  /** A click body that was sent once, legitimately (replayed as is). */
  readonly legitClick: string;
  /** A prompt message's identity for building clicks. */
  readonly channel: string;
  readonly ts: string;
  readonly userId: string;
  readonly apiKey: string;
  readonly teams: FakeBotConnector;
  readonly member: TeamsMember;
  readonly teamsPromptId: string;
  readonly teamsLink: Record<string, unknown>;
}

const FORM = 'application/x-www-form-urlencoded';
/** Made once: an RSA key pulsebot never saw, and the big bodies (so the bench spends its CPU sending, not building). */
const FOREIGN_KEY = generateSigningKey();
const BIG_SLACK = `payload=${'x'.repeat(2 * 1024 * 1024)}`;
const BIG_TEXT = 'x'.repeat(2 * 1024 * 1024);
const BIG_TEAM = 'x'.repeat(11 * 1024 * 1024);
const pick = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;
/** Stale requests are refused on their timestamp, which is checked before any signature. */
const STALE_SECRET = newWebhookSecret();

function slack(kind: string, body: string, contentType = FORM, headers: Record<string, string> = signedHeaders(body)): HostileRequest {
  return { kind, path: '/slack/events', method: 'POST', headers: { 'content-type': contentType, ...headers }, body };
}

function clickWith(
  ctx: HostileContext,
  i: number,
  overrides: { user?: unknown; team?: unknown; actionId?: unknown; value?: unknown; channel?: unknown; ts?: unknown },
): string {
  return interactionBody({
    type: 'block_actions',
    user: { id: overrides.user ?? ctx.userId, team_id: TEAM },
    team: { id: overrides.team ?? TEAM },
    api_app_id: 'A0APP',
    token: 'verification-token',
    trigger_id: `trigger-${i}`,
    container: { type: 'message', message_ts: overrides.ts ?? ctx.ts, channel_id: overrides.channel ?? ctx.channel },
    channel: { id: overrides.channel ?? ctx.channel },
    state: { values: {} },
    actions: [
      {
        type: 'button',
        action_id: overrides.actionId ?? 'pulse:answer:enps:7',
        block_id: 'q:enps:a',
        value: overrides.value ?? '{"r":"x","t":"y","q":"enps","v":7}',
        action_ts: '1',
      },
    ],
  });
}

function slackRequests(ctx: HostileContext, i: number): HostileRequest[] {
  const injection = pick(INJECTIONS, i);
  const asText = typeof injection === 'string' ? injection : JSON.stringify(injection);
  const nowSeconds = Math.floor((performance.timeOrigin + performance.now()) / 1000);
  const valueInjection = JSON.stringify({ r: injection, t: injection, q: injection, v: injection });
  return [
    slack('slack-forged-signature', ctx.legitClick, FORM, {
      'x-slack-signature': `v0=${randomBytes(32).toString('hex')}`,
      'x-slack-request-timestamp': String(nowSeconds),
    }),
    slack('slack-stale-signature', ctx.legitClick, FORM, signedHeaders(ctx.legitClick, nowSeconds - 6 * 60)),
    slack('slack-no-signature', ctx.legitClick, FORM, {}),
    slack('slack-truncated-signed-whole', ctx.legitClick.slice(0, ctx.legitClick.length >> 1), FORM, signedHeaders(ctx.legitClick)),
    slack('slack-truncated', ctx.legitClick.slice(0, (i * 37) % ctx.legitClick.length)),
    slack('slack-oversized', BIG_SLACK),
    slack('slack-garbage', randomBytes(200 + (i % 500)).toString('latin1')),
    slack('slack-garbage-json', '{"type":"block_actions",', 'application/json'),
    slack(
      'slack-wrong-content-type',
      ctx.legitClick,
      pick(['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/octet-stream'], i),
    ),
    slack('slack-replay', ctx.legitClick),
    slack('slack-unknown-action', clickWith(ctx, i, { actionId: `pulse:unknown:${i}` })),
    slack('slack-injection-user', clickWith(ctx, i, { user: injection })),
    slack('slack-injection-team', clickWith(ctx, i, { team: injection })),
    slack('slack-injection-value', clickWith(ctx, i, { value: valueInjection })),
    slack('slack-injection-value-raw', clickWith(ctx, i, { value: asText })),
    slack('slack-injection-container', clickWith(ctx, i, { channel: injection, ts: injection })),
    slack('slack-injection-action-id', clickWith(ctx, i, { actionId: `pulse:answer:${asText}` })),
    slack(
      'slack-injection-command',
      slashCommandBody({
        command: pick(['/pulse', '/exit-survey'], i),
        text: `${pick(['results', 'role add', 'send-now', 'cancel', ''], i)} ${asText}`,
        user_id: pick([asText || 'U0', 'UNOBODY'], i),
        team_id: TEAM,
      }),
    ),
    slack(
      'slack-injection-comment',
      interactionBody({
        type: 'view_submission',
        user: { id: ctx.userId, team_id: TEAM },
        team: { id: TEAM },
        view: { id: 'V1', callback_id: 'pulse:comment-view', private_metadata: asText, state: { values: { comment: { text: { value: asText } } } } },
      }),
    ),
    slack('slack-injection-event', eventBody({ type: 'app_home_opened', user: injection, tab: 'home' }, { team_id: TEAM }), 'application/json'),
    slack(
      'slack-injection-envelope',
      JSON.stringify({
        type: 'event_callback',
        team_id: injection,
        event: { type: pick(['app_home_opened', 'team_join', 'user_change', 'message'], i), user: injection },
      }),
      'application/json',
    ),
  ];
}

function teams(kind: string, body: string | Record<string, unknown>, authorization: string | null, contentType = 'application/json'): HostileRequest {
  return {
    kind,
    path: '/api/messages',
    method: 'POST',
    headers: { 'content-type': contentType, ...(authorization === null ? {} : { authorization }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

function teamsRequests(ctx: HostileContext, i: number): HostileRequest[] {
  const fake = ctx.teams;
  const injection = pick(INJECTIONS, i);
  const valid = `Bearer ${fake.channelToken(fake.serviceUrl)}`;
  const invoke = execute(fake, ctx.member, 'pulse.answer', { ...ctx.teamsLink, 'a-enps': '7' }, ctx.teamsPromptId);
  const now = Math.floor((performance.timeOrigin + performance.now()) / 1000);
  return [
    teams('teams-no-auth', invoke, null),
    teams('teams-unsigned-jwt', invoke, `Bearer ${fake.channelToken(fake.serviceUrl, {}, { alg: 'none' })}`),
    teams(
      'teams-foreign-key-jwt',
      invoke,
      `Bearer ${signJwt({ iss: 'https://api.botframework.test', aud: fake.appId, serviceurl: fake.serviceUrl, nbf: now - 10, exp: now + 600 }, FOREIGN_KEY, { kid: fake.key.kid })}`,
    ),
    teams('teams-expired-jwt', invoke, `Bearer ${fake.channelToken(fake.serviceUrl, { nbf: now - 7200, iat: now - 7200, exp: now - 3600 })}`),
    teams('teams-wrong-audience', invoke, `Bearer ${fake.channelToken(fake.serviceUrl, { aud: '00000000-0000-0000-0000-000000000000' })}`),
    teams('teams-wrong-issuer', invoke, `Bearer ${fake.channelToken(fake.serviceUrl, { iss: 'https://evil.test' })}`),
    teams('teams-wrong-serviceurl', invoke, `Bearer ${fake.channelToken('http://127.0.0.1:9/connector/')}`),
    teams('teams-garbage-bearer', invoke, `Bearer ${randomBytes(40).toString('base64url')}`),
    teams('teams-garbage-body', randomBytes(300).toString('latin1'), valid),
    teams('teams-truncated', JSON.stringify(invoke).slice(0, (i * 53) % JSON.stringify(invoke).length), valid),
    teams('teams-oversized', JSON.stringify({ ...invoke, text: BIG_TEXT }), valid),
    teams('teams-wrong-content-type', JSON.stringify(invoke), valid, pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'], i)),
    teams('teams-unknown-verb', execute(fake, ctx.member, `pulse.${i}`, ctx.teamsLink, ctx.teamsPromptId), valid),
    teams(
      'teams-injection-data',
      execute(fake, ctx.member, 'pulse.answer', { r: injection, t: injection, q: injection, 'a-enps': injection }, ctx.teamsPromptId),
      valid,
    ),
    teams('teams-injection-answer', execute(fake, ctx.member, 'pulse.answer', { ...ctx.teamsLink, 'a-enps': injection }, ctx.teamsPromptId), valid),
    teams(
      'teams-injection-command',
      say(
        fake,
        pick([TEAMS_ADMIN, ctx.member], i),
        `${pick(['results', 'role add', 'exit-survey', 'exit-survey cancel', 'status'], i)} ${typeof injection === 'string' ? injection : JSON.stringify(injection)}`,
      ),
      valid,
    ),
    teams('teams-injection-ids', { ...invoke, from: { id: injection, aadObjectId: injection }, conversation: { id: injection, tenantId: injection } }, valid),
  ];
}

function api(kind: string, method: string, path: string, key: string | null, body?: string, contentType = 'application/json'): HostileRequest {
  return {
    kind,
    path,
    method,
    headers: { 'content-type': contentType, ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
    ...(body === undefined ? {} : { body }),
  };
}

/** An event signed with a secret pulsebot never issued (or, with `ageMs`, one signed too long ago). */
function forgedEvent(kind: string, text: string, ageMs: number): HostileRequest {
  const body = JSON.stringify({
    event: 'ticket.resolved',
    person: { email: text },
    occurredAt: '2026-12-01T00:00:00Z',
    idempotencyKey: text.slice(0, 100) || 'x',
  });
  const headers = signWebhook(
    ageMs === 0 ? newWebhookSecret() : STALE_SECRET,
    `msg_${randomBytes(8).toString('hex')}`,
    systemClock.now().minus({ milliseconds: ageMs }).toJSDate(),
    body,
  );
  return { kind, path: '/api/v1/events', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
}

function apiRequests(ctx: HostileContext, i: number): HostileRequest[] {
  const injection = pick(INJECTIONS, i);
  const text = typeof injection === 'string' ? injection : JSON.stringify(injection);
  const query = encodeURIComponent(text);
  const [, id = ''] = /^pb_([0-9a-f]{12})_/.exec(ctx.apiKey) ?? [];
  const key = ctx.apiKey;
  return [
    api('api-no-key', 'GET', '/api/v1/results?survey=pulse', null),
    api('api-wrong-secret', 'GET', '/api/v1/results?survey=pulse', `pb_${id}_${randomBytes(32).toString('base64url')}`),
    api('api-garbage-key', 'GET', '/api/v1/results?survey=pulse', [...text].filter((c) => c >= ' ').join('') || 'x'),
    api('api-injection-query', 'GET', `/api/v1/results?survey=${query}&from=${query}&segment[$gt]=`, key),
    api('api-injection-query-operator', 'GET', `/api/v1/results?survey[$ne]=x&from[$gt]=`, key),
    api(
      'api-injection-exit',
      'POST',
      '/api/v1/exit-surveys',
      key,
      JSON.stringify({ email: injection, platformUserId: injection, lastDay: injection, language: injection }),
    ),
    api(
      'api-injection-people',
      'PUT',
      '/api/v1/people',
      key,
      JSON.stringify({ people: [{ email: injection, team: injection, managerEmail: injection, timezone: injection, locale: injection }] }),
    ),
    api('api-garbage-json', pick(['POST', 'PUT'], i), pick(['/api/v1/exit-surveys', '/api/v1/people'], i), key, '{"people": [', 'application/json'),
    api('api-oversized', 'PUT', '/api/v1/people', key, JSON.stringify({ people: [{ email: 'a@example.com', team: BIG_TEAM }] })),
    api('api-wrong-content-type', 'POST', '/api/v1/exit-surveys', key, 'email=a%40example.com', pick(['application/x-www-form-urlencoded', 'text/plain'], i)),
    api('api-wrong-content-type-people', 'PUT', '/api/v1/people', key, 'people=1', pick(['application/x-www-form-urlencoded', 'text/plain'], i)),
    api('api-unknown-path', pick(['GET', 'DELETE', 'PATCH'], i), `/api/v1/${encodeURIComponent(text).slice(0, 200) || 'x'}`, key),
    api('api-wrong-method', 'DELETE', '/api/v1/people', key),
    forgedEvent('api-events-forged-signature', text, 0),
    forgedEvent('api-events-stale-signature', text, 10 * 60_000),
    api(
      'api-injection-events',
      'POST',
      '/api/v1/events',
      key,
      JSON.stringify({ event: injection, person: { email: injection, platformUserId: injection }, occurredAt: injection, idempotencyKey: injection }),
    ),
    api('api-injection-webhooks', 'POST', '/api/v1/webhooks', key, JSON.stringify({ url: injection, events: [injection], description: injection })),
  ];
}

/** The i-th round of hostile requests: one of every kind. */
export function hostileRound(ctx: HostileContext, i: number): HostileRequest[] {
  return [...slackRequests(ctx, i), ...teamsRequests(ctx, i), ...apiRequests(ctx, i)];
}
