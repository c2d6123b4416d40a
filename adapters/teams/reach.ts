import type { ConversationReference, TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { UNREACHABLE, UnreachableError, type Recipient } from '../../src/ports/chat-platform.js';
import type { PersonalConversation, StoredReference } from '../../src/ports/platform-state.js';
import { teamsPersonKey, type TeamsContext } from './teams-context.js';

export { UNREACHABLE };

export class TeamsUnreachableError extends UnreachableError {
  override readonly name = 'TeamsUnreachableError';
  constructor() {
    super(`${UNREACHABLE}: pulsebot is not installed for this person (no 1:1 chat and no team that lists them)`);
  }
}

export function referenceOf(stored: StoredReference, userId?: string): Partial<ConversationReference> {
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    conversation: { id: stored.conversationId, tenantId: stored.tenant, isGroup: false, conversationType: userId ? 'personal' : 'channel', name: '' },
    bot: { id: stored.botId, name: 'pulsebot' },
    ...(userId ? { user: { id: userId, name: '' } } : {}),
  };
}

/** Runs `logic` in the conversation `stored` refers to (a proactive turn). */
export async function inConversation<T>(ctx: TeamsContext, stored: StoredReference, logic: (context: TurnContext) => Promise<T>, userId?: string): Promise<T> {
  let result: { value: T } | null = null;
  await ctx.adapter.continueConversationAsync(ctx.appId, referenceOf(stored, userId), async (context) => {
    result = { value: await logic(context) };
  });
  if (result === null) throw new Error('the proactive turn did not run');
  return (result as { value: T }).value;
}

/**
 * The 1:1 chat with a person: the one stored when they installed the app or wrote to it, or a
 * new one opened from the roster of a team the app is installed in. Neither: unreachable.
 */
export async function personalConversation(ctx: TeamsContext, recipient: Recipient): Promise<PersonalConversation> {
  const key = teamsPersonKey(recipient.tenant, recipient.userId);
  const stored = await ctx.conversations.personal(key);
  if (stored !== null) return stored;
  const member = await ctx.conversations.member(recipient.tenant, recipient.userId);
  const team = member === null ? null : await ctx.conversations.anyTeam(member.teams, recipient.tenant);
  if (member === null || team === null) throw new TeamsUnreachableError();
  let conversationId: string | null = null;
  const audience = ctx.audience ?? AuthenticationConstants.ToChannelFromBotOAuthScope;
  await ctx.adapter.createConversationAsync(
    ctx.appId,
    team.channelId,
    team.serviceUrl,
    audience,
    {
      isGroup: false,
      bot: { id: team.botId, name: 'pulsebot' },
      members: [{ id: member.memberId, name: '' }],
      tenantId: recipient.tenant,
      channelData: { tenant: { id: recipient.tenant } },
    },
    (context) => {
      conversationId = context.activity.conversation.id;
      return Promise.resolve();
    },
  );
  if (conversationId === null) throw new Error('the Bot Connector created no conversation');
  const created: PersonalConversation = {
    _id: key,
    serviceUrl: team.serviceUrl,
    channelId: team.channelId,
    conversationId,
    botId: team.botId,
    tenant: recipient.tenant,
    memberId: member.memberId,
    aadObjectId: recipient.userId,
    locale: null,
    timezone: null,
  };
  await ctx.conversations.savePersonal(created);
  return created;
}
