/** The Slack side of a bench: the fake Web API with N people, the bot's env for it, and signed requests as Slack sends them. */
import { randomBytes } from 'node:crypto';
import { FakeSlackApi, type PostedMessage, type SlackUserFixture } from '../../test/fakes/slack-api.js';
import { interactionBody, postSigned, slackSignatureHeaders, slashCommandBody } from '../../test/fakes/slack-signing.js';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const TEAM = 'T0BENCH';
export const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
export const ADMIN = 'UADMIN';

export function benchUsers(n: number): SlackUserFixture[] {
  const zones = ['Europe/Oslo', 'America/New_York', 'Asia/Kolkata'];
  return Array.from({ length: n }, (_, i) => ({
    id: `U${String(i + 1).padStart(6, '0')}`,
    name: `person${i + 1}`,
    real_name: `Person Number${i + 1}`,
    tz: zones[i % zones.length] ?? 'UTC',
    locale: 'en-US',
    profile: { email: `person${i + 1}@example.com` },
  }));
}

/** The fake Slack API with `n` people in all: the admin (who starts rounds, and gets a prompt too) and n − 1 others. */
export async function startFakeSlack(n: number): Promise<FakeSlackApi> {
  const fake = await FakeSlackApi.start({ teamId: TEAM, pageSize: 1000 });
  fake.users = [{ id: ADMIN, tz: 'Europe/Oslo', locale: 'en-US', profile: { email: 'admin@example.com' } }, ...benchUsers(Math.max(0, n - 1))];
  return fake;
}

/** Environment for a bot process talking to `fake`, storing in `dbName`. */
export function slackEnv(fake: FakeSlackApi, mongoUri: string, dbName: string, rate: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    MONGODB_URI: mongoUri,
    MONGODB_DB: dbName,
    PULSE_SECRET: SECRET,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_API_URL: fake.url,
    SLACK_MESSAGES_PER_SECOND: String(rate),
    PULSE_ADMINS: `slack:${ADMIN}`,
    PULSE_ORG_NAME: 'Acme',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export function newDbName(prefix: string): string {
  return `bench_${prefix}_${randomBytes(4).toString('hex')}`;
}

/** `/pulse send-now` as the admin: starts a round to everyone. Resolves with the HTTP status. */
export async function sendNow(origin: string, fake: FakeSlackApi): Promise<number> {
  const body = slashCommandBody({
    command: '/pulse',
    text: 'send-now',
    user_id: ADMIN,
    team_id: TEAM,
    response_url: fake.responseUrl(`send-now-${randomBytes(3).toString('hex')}`),
  });
  const result = await postSigned(`${origin}/slack/events`, body, { signingSecret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' });
  return result.status;
}

interface Element {
  type?: string;
  action_id?: string;
  value?: string;
  options?: { value: string }[];
}

/**
 * The signed-ready bodies of one answer click per question of a prompt (buttons and selects; the
 * multi-select and comment questions are not single clicks and are left out), as Slack would send
 * them when the recipient clicks.
 */
export function answerClicks(message: PostedMessage, pick: (n: number) => number = () => 0, responseUrl?: string): string[] {
  const bodies: string[] = [];
  const blocks = (message.blocks ?? []) as { block_id?: string; elements?: Element[] }[];
  const seen = new Set<string>();
  for (const block of blocks) {
    const answers = (block.elements ?? []).filter((e) => e.action_id?.startsWith('pulse:answer:'));
    if (answers.length === 0) continue;
    const question = answers[0]?.action_id?.split(':')[2] ?? '';
    if (seen.has(question)) continue;
    seen.add(question);
    const element = answers[pick(answers.length) % answers.length] ?? answers[0];
    if (element === undefined) continue;
    const selected = element.type === 'static_select' ? element.options?.[pick(element.options.length) % element.options.length] : undefined;
    const action = {
      type: element.type ?? 'button',
      action_id: element.action_id,
      block_id: block.block_id,
      action_ts: '1',
      ...(selected ? { selected_option: selected } : { value: element.value }),
    };
    // Slack gives every click on a message a response_url; a click shed at the door is answered through it.
    bodies.push(interactionBody(clickPayload(message, [action], responseUrl === undefined ? {} : { response_url: responseUrl })));
  }
  return bodies;
}

export function clickPayload(message: PostedMessage, actions: object[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: message.user, username: message.user, team_id: TEAM },
    team: { id: TEAM, domain: 'bench' },
    api_app_id: 'A0APP',
    token: 'verification-token',
    trigger_id: `trigger-${randomBytes(4).toString('hex')}`,
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    channel: { id: message.channel, name: 'directmessage' },
    // Slack sends the whole message with every click: its blocks are most of a click's ~15 KB.
    message: { type: 'message', ts: message.ts, text: message.text, user: 'UBOT', bot_id: 'BBOT', blocks: message.blocks ?? [] },
    state: { values: {} },
    actions,
    ...overrides,
  };
}

/** POSTs a signed interaction body; resolves with the status and the milliseconds it took. */
export async function postInteraction(origin: string, body: string, timeoutMs = 30_000): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(`${origin}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

/** Slack's signature headers for `body`, stamped now unless told otherwise (signed at send time, never stale). */
export function signedHeaders(body: string, timestampSeconds?: number): Record<string, string> {
  return slackSignatureHeaders(body, SIGNING_SECRET, timestampSeconds);
}
