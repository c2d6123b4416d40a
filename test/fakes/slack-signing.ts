/** Signed Slack → app requests (slash commands, interactions, events), built the way Slack sends them. */
import { createHmac, randomBytes } from 'node:crypto';

function nowSeconds(): number {
  // eslint-disable-next-line no-restricted-syntax -- Bolt checks signatures against its own wall clock
  return Math.floor(Date.now() / 1000);
}

/** Slack's v0 signature headers for a raw body. */
export function slackSignatureHeaders(rawBody: string, signingSecret: string, timestampSeconds?: number): Record<string, string> {
  const timestamp = String(timestampSeconds ?? nowSeconds());
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': timestamp };
}

export interface PostSignedOptions {
  signingSecret: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  timestampSeconds?: number;
  headers?: Record<string, string>;
  /** Sent as x-slack-signature instead of the correct signature. */
  signatureOverride?: string;
}

/** POSTs a signed request and returns status + text body. */
export async function postSigned(url: string, rawBody: string, options: PostSignedOptions): Promise<{ status: number; body: string; headers: Headers }> {
  const signature = slackSignatureHeaders(rawBody, options.signingSecret, options.timestampSeconds);
  if (options.signatureOverride !== undefined) signature['x-slack-signature'] = options.signatureOverride;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': options.contentType, ...signature, ...options.headers },
    body: rawBody,
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

function randomId(prefix: string, bytes = 5): string {
  return `${prefix}${randomBytes(bytes).toString('hex').toUpperCase()}`;
}

/**
 * A slash command body, form-encoded. `response_url` is sent only when given (use
 * FakeSlackApi.responseUrl), so a test never reaches the real hooks.slack.com.
 */
export function slashCommandBody(fields: {
  command: string;
  text: string;
  user_id: string;
  team_id?: string;
  channel_id?: string;
  trigger_id?: string;
  response_url?: string;
  user_name?: string;
}): string {
  const teamId = fields.team_id ?? 'T0TEST';
  const channelId = fields.channel_id ?? `D${fields.user_id}`;
  const body = new URLSearchParams({
    token: 'verification-token',
    team_id: teamId,
    team_domain: 'test-team',
    channel_id: channelId,
    channel_name: channelId.startsWith('D') ? 'directmessage' : 'general',
    user_id: fields.user_id,
    user_name: fields.user_name ?? fields.user_id.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    trigger_id: fields.trigger_id ?? `${nowSeconds()}.${randomBytes(6).readUIntBE(0, 6)}.${randomBytes(16).toString('hex')}`,
  });
  if (fields.response_url !== undefined) body.set('response_url', fields.response_url);
  return body.toString();
}

/** An interactivity body (block_actions, view_submission, shortcut…): form-encoded `payload=<json>`. */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A JSON event_callback envelope around `event`, with event_id, event_time and authorizations. */
export function eventBody(event: object, options: { team_id?: string; event_id?: string; api_app_id?: string; bot_user_id?: string } = {}): string {
  const teamId = options.team_id ?? 'T0TEST';
  return JSON.stringify({
    token: 'verification-token',
    team_id: teamId,
    api_app_id: options.api_app_id ?? 'A0APP',
    event,
    type: 'event_callback',
    event_id: options.event_id ?? randomId('Ev'),
    event_time: nowSeconds(),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: options.bot_user_id ?? 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: randomId('4-', 12),
  });
}
