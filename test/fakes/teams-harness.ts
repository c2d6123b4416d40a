/** The real app (teams-ai over HTTP, FerretDB) against the fake Bot Framework, with helpers to act as Teams. */
import { randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { inject } from 'vitest';
import { createApp, type App, type AppOptions } from '../../app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import type { Logger } from '../../src/ports/logger.js';
import { ManualClock } from '../../src/ports/clock.js';
import { FakeBotConnector, type PostedActivity, type RosterMember } from './bot-connector.js';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const TEAM_ID = '19:team-general@thread.tacv2';

export interface TeamsPerson extends RosterMember {
  readonly locale: string;
  readonly timezone: string;
}

/** `n` people: member ids 29:u001…, Entra ids …000000000001…, zones round-robin. */
export function teamsPeople(n: number, overrides: (i: number) => Partial<TeamsPerson> = () => ({})): TeamsPerson[] {
  const zones = ['Europe/Oslo', 'America/New_York', 'Asia/Kolkata'];
  return Array.from({ length: n }, (_, i) => ({
    id: `29:u${String(i + 1).padStart(3, '0')}`,
    aadObjectId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    name: `Person ${i + 1}`,
    email: `person${i + 1}@example.com`,
    locale: 'en-US',
    timezone: zones[i % zones.length] ?? 'UTC',
    ...overrides(i),
  }));
}

export const ADMIN: TeamsPerson = {
  id: '29:admin',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001',
  name: 'Ada Admin',
  email: 'admin@example.com',
  locale: 'en-US',
  timezone: 'Europe/Oslo',
};
export const HR: TeamsPerson = {
  id: '29:hr',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002',
  name: 'Harriet HR',
  email: 'hr@example.com',
  locale: 'en-US',
  timezone: 'Europe/Oslo',
};

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

export interface TeamsHarness {
  readonly app: App;
  readonly fake: FakeBotConnector;
  readonly clock: ManualClock;
  /** `http://…/api/messages` */
  readonly endpoint: string;
  readonly botId: string;
  /** POSTs an activity with a valid channel JWT, or with `auth` as the Authorization header (null: none). */
  post(activity: Record<string, unknown>, auth?: string | null): Promise<Reply>;
  installInTeam(teamId: string, teamName: string): Promise<Reply>;
  /** The person installs the app personally (or opens the chat): their 1:1 conversation starts. */
  installPersonal(person: TeamsPerson): Promise<Reply>;
  /** The person types `text` in their 1:1 chat; `mentions` become `<at>` entities. */
  say(person: TeamsPerson, text: string, mentions?: TeamsPerson[]): Promise<Reply>;
  /** An Action.Execute invoke (`adaptiveCard/action`) on the card message `replyToId` in the person's 1:1 chat. */
  execute(person: TeamsPerson, verb: string, data: Record<string, unknown>, replyToId: string): Promise<Reply>;
  /** What the bot posted in the person's 1:1 chat, oldest first. */
  posted(person: TeamsPerson): PostedActivity[];
  dispose(): Promise<void>;
}

export interface TeamsHarnessOptions {
  readonly roster: TeamsPerson[];
  readonly now?: string;
  readonly env?: Record<string, string>;
  readonly app?: AppOptions;
  /** The app's logger (default: silent); a test may capture what is logged. */
  readonly logger?: Logger;
}

function baseActivity(fake: FakeBotConnector, botId: string, person: TeamsPerson, conversationId: string, type: string): Record<string, unknown> {
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: '2026-11-23T07:00:00.000Z',
    serviceUrl: fake.serviceUrl,
    channelId: 'msteams',
    from: { id: person.id, aadObjectId: person.aadObjectId, name: person.name },
    recipient: { id: botId, name: 'pulsebot' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: person.locale,
    localTimezone: person.timezone,
  };
}

export async function startTeamsHarness(options: TeamsHarnessOptions): Promise<TeamsHarness> {
  const appId = randomUUID();
  const appPassword = randomBytes(16).toString('hex');
  const fake = await FakeBotConnector.start(appId, appPassword);
  const botId = `28:${appId}`;
  fake.rosters.set(TEAM_ID, options.roster);
  const dbName = `e2e_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    MONGODB_URI: inject('mongoUri'),
    MONGODB_DB: dbName,
    PULSE_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
    TEAMS_APP_ID: appId,
    TEAMS_APP_PASSWORD: appPassword,
    TEAMS_APP_TYPE: 'MultiTenant',
    TEAMS_ALLOWED_TENANTS: TENANT,
    TEAMS_MESSAGES_PER_SECOND: '0',
    TEAMS_CONVERSATION_MESSAGES_PER_SECOND: '0',
    PULSE_ADMINS: `teams:${ADMIN.aadObjectId}`,
    PULSE_HR: `teams:${HR.aadObjectId}`,
    PULSE_ORG_NAME: 'Acme',
    LOG_LEVEL: 'silent',
    ...fake.env(),
    ...options.env,
  });
  const clock = new ManualClock(DateTime.fromISO(options.now ?? '2026-11-23T07:00:00Z', { zone: 'utc' }));
  const app = await createApp(config, clock, options.logger ?? silentLogger(), {
    ...options.app,
    timings: { scheduler: false, closeGraceMs: 0, deliveryEveryMs: 3_600_000, teamsRetries: 4, teamsRetryBaseMs: 5, ...options.app?.timings },
  });
  const port = await app.listen(0);
  const endpoint = `http://127.0.0.1:${port}/api/messages`;
  const personalIds = new Map<string, string>();
  const chatOf = (person: TeamsPerson) => {
    const known = fake.conversationWith(person.id) ?? personalIds.get(person.id);
    if (known) return known;
    const id = `a:personal-${person.id}`;
    personalIds.set(person.id, id);
    fake.conversations.set(id, { members: [person.id], tenantId: TENANT });
    return id;
  };

  const post = async (activity: Record<string, unknown>, auth?: string | null): Promise<Reply> => {
    const authorization = auth === undefined ? `Bearer ${fake.channelToken(String(activity.serviceUrl))}` : auth;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      // not JSON
    }
    return { status: response.status, body };
  };

  return {
    app,
    fake,
    clock,
    endpoint,
    botId,
    post,
    installInTeam(teamId, teamName) {
      const installer = options.roster[0] ?? ADMIN;
      return post({
        ...baseActivity(fake, botId, installer, teamId, 'conversationUpdate'),
        conversation: { id: teamId, conversationType: 'channel', tenantId: TENANT, isGroup: true },
        membersAdded: [{ id: botId }],
        channelData: { tenant: { id: TENANT }, team: { id: teamId, name: teamName }, eventType: 'teamMemberAdded' },
      });
    },
    installPersonal(person) {
      return post({ ...baseActivity(fake, botId, person, chatOf(person), 'conversationUpdate'), membersAdded: [{ id: botId }, { id: person.id }] });
    },
    say(person, text, mentions = []) {
      const entities = mentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } }));
      const body = [text, ...mentions.map((m) => `<at>${m.name}</at>`)].join(' ');
      return post({
        ...baseActivity(fake, botId, person, chatOf(person), 'message'),
        text: text.includes('{}') ? mentions.reduce((s, m) => s.replace('{}', `<at>${m.name}</at>`), text) : body,
        entities,
        textFormat: 'plain',
      });
    },
    execute(person, verb, data, replyToId) {
      return post({
        ...baseActivity(fake, botId, person, chatOf(person), 'invoke'),
        replyToId,
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
    },
    posted(person) {
      const id = fake.conversationWith(person.id);
      return id === undefined ? [] : fake.activitiesIn(id);
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
}
