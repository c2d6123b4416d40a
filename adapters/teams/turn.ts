import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { matchLocale } from '../../src/domain/i18n/locale.js';
import { isValidZone } from '../../src/domain/schedule.js';
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

export function tenantOf(ctx: TeamsContext, context: TurnContext): string {
  return context.activity.conversation.tenantId ?? channelData(context).tenant?.id ?? ctx.defaultTenant;
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

/**
 * Keeps the 1:1 chat with whoever writes to (or installs) the bot, with the locale and time zone
 * Teams reports, and puts them in the directory. Team and group chats store nothing here.
 */
export async function rememberPersonal(ctx: TeamsContext, context: TurnContext): Promise<void> {
  if (!isPersonal(context)) return;
  const activity = context.activity;
  if (!activity.serviceUrl || !activity.conversation.id || activity.from.id === activity.recipient.id) return;
  const actor = actorOf(ctx, context);
  const timezone = activity.localTimezone && isValidZone(activity.localTimezone) ? activity.localTimezone : null;
  const locale = activity.locale ?? null;
  const previous = await ctx.conversations.personal.findOne({ _id: actor.key });
  await ctx.conversations.savePersonal({
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
  });
  const existing = await ctx.deps.store.people.get(actor.key);
  const member = await ctx.conversations.member(actor.tenant, actor.aadObjectId);
  await ctx.deps.store.people.upsertFromPlatform({
    platform: 'teams',
    tenant: actor.tenant,
    userId: actor.aadObjectId,
    email: existing?.email ?? member?.email ?? null,
    timezone: timezone ?? existing?.timezone ?? null,
    locale: matchLocale(locale) ?? existing?.locale ?? null,
    segment: existing?.segmentSource === 'platform' ? existing.segment : null,
    syncId: existing?.syncId ?? 'event',
  });
}
