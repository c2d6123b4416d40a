import { z } from 'zod';
import { ConfigError } from './lib/config-error.js';

/** How the Slack adapter runs, decided by which variables are set. */
export type SlackConfig =
  | { readonly mode: 'single'; readonly signingSecret: string; readonly botToken: string; readonly common: SlackCommon }
  | { readonly mode: 'socket'; readonly appToken: string; readonly botToken: string; readonly common: SlackCommon }
  | {
      readonly mode: 'oauth';
      readonly signingSecret: string;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly stateSecret: string;
      readonly common: SlackCommon;
    };

export interface SlackCommon {
  /** Base URL of the Web API, ending in `/`; null for Slack's own. */
  readonly apiUrl: string | null;
  readonly includeGuests: boolean;
  /** User group handles that define segments, in priority order; null = every group, by handle. */
  readonly segmentGroups: readonly string[] | null;
  /** OAuth mode: the only workspace (T…) or org (E…) ids that may install; null = any. */
  readonly allowedTeams: readonly string[] | null;
  /** chat.postMessage calls per second per workspace during a fan-out (0 = unpaced). */
  readonly messagesPerSecond: number;
}

const urlSchema = z.url({ message: 'SLACK_API_URL must be a URL such as https://slack.example.com/api/' });

function need(env: Record<string, string | undefined>, name: string, why: string): string {
  const value = env[name];
  if (value === undefined) throw new ConfigError(`${name} is missing: ${why}`);
  return value;
}

/**
 * Reads the Slack variables. None set: Slack is off (null). Set partly: one line naming what is
 * missing. Modes: SLACK_CLIENT_ID → OAuth install for many workspaces; SLACK_APP_TOKEN →
 * Socket Mode; otherwise HTTP with one workspace's bot token.
 */
export function loadSlackConfig(env: Record<string, string | undefined>): SlackConfig | null {
  const names = Object.keys(env).filter((name) => name.startsWith('SLACK_'));
  if (names.length === 0) return null;
  const apiUrlRaw = env.SLACK_API_URL;
  let apiUrl: string | null = null;
  if (apiUrlRaw !== undefined) {
    const parsed = urlSchema.safeParse(apiUrlRaw);
    if (!parsed.success) throw new ConfigError(parsed.error.issues[0]?.message ?? 'SLACK_API_URL is not a URL');
    apiUrl = parsed.data.endsWith('/') ? parsed.data : `${parsed.data}/`;
  }
  const guests = env.SLACK_INCLUDE_GUESTS;
  if (guests !== undefined && !['true', 'false', '1', '0'].includes(guests)) {
    throw new ConfigError('SLACK_INCLUDE_GUESTS must be true or false');
  }
  const rate = env.SLACK_MESSAGES_PER_SECOND ?? '5';
  if (!/^\d+(\.\d+)?$/.test(rate) || Number(rate) > 100) {
    throw new ConfigError('SLACK_MESSAGES_PER_SECOND must be a number from 0 to 100 (messages per second per workspace; 0 turns pacing off)');
  }
  const allowed = env.SLACK_ALLOWED_TEAMS?.split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const groups = env.SLACK_SEGMENT_GROUPS?.split(',')
    .map((g) => g.trim().replace(/^@/, ''))
    .filter((g) => g !== '');
  const common: SlackCommon = {
    apiUrl,
    includeGuests: guests === 'true' || guests === '1',
    segmentGroups: groups && groups.length > 0 ? groups : null,
    messagesPerSecond: Number(rate),
    allowedTeams: allowed && allowed.length > 0 ? allowed : null,
  };
  const signingWhy = 'copy the Signing Secret from your Slack app’s Basic Information page';
  if (env.SLACK_CLIENT_ID !== undefined) {
    // Any workspace could install a multi-workspace app and join the directory and the counts.
    if (common.allowedTeams === null) {
      throw new ConfigError(
        "SLACK_ALLOWED_TEAMS is missing: with SLACK_CLIENT_ID any workspace could install pulsebot and join your organisation's counts; list your workspace (T…) or Enterprise org (E…) ids, comma-separated",
      );
    }
    return {
      mode: 'oauth',
      clientId: env.SLACK_CLIENT_ID,
      clientSecret: need(env, 'SLACK_CLIENT_SECRET', 'copy the Client Secret from your Slack app’s Basic Information page'),
      stateSecret: need(env, 'SLACK_STATE_SECRET', 'set it to a random string of at least 32 characters (`openssl rand -hex 32`)'),
      signingSecret: need(env, 'SLACK_SIGNING_SECRET', signingWhy),
      common,
    };
  }
  const botToken = need(
    env,
    'SLACK_BOT_TOKEN',
    'copy the Bot User OAuth Token (xoxb-…) from your Slack app’s OAuth & Permissions page, or set SLACK_CLIENT_ID for multi-workspace install',
  );
  if (!botToken.startsWith('xoxb-')) throw new ConfigError('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
  if (env.SLACK_APP_TOKEN !== undefined) {
    if (!env.SLACK_APP_TOKEN.startsWith('xapp-'))
      throw new ConfigError('SLACK_APP_TOKEN must be an app-level token starting with xapp- (with the connections:write scope)');
    return { mode: 'socket', appToken: env.SLACK_APP_TOKEN, botToken, common };
  }
  return { mode: 'single', signingSecret: need(env, 'SLACK_SIGNING_SECRET', signingWhy), botToken, common };
}
