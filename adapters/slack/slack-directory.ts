import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { matchLocale } from '../../src/domain/i18n/locale.js';
import { isValidZone } from '../../src/domain/schedule.js';
import type { DirectoryEntry, DirectorySource } from '../../src/pulse/index.js';

/** The fields of a Slack user object the directory reads, checked. */
export const slackUserSchema = z.object({
  id: z.string().min(1),
  deleted: z.boolean().optional(),
  is_bot: z.boolean().optional(),
  is_app_user: z.boolean().optional(),
  is_restricted: z.boolean().optional(),
  is_ultra_restricted: z.boolean().optional(),
  tz: z.string().nullable().optional(),
  locale: z.string().nullable().optional(),
  real_name: z.string().nullable().optional(),
  profile: z
    .object({ email: z.string().nullable().optional(), real_name: z.string().nullable().optional(), display_name: z.string().nullable().optional() })
    .partial()
    .optional(),
});
export type SlackUser = z.infer<typeof slackUserSchema>;

export interface SlackDirectoryOptions {
  readonly includeGuests: boolean;
  /** User group handles that make segments, in priority order; null = all, by handle. */
  readonly segmentGroups: readonly string[] | null;
}

/** Whether a Slack user is someone pulsebot should survey. */
export function isSurveyable(user: SlackUser, includeGuests: boolean): boolean {
  if (user.deleted === true || user.is_bot === true || user.is_app_user === true || user.id === 'USLACKBOT') return false;
  return includeGuests || (user.is_restricted !== true && user.is_ultra_restricted !== true);
}

export function toEntry(user: SlackUser, segment: string | null): DirectoryEntry {
  return {
    userId: user.id,
    email: user.profile?.email ?? null,
    timezone: user.tz && isValidZone(user.tz) ? user.tz : null,
    locale: matchLocale(user.locale),
    segment,
    name: user.profile?.real_name || user.real_name || user.profile?.display_name || null,
  };
}

const groupSchema = z.object({ id: z.string(), handle: z.string(), name: z.string(), date_delete: z.number().optional() });

/** A Slack workspace as a directory: users.list pages and user groups as segments. */
export function slackDirectory(client: WebClient, teamId: string, options: SlackDirectoryOptions): DirectorySource {
  let groups: { id: string; handle: string; name: string }[] | null = null;
  const loadGroups = async () => {
    if (groups !== null) return groups;
    const result = await client.usergroups.list({ include_disabled: false });
    const all = z
      .array(groupSchema)
      .parse(result.usergroups ?? [])
      .filter((g) => !g.date_delete);
    const wanted = options.segmentGroups;
    groups = wanted === null ? all.sort((a, b) => a.handle.localeCompare(b.handle)) : wanted.flatMap((handle) => all.filter((g) => g.handle === handle));
    return groups;
  };
  return {
    platform: 'slack',
    tenant: teamId,
    async segments() {
      return (await loadGroups()).map((g) => ({ id: g.handle, name: g.name }));
    },
    async members(segmentId) {
      const group = (await loadGroups()).find((g) => g.handle === segmentId);
      if (!group) return [];
      const result = await client.usergroups.users.list({ usergroup: group.id });
      return z.array(z.string()).parse(result.users ?? []);
    },
    async *pages(segmentOf) {
      let cursor: string | undefined;
      do {
        const result = await client.users.list({ limit: 200, include_locale: true, ...(cursor ? { cursor } : {}) });
        const members = z.array(slackUserSchema).parse(result.members ?? []);
        yield members.filter((u) => isSurveyable(u, options.includeGuests)).map((u) => toEntry(u, segmentOf(u.id)));
        cursor = result.response_metadata?.next_cursor || undefined;
      } while (cursor);
    },
  };
}
