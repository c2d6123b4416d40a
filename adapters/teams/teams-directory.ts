import { createHash } from 'node:crypto';
import { TeamsInfo } from 'botbuilder';
import { matchLocale } from '../../src/domain/i18n/locale.js';
import type { DirectoryEntry, DirectorySource } from '../../src/pulse/index.js';
import type { TeamConversation } from '../../src/ports/platform-state.js';
import { inConversation } from './reach.js';
import type { TeamsContext } from './teams-context.js';

const PAGE_SIZE = 500;

/** A team's segment id: its name as a slug (what HR types in `results sales`), made unique by the team id. */
export function teamSegmentId(team: Pick<TeamConversation, '_id' | 'name'>, taken: ReadonlySet<string>): string {
  const slug =
    team.name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'team';
  return taken.has(slug) ? `${slug}-${createHash('sha256').update(team._id).digest('hex').slice(0, 6)}` : slug;
}

interface RosterPerson {
  readonly aadObjectId: string;
  readonly email: string | null;
  readonly name: string | null;
  readonly teams: string[];
}

/**
 * A Teams tenant as a directory: the rosters of every team the app is installed in (paged, each
 * team a segment) plus everyone who installed the app personally. Guests and bots are left out.
 */
export function teamsDirectory(ctx: TeamsContext, tenant: string): DirectorySource {
  let loaded: Promise<{ segments: { id: string; name: string; teamId: string }[]; people: Map<string, RosterPerson> }> | null = null;
  const load = async () => {
    const teams = await ctx.conversations.teamsIn(tenant);
    const taken = new Set<string>();
    const segments = teams.map((team) => {
      const id = teamSegmentId(team, taken);
      taken.add(id);
      return { id, name: team.name, teamId: team._id };
    });
    const people = new Map<string, RosterPerson>();
    for (const team of teams) {
      let token: string | undefined;
      do {
        const page = await inConversation(ctx, team, (context) => TeamsInfo.getPagedMembers(context, PAGE_SIZE, token));
        for (const member of page.members) {
          if (!member.aadObjectId || member.userRole === 'guest' || member.userRole === 'bot') continue;
          await ctx.conversations.saveMember({ tenant, aadObjectId: member.aadObjectId, memberId: member.id, email: member.email ?? null }, team._id);
          const known = people.get(member.aadObjectId);
          if (known) known.teams.push(team._id);
          else people.set(member.aadObjectId, { aadObjectId: member.aadObjectId, email: member.email ?? null, name: member.name || null, teams: [team._id] });
        }
        token = page.continuationToken || undefined;
      } while (token);
    }
    return { segments, people };
  };
  const data = () => (loaded ??= load());
  return {
    platform: 'teams',
    tenant,
    async segments() {
      return (await data()).segments.map(({ id, name }) => ({ id, name }));
    },
    async members(segmentId) {
      const { segments, people } = await data();
      const teamId = segments.find((s) => s.id === segmentId)?.teamId;
      return [...people.values()].filter((p) => teamId !== undefined && p.teams.includes(teamId)).map((p) => p.aadObjectId);
    },
    async *pages(segmentOf) {
      const { people } = await data();
      const personal = await ctx.conversations.personalIn(tenant);
      const chats = new Map(personal.map((p) => [p.aadObjectId, p]));
      const entries: DirectoryEntry[] = [];
      const entry = (aadObjectId: string, email: string | null, name: string | null): DirectoryEntry => {
        const chat = chats.get(aadObjectId);
        return { userId: aadObjectId, email, timezone: chat?.timezone ?? null, locale: matchLocale(chat?.locale), segment: segmentOf(aadObjectId), name };
      };
      for (const person of people.values()) entries.push(entry(person.aadObjectId, person.email, person.name));
      for (const chat of personal) if (!people.has(chat.aadObjectId)) entries.push(entry(chat.aadObjectId, null, null));
      for (let i = 0; i < entries.length; i += PAGE_SIZE) yield entries.slice(i, i + PAGE_SIZE);
    },
  };
}
