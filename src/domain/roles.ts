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

/** A platform user named in configuration: `slack:U0123ABC`, `teams:29:1xyz` (ids may contain `:`). */
export interface PlatformUserRef {
  readonly platform: string;
  readonly userId: string;
}

export function parsePlatformUserRef(text: string): PlatformUserRef | null {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) return null;
  const platform = text.slice(0, at).trim();
  const userId = text.slice(at + 1).trim();
  if (!['slack', 'teams', 'web'].includes(platform) || userId === '') return null;
  return { platform, userId };
}
