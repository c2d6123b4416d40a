/** The Teams side of a bench: the fake Bot Framework with a roster, pulsebot's env for it, and activities as Teams sends them. */
import { randomBytes, randomUUID } from 'node:crypto';
import { FakeBotConnector, type PostedActivity, type RosterMember } from '../../test/fakes/bot-connector.js';
import { SECRET } from './slack-world.js';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const TEAM_ID = '19:bench-general@thread.tacv2';

export interface TeamsMember extends RosterMember {
  readonly locale: string;
  readonly timezone: string;
}

export const TEAMS_ADMIN: TeamsMember = {
  id: '29:admin',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001',
  name: 'Ada Admin',
  email: 'admin@example.com',
  locale: 'en-US',
  timezone: 'Europe/Oslo',
};

/** `n` people in all: the admin and n − 1 others. */
export function teamsRoster(n: number): TeamsMember[] {
  const zones = ['Europe/Oslo', 'America/New_York', 'Asia/Kolkata'];
  const others = Array.from({ length: Math.max(0, n - 1) }, (_, i) => ({
    id: `29:u${String(i + 1).padStart(6, '0')}`,
    aadObjectId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    name: `Person Number${i + 1}`,
    // Another set of people than the Slack world's: accounts sharing an address are one person, invited once.
    email: `person${i + 1}@teams.example.com`,
    locale: 'en-US',
    timezone: zones[i % zones.length] ?? 'UTC',
  }));
  return [TEAMS_ADMIN, ...others];
}

export async function startFakeTeams(roster: TeamsMember[]): Promise<FakeBotConnector> {
  const fake = await FakeBotConnector.start(randomUUID(), randomBytes(16).toString('hex'));
  fake.rosters.set(TEAM_ID, roster);
  return fake;
}

export function teamsEnv(fake: FakeBotConnector, mongoUri: string, dbName: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    MONGODB_URI: mongoUri,
    MONGODB_DB: dbName,
    PULSE_SECRET: SECRET,
    TEAMS_APP_ID: fake.appId,
    TEAMS_APP_PASSWORD: fake.appPassword,
    TEAMS_APP_TYPE: 'MultiTenant',
    TEAMS_ALLOWED_TENANTS: TENANT,
    TEAMS_MESSAGES_PER_SECOND: '0',
    TEAMS_CONVERSATION_MESSAGES_PER_SECOND: '0',
    PULSE_ADMINS: `teams:${TEAMS_ADMIN.aadObjectId}`,
    PULSE_ORG_NAME: 'Acme',
    LOG_LEVEL: 'warn',
    ...fake.env(),
    ...extra,
  };
}

function activity(fake: FakeBotConnector, person: TeamsMember, conversationId: string, type: string): Record<string, unknown> {
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: new Date(performance.timeOrigin + performance.now()).toISOString(),
    serviceUrl: fake.serviceUrl,
    channelId: 'msteams',
    from: { id: person.id, aadObjectId: person.aadObjectId, name: person.name },
    recipient: { id: `28:${fake.appId}`, name: 'pulsebot' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: person.locale,
    localTimezone: person.timezone,
  };
}

/** POSTs an activity to the bot with a valid channel JWT (or `authorization` as given; null: none). */
export async function postActivity(
  origin: string,
  fake: FakeBotConnector,
  body: Record<string, unknown> | string,
  authorization: string | null = `Bearer ${fake.channelToken(fake.serviceUrl)}`,
  contentType = 'application/json',
): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  try {
    const response = await fetch(`${origin}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(authorization === null ? {} : { authorization }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, text };
  } catch {
    return { status: 0, ms: performance.now() - started, text: '' };
  }
}

export function installInTeam(fake: FakeBotConnector): Record<string, unknown> {
  return {
    ...activity(fake, TEAMS_ADMIN, TEAM_ID, 'conversationUpdate'),
    conversation: { id: TEAM_ID, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    membersAdded: [{ id: `28:${fake.appId}` }],
    channelData: { tenant: { id: TENANT }, team: { id: TEAM_ID, name: 'Bench Team' }, eventType: 'teamMemberAdded' },
  };
}

/** The 1:1 chat of a member: the one the bot opened, else a new one known to the fake. */
export function chatOf(fake: FakeBotConnector, person: TeamsMember): string {
  const known = fake.conversationWith(person.id);
  if (known) return known;
  const id = `a:personal-${person.id}`;
  fake.conversations.set(id, { members: [person.id], tenantId: TENANT });
  return id;
}

export function say(fake: FakeBotConnector, person: TeamsMember, text: string): Record<string, unknown> {
  return { ...activity(fake, person, chatOf(fake, person), 'message'), text, textFormat: 'plain' };
}

export function execute(fake: FakeBotConnector, person: TeamsMember, verb: string, data: Record<string, unknown>, replyToId: string): Record<string, unknown> {
  return {
    ...activity(fake, person, chatOf(fake, person), 'invoke'),
    replyToId,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

interface CardElement {
  type?: string;
  id?: string;
  items?: CardElement[];
  actions?: { type: string; verb: string; data: Record<string, unknown> }[];
  choices?: { value: string }[];
}

/** Prompt cards posted in 1:1 chats, one answer invoke per single-value question (multi-select and comments left out). */
export function answerInvokes(fake: FakeBotConnector, roster: readonly TeamsMember[]): Record<string, unknown>[] {
  const byMember = new Map(roster.map((m) => [m.id, m]));
  const invokes: Record<string, unknown>[] = [];
  for (const posted of fake.activities) {
    const member = byMember.get(fake.conversations.get(posted.conversationId)?.members[0] ?? '');
    const card = cardOf(posted);
    if (member === undefined || card === null) continue;
    for (const container of card.body ?? []) {
      const items = container.items ?? [];
      const input = items.find((i) => i.type?.startsWith('Input.'));
      const action = items.flatMap((i) => i.actions ?? []).find((a) => a.type === 'Action.Execute');
      if (input === undefined || action === undefined || input.type === 'Input.Text') continue;
      const multi = (input as { isMultiSelect?: boolean }).isMultiSelect === true;
      if (multi) continue;
      const value = input.choices?.[0]?.value ?? '7';
      invokes.push(execute(fake, member, action.verb, { ...action.data, [input.id ?? '']: value }, posted.id));
    }
  }
  return invokes;
}

function cardOf(posted: PostedActivity): { body?: CardElement[] } | null {
  const attachments = (posted.activity.attachments ?? []) as { contentType: string; content: { body?: CardElement[] } }[];
  const card = attachments[0];
  return card?.contentType === 'application/vnd.microsoft.card.adaptive' ? card.content : null;
}

/** People who got a prompt card (at least one), by member id → number of cards. */
export function cardsPerMember(fake: FakeBotConnector): Map<string, number> {
  const counts = new Map<string, number>();
  for (const posted of fake.activities) {
    if (cardOf(posted) === null) continue;
    const member = fake.conversations.get(posted.conversationId)?.members[0];
    if (member !== undefined) counts.set(member, (counts.get(member) ?? 0) + 1);
  }
  return counts;
}
