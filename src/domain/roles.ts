import { z } from 'zod';

export const ROLES = ['admin', 'hr', 'leader'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Someone acting in pulsebot, with the roles they hold (stored and bootstrapped). */
export interface Actor {
  readonly roles: readonly Role[];
  /** Segments a leader sees, each with everything below it. */
  readonly leads: readonly string[];
}

/** Admins can do everything HR can. */
export function isHr(actor: Actor): boolean {
  return actor.roles.includes('hr') || actor.roles.includes('admin');
}

export function isAdmin(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

/** The segment roots whose results `actor` may see: everything for HR/admins, else what they lead. */
export function resultScope(actor: Actor): 'all' | readonly string[] {
  if (isHr(actor)) return 'all';
  return actor.roles.includes('leader') ? actor.leads : [];
}

/**
 * A platform user named in configuration: `slack:U0123ABC`, `teams:<object id>`, or with the
 * workspace or tenant it must be in: `slack:T0123:U0123ABC`, `teams:<tenant id>:<object id>`.
 */
export interface PlatformUserRef {
  readonly platform: string;
  readonly userId: string;
  /** The Slack workspace (`T…`/`E…`) or Entra tenant (GUID) the user must be in; absent: any allowed one. */
  readonly tenant?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parsePlatformUserRef(text: string): PlatformUserRef | null {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) return null;
  const platform = text.slice(0, at).trim();
  const rest = text.slice(at + 1).trim();
  if (!['slack', 'teams', 'web'].includes(platform) || rest === '') return null;
  const [first = '', second, ...more] = rest.split(':');
  const withTenant =
    more.length === 0 &&
    second !== undefined &&
    second !== '' &&
    (platform === 'teams' ? GUID.test(first) && GUID.test(second) : platform === 'slack' && /^[TE][A-Z0-9]+$/.test(first));
  return withTenant
    ? { platform, tenant: platform === 'teams' ? first.toLowerCase() : first, userId: platform === 'teams' ? second.toLowerCase() : second }
    : { platform, userId: rest };
}

/** Whether a configured user names the person with this key (`platform:tenant:userId`). */
export function refNames(ref: PlatformUserRef, key: string): boolean {
  const [platform = '', tenant = '', ...rest] = key.split(':');
  const userId = rest.join(':');
  const sameUser = platform === 'teams' ? ref.userId.toLowerCase() === userId.toLowerCase() : ref.userId === userId;
  return ref.platform === platform && sameUser && (ref.tenant === undefined || ref.tenant.toLowerCase() === tenant.toLowerCase());
}
