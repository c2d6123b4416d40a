import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { inject } from 'vitest';
import { createApp, type App, type AppOptions } from '../../app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import type { Logger } from '../../src/ports/logger.js';
import { LOCALES } from '../../src/domain/i18n/locale.js';
import { translator } from '../../src/domain/i18n/translate.js';
import { ManualClock } from '../../src/ports/clock.js';
import { FakeSlackApi, type PostedMessage, type SlackUserFixture, type UsergroupFixture } from '../fakes/slack-api.js';
import { eventBody, interactionBody, postSigned, slashCommandBody } from '../fakes/slack-signing.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM = 'T0TEST';

/** "On its way", in every language: the reply of a `/pulse results` that took longer than the budget. */
const ON_ITS_WAY = new Set(LOCALES.map((locale) => translator(locale)('summary.preparing')));

export interface SlackHarness {
  readonly app: App;
  readonly fake: FakeSlackApi;
  readonly clock: ManualClock;
  readonly base: string;
  command(userId: string, command: '/pulse' | '/exit-survey', text: string): Promise<{ status: number; text: string; responseUrlId: string }>;
  /** Clicks the element `actionId` in `message` as its recipient; `state` fills state.values (checkboxes). */
  click(message: PostedMessage, actionId: string, state?: Record<string, Record<string, unknown>>): Promise<number>;
  /** Submits a modal as `userId`: `text` in its comment box, or `values` as the whole state (several inputs). */
  submitView(userId: string, view: Record<string, unknown>, text: string | Record<string, Record<string, unknown>>): Promise<{ status: number; body: string }>;
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<number>;
  /** What the app said through response_url for a command. */
  responses(responseUrlId: string): string[];
  /**
   * `/pulse results …`: the results, from the command's reply, or from response_url when the
   * reply was "on its way" (results that took longer than Slack's budget).
   */
  results(userId: string, text: string): Promise<{ status: number; text: string }>;
  dispose(): Promise<void>;
}

export function users(n: number, overrides: (i: number) => Partial<SlackUserFixture> = () => ({})): SlackUserFixture[] {
  const zones = ['Europe/Oslo', 'America/New_York', 'Asia/Kolkata'];
  return Array.from({ length: n }, (_, i) => ({
    id: `U${String(i + 1).padStart(4, '0')}`,
    tz: zones[i % zones.length] ?? 'UTC',
    locale: 'en-US',
    profile: { email: `person${i + 1}@example.com` },
    ...overrides(i),
  }));
}

export interface HarnessOptions {
  readonly people: SlackUserFixture[];
  readonly groups?: UsergroupFixture[];
  readonly now?: string;
  readonly env?: Record<string, string>;
  readonly app?: AppOptions;
  /** The app's logger (default: silent); a test may capture what is logged. */
  readonly logger?: Logger;
}

/** The real app (Bolt over HTTP, FerretDB) against the fake Slack Web API. */
export async function startSlackHarness(options: HarnessOptions): Promise<SlackHarness> {
  const fake = await FakeSlackApi.start({ teamId: TEAM });
  fake.users = [
    ...options.people,
    { id: 'UADMIN', tz: 'Europe/Oslo', locale: 'en-US', profile: { email: 'admin@example.com' } },
    { id: 'UHR', tz: 'Europe/Oslo', locale: 'en-US', profile: { email: 'hr@example.com' } },
    { id: 'UBOTX', is_bot: true },
    { id: 'UGONE', deleted: true },
  ];
  fake.usergroups = options.groups ?? [];
  const dbName = `e2e_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    MONGODB_URI: inject('mongoUri'),
    MONGODB_DB: dbName,
    PULSE_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: fake.url,
    SLACK_MESSAGES_PER_SECOND: '0',
    PULSE_ADMINS: 'slack:UADMIN',
    PULSE_HR: 'slack:UHR',
    PULSE_ORG_NAME: 'Acme',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const clock = new ManualClock(DateTime.fromISO(options.now ?? '2026-11-23T07:00:00Z', { zone: 'utc' }));
  const app = await createApp(config, clock, options.logger ?? silentLogger(), {
    ...options.app,
    timings: { slackRetries: 3, scheduler: false, closeGraceMs: 0, deliveryEveryMs: 3_600_000, ...options.app?.timings },
  });
  const port = await app.listen(0);
  await app.slack?.syncDirectories(true);
  const base = `http://127.0.0.1:${port}/slack/events`;
  let commands = 0;

  const harness: SlackHarness = {
    app,
    fake,
    clock,
    base,
    async command(userId, command, text) {
      const responseUrlId = `cmd-${++commands}`;
      const body = slashCommandBody({ command, text, user_id: userId, team_id: TEAM, response_url: fake.responseUrl(responseUrlId) });
      const result = await postSigned(base, body, { signingSecret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' });
      let reply: string;
      try {
        reply = (JSON.parse(result.body) as { text?: string }).text ?? '';
      } catch {
        reply = result.body;
      }
      return { status: result.status, text: reply, responseUrlId };
    },
    async click(message, actionId, state) {
      const blocks = (message.blocks ?? []) as { block_id?: string; elements?: { action_id?: string; value?: string; type?: string }[] }[];
      const block = blocks.find((b) => b.elements?.some((e) => e.action_id === actionId));
      const element = block?.elements?.find((e) => e.action_id === actionId);
      if (!block || !element) throw new Error(`no element ${actionId} in the message`);
      const payload = {
        type: 'block_actions',
        user: { id: message.user, username: message.user, team_id: TEAM },
        team: { id: TEAM, domain: 'test' },
        api_app_id: 'A0APP',
        token: 'verification-token',
        trigger_id: `trigger-${randomBytes(4).toString('hex')}`,
        container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
        channel: { id: message.channel, name: 'directmessage' },
        message: { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks },
        response_url: fake.responseUrl(`click-${message.ts}`, message),
        state: { values: state ?? {} },
        actions: [{ type: element.type ?? 'button', action_id: actionId, block_id: block.block_id, value: element.value, action_ts: '1' }],
      };
      const result = await postSigned(base, interactionBody(payload), { signingSecret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' });
      return result.status;
    },
    async submitView(userId, view, text) {
      const payload = {
        type: 'view_submission',
        user: { id: userId, username: userId, team_id: TEAM },
        team: { id: TEAM, domain: 'test' },
        api_app_id: 'A0APP',
        token: 'verification-token',
        trigger_id: 'trigger-view',
        view: {
          ...view,
          id: view.id ?? 'V1',
          state: { values: typeof text === 'string' ? { comment: { text: { type: 'plain_text_input', value: text } } } : text },
        },
      };
      return postSigned(base, interactionBody(payload), { signingSecret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' });
    },
    async event(event, opts = {}) {
      const body = eventBody(event, { team_id: TEAM, ...(opts.eventId ? { event_id: opts.eventId } : {}) });
      const headers: Record<string, string> = opts.retryNum ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
      const result = await postSigned(base, body, { signingSecret: SIGNING_SECRET, contentType: 'application/json', headers });
      return result.status;
    },
    responses(id) {
      return fake.callsTo(`response_url:${id}`).map((c) => (typeof c.params.text === 'string' ? c.params.text : ''));
    },
    async results(userId, text) {
      const reply = await harness.command(userId, '/pulse', `results${text ? ` ${text}` : ''}`);
      if (!ON_ITS_WAY.has(reply.text)) return { status: reply.status, text: reply.text };
      await eventually(() => harness.responses(reply.responseUrlId).length > 0);
      return { status: reply.status, text: harness.responses(reply.responseUrlId)[0] ?? '' };
    },
    async dispose() {
      await app.close().catch(() => undefined);
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(inject('mongoUri'));
      await client
        .db(dbName)
        .dropDatabase()
        .catch(() => undefined);
      await client.close();
      await fake.stop();
    },
  };
  return harness;
}

/**
 * Polls `check` until it is true (or fails after `ms`). For effects that follow Slack's 200. The
 * default is generous: a check that passes returns at once, and other test files share the cores.
 */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const until = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
