import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { personKey, type Pulse } from '../../src/pulse/index.js';
import type { TtlCache } from '../../src/lib/ttl-cache.js';
import type { TeamsConversationStore } from '../../src/ports/platform-state.js';
import type { TeamsPacer } from './pacing.js';

/** What the Teams handlers and the platform share. */
export interface TeamsContext {
  readonly pulse: Pulse;
  readonly adapter: TeamsAdapter;
  /** The bot's app id ('' in local mode). */
  readonly appId: string;
  /** The OAuth scope of outbound calls (ToChannelFromBotOAuthScope), null for the public cloud's. */
  readonly audience: string | null;
  readonly conversations: TeamsConversationStore;
  readonly pacer: TeamsPacer;
  /** The tenant used when an activity names none (the Emulator, local mode). */
  readonly defaultTenant: string;
  /** Tenants whose activities are taken; null in local mode (the Emulator), where any is. */
  readonly allowedTenants: ReadonlySet<string> | null;
  /** Syncs one tenant's directory from its teams' rosters and personal installs. */
  readonly syncTenant: (tenant: string) => Promise<void>;
  /** How long `results` may take in the turn before the reply follows as its own message. */
  readonly resultsBudgetMs: number;
  /** A signed, expiring link to the results dashboard for a person; absent when it is not served. */
  readonly dashboardUrl?: (person: string) => string;
  /** What rememberPersonal last saw from each person in this process (see turn.ts). */
  readonly remembered: TtlCache<string, string>;
}

/** People in Teams are keyed by tenant and Microsoft Entra object id (stable across apps). */
export function teamsPersonKey(tenant: string, aadObjectId: string): string {
  return personKey('teams', tenant, aadObjectId);
}

/** The language to speak to a person in: theirs from the directory, else Teams' locale, else the default. */
export function localeOf(ctx: TeamsContext, key: string, teamsLocale?: string | null): Promise<Locale> {
  return ctx.pulse.directory.localeOf(key, teamsLocale);
}
