import { ConfigError } from './lib/config-error.js';

/** The Bot Framework's own endpoint settings, overridable for sovereign clouds (and the tests' fakes). */
export const BOT_FRAMEWORK_ENDPOINT_VARIABLES = [
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'OAuthUrl',
  'CallerId',
  'ValidateAuthority',
] as const;
export type BotFrameworkEndpoints = Partial<Record<(typeof BOT_FRAMEWORK_ENDPOINT_VARIABLES)[number], string>>;

/** Settings that only make sense with TEAMS_APP_ID (TEAMS_PUBLIC_HOST is for packaging only). */
const TEAMS_SETTINGS = [
  'TEAMS_APP_PASSWORD',
  'TEAMS_APP_TYPE',
  'TEAMS_TENANT_ID',
  'TEAMS_ALLOWED_TENANTS',
  'TEAMS_MESSAGES_PER_SECOND',
  'TEAMS_CONVERSATION_MESSAGES_PER_SECOND',
] as const;

export type TeamsAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** How the Teams adapter runs, decided by which variables are set. */
export type TeamsConfig =
  | {
      readonly mode: 'bot';
      readonly appId: string;
      readonly appType: TeamsAppType;
      /** Client secret (MultiTenant / SingleTenant); null for a managed identity. */
      readonly appPassword: string | null;
      readonly tenantId: string | null;
      /** The only tenants whose activities are taken (lower-case GUIDs); any other is refused unread. */
      readonly allowedTenants: readonly string[];
      readonly endpoints: BotFrameworkEndpoints;
      readonly pacing: TeamsPacing;
    }
  | { readonly mode: 'local'; readonly endpoints: BotFrameworkEndpoints; readonly pacing: TeamsPacing };

export interface TeamsPacing {
  /** Messages per second per tenant (Teams allows 50 per bot per tenant); 0 = unpaced. */
  readonly tenantPerSecond: number;
  /** Messages per second per conversation (Teams allows 7); 0 = unpaced. */
  readonly conversationPerSecond: number;
}

function rate(env: Record<string, string | undefined>, name: string, fallback: number, max: number, what: string): number {
  const raw = env[name] ?? String(fallback);
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) > max) {
    throw new ConfigError(`${name} must be a number from 0 to ${max} (${what}; 0 turns pacing off)`);
  }
  return Number(raw);
}

/**
 * Reads the Teams variables. TEAMS_APP_ID set: a real bot (JWT-checked in every mode). No app id
 * but TEAMS_LOCAL=1: local mode for the Bot Framework Emulator, refused in production. Neither:
 * Teams is off (null).
 */
export function loadTeamsConfig(env: Record<string, string | undefined>, nodeEnv: string): TeamsConfig | null {
  const endpoints: BotFrameworkEndpoints = {};
  for (const name of BOT_FRAMEWORK_ENDPOINT_VARIABLES) {
    const value = env[name];
    if (value !== undefined) endpoints[name] = value;
  }
  const given = Object.keys(endpoints).filter((name) => name !== 'ValidateAuthority' && name !== 'CallerId');
  const needed = BOT_FRAMEWORK_ENDPOINT_VARIABLES.filter((name) => name !== 'ValidateAuthority' && name !== 'CallerId');
  if (given.length > 0 && given.length < needed.length) {
    const missing = needed.filter((name) => endpoints[name] === undefined);
    throw new ConfigError(`${missing[0]} is missing: once one Bot Framework endpoint is overridden, set all of ${needed.join(', ')} (or none)`);
  }
  if (endpoints.ValidateAuthority !== undefined && !['true', 'false'].includes(endpoints.ValidateAuthority)) {
    throw new ConfigError('ValidateAuthority must be true or false');
  }
  const pacing: TeamsPacing = {
    tenantPerSecond: rate(env, 'TEAMS_MESSAGES_PER_SECOND', 50, 50, 'messages per second per tenant'),
    conversationPerSecond: rate(env, 'TEAMS_CONVERSATION_MESSAGES_PER_SECOND', 7, 7, 'messages per second per conversation'),
  };
  const appId = env.TEAMS_APP_ID;
  if (appId === undefined) {
    if (env.TEAMS_LOCAL === undefined) {
      // A Teams install whose app id did not load must not start as something else (the
      // playground has no sign-in): any other Teams setting means Teams was meant.
      const meant = [...TEAMS_SETTINGS, ...given].find((name) => env[name] !== undefined);
      if (meant !== undefined)
        throw new ConfigError(
          `TEAMS_APP_ID is missing: ${meant} is set, so Teams is meant; set TEAMS_APP_ID to the bot's Microsoft App ID (or unset ${meant})`,
        );
      return null;
    }
    if (env.TEAMS_LOCAL !== '1' && env.TEAMS_LOCAL !== 'true')
      throw new ConfigError('TEAMS_LOCAL must be 1 (local mode for the Bot Framework Emulator) or unset');
    if (nodeEnv === 'production') {
      throw new ConfigError(
        'TEAMS_LOCAL=1 accepts unauthenticated requests and is refused with NODE_ENV=production: set TEAMS_APP_ID and TEAMS_APP_PASSWORD instead',
      );
    }
    return { mode: 'local', endpoints, pacing };
  }
  if (env.TEAMS_LOCAL !== undefined) throw new ConfigError('TEAMS_LOCAL cannot be combined with TEAMS_APP_ID: unset TEAMS_LOCAL to run the real bot');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
    throw new ConfigError('TEAMS_APP_ID must be the bot’s Microsoft App ID, a GUID such as 00000000-0000-0000-0000-000000000000');
  }
  const appType = (env.TEAMS_APP_TYPE ?? 'MultiTenant') as TeamsAppType;
  if (!['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(appType)) {
    throw new ConfigError('TEAMS_APP_TYPE must be MultiTenant, SingleTenant or UserAssignedMSI');
  }
  const tenantId = env.TEAMS_TENANT_ID ?? null;
  if (appType !== 'MultiTenant' && tenantId === null) {
    throw new ConfigError(`TEAMS_TENANT_ID is missing: a ${appType} bot needs the Microsoft Entra tenant id its app registration lives in`);
  }
  const appPassword = env.TEAMS_APP_PASSWORD ?? null;
  if (appType === 'UserAssignedMSI' && appPassword !== null) {
    throw new ConfigError('TEAMS_APP_PASSWORD must not be set for a UserAssignedMSI bot: it signs in with its managed identity; unset it');
  }
  if (appType !== 'UserAssignedMSI' && appPassword === null) {
    throw new ConfigError('TEAMS_APP_PASSWORD is missing: create a client secret for the bot’s app registration (Certificates & secrets) and set it here');
  }
  return { mode: 'bot', appId, appType, appPassword, tenantId, allowedTenants: allowedTenants(env, appType, tenantId), endpoints, pacing };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * TEAMS_ALLOWED_TENANTS: anyone can sideload a MultiTenant bot's package into their own tenant,
 * and every person there would join the directory and the counts. A MultiTenant bot must list the
 * organisation's tenants; a single-tenant one defaults to its own.
 */
function allowedTenants(env: Record<string, string | undefined>, appType: TeamsAppType, tenantId: string | null): string[] {
  const listed = (env.TEAMS_ALLOWED_TENANTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = listed.find((t) => !GUID.test(t));
  if (bad !== undefined) throw new ConfigError(`TEAMS_ALLOWED_TENANTS has "${bad}": list Microsoft Entra tenant ids (GUIDs), separated by commas`);
  if (listed.length > 0) return listed.map((t) => t.toLowerCase());
  if (appType === 'MultiTenant' || tenantId === null) {
    throw new ConfigError(
      "TEAMS_ALLOWED_TENANTS is missing: a MultiTenant bot would take any tenant that installs its package; set your organisation's Entra tenant id(s), comma-separated",
    );
  }
  return [tenantId.toLowerCase()];
}
