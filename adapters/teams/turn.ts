import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { matchLocale } from '../../src/domain/i18n/locale.js';
import { isValidZone } from '../../src/domain/schedule.js';
import type { PersonalConversation } from '../../src/ports/platform-state.js';
import { teamsPersonKey, type TeamsContext } from './teams-context.js';

const channelDataSchema = z
  .object({
    tenant: z.object({ id: z.string().min(1) }).optional(),
    team: z.object({ id: z.string().min(1), name: z.string().optional() }).optional(),
    eventType: z.string().optional(),
  })
  .partial();

export function channelData(context: TurnContext): z.infer<typeof channelDataSchema> {
  const parsed = channelDataSchema.safeParse(context.activity.channelData ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * The tenant of a turn: only Teams' own channel data names it (the gate in turn-guard.ts has
 * checked it is an allowed one). `conversation.tenantId` is not read: a client may set it.
 */
export function tenantOf(ctx: TeamsContext, context: TurnContext): string {
  return channelData(context).tenant?.id.toLowerCase() ?? ctx.defaultTenant;
}

export interface TurnActor {
  readonly tenant: string;
  /** Microsoft Entra object id; the Emulator has none, so its channel id stands in. */
  readonly aadObjectId: string;
  readonly memberId: string;
  readonly key: string;
}

export function actorOf(ctx: TeamsContext, context: TurnContext): TurnActor {
  const tenant = tenantOf(ctx, context);
  const from = context.activity.from;
  const aadObjectId = from.aadObjectId ?? from.id;
  return { tenant, aadObjectId, memberId: from.id, key: teamsPersonKey(tenant, aadObjectId) };
}

export const isPersonal = (context: TurnContext): boolean => (context.activity.conversation.conversationType ?? 'personal') === 'personal';

/** How long a process trusts that a person's 1:1 chat and directory entry are as it last saw them. */
export const REMEMBERED_MS = 5 * 60_000;

/**
 * Keeps the 1:1 chat with whoever writes to (or installs) the bot, with the locale and time zone
 * Teams reports, and puts them in the directory. Team and group chats store nothing here.
 *
 * It runs before every turn, card answers included, so it writes only what changed: a turn that
 * carries what this process saw from the same person in the last REMEMBERED_MS costs nothing,
 * and one that matches what is stored costs the two reads that tell.
 */
export async function rememberPersonal(ctx: TeamsContext, context: TurnContext): Promise<void> {
  if (!isPersonal(context)) return;
  const activity = context.activity;
  if (!activity.serviceUrl || !activity.conversation.id || activity.from.id === activity.recipient.id) return;
  const actor = actorOf(ctx, context);
  const timezone = activity.localTimezone && isValidZone(activity.localTimezone) ? activity.localTimezone : null;
  const locale = activity.locale ?? null;
  const seen = JSON.stringify([
    activity.serviceUrl,
    activity.channelId,
    activity.conversation.id,
    activity.recipient.id,
    actor.tenant,
    actor.memberId,
    locale,
    timezone,
  ]);
  if (ctx.remembered.get(actor.key) === seen) return;

  // The conversation reference and the person are separate records: both are brought up to date side by side.
  const remember = async (): Promise<void> => {
    const previous = await ctx.conversations.personal(actor.key);
    const conversation: PersonalConversation = {
      _id: actor.key,
      serviceUrl: activity.serviceUrl,
      channelId: activity.channelId,
      conversationId: activity.conversation.id,
      botId: activity.recipient.id,
      tenant: actor.tenant,
      memberId: actor.memberId,
      aadObjectId: actor.aadObjectId,
      locale: locale ?? previous?.locale ?? null,
      timezone: timezone ?? previous?.timezone ?? null,
    };
    if (previous === null || !sameConversation(previous, conversation)) await ctx.conversations.savePersonal(conversation);
  };
  await Promise.all([
    remember(),
    ctx.pulse.directory.seen({
      platform: 'teams',
      tenant: actor.tenant,
      userId: actor.aadObjectId,
      // The roster is read only for someone with no address stored yet.
      rosterEmail: async () => (await ctx.conversations.member(actor.tenant, actor.aadObjectId))?.email ?? null,
      timezone,
      locale: matchLocale(locale),
      standing: 'member',
    }),
  ]);
  ctx.remembered.set(actor.key, seen);
}

function sameConversation(stored: PersonalConversation, next: PersonalConversation): boolean {
  return (Object.keys(next) as (keyof PersonalConversation)[]).every((key) => stored[key] === next[key]);
}
