import type { Application } from '@microsoft/teams-ai';
import { TurnContext, type Activity } from 'botbuilder';
import type { ChatReply } from '../../../src/pulse/index.js';
import { translator } from '../../../src/domain/i18n/translate.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { teamsReply, teamsStyle, turnTokens } from '../conversation.js';
import { actorOf, isPersonal, tenantOf } from '../turn.js';
import { localeOf, type TeamsContext } from '../teams-context.js';

/**
 * Sends to this turn's chat after the turn has ended: a proactive message, paced with the
 * prompts (a send-now's confirmation arrives while its prompts are going out, and counts
 * against the same per-tenant limit).
 */
function laterInChat(ctx: TeamsContext, context: TurnContext): (activity: Partial<Activity> | string) => Promise<void> {
  const reference = TurnContext.getConversationReference(context.activity);
  const tenant = tenantOf(ctx, context);
  const conversation = context.activity.conversation.id;
  return (activity) =>
    ctx.pacer.send(tenant, conversation, () =>
      ctx.adapter.continueConversationAsync(ctx.appId, reference, async (later) => void (await later.sendActivity(activity))),
    );
}

/** Sends a reply that follows the turn (a late result, a send-now's outcome) once the turn's own reply is posted. */
function followUp(ctx: TeamsContext, context: TurnContext, later: Promise<ChatReply>, locale: Locale): void {
  const send = laterInChat(ctx, context);
  later
    .then((reply) => send(teamsReply(reply, locale)))
    .catch((error: unknown) => ctx.pulse.logger.warn({ err: error, adapter: 'teams' }, 'could not send a reply after the turn'));
}

/**
 * What people type to the bot: tokenized here, understood and answered by the shared
 * conversation (the same grammar, permissions and texts as Slack and the web chat).
 */
export function registerCommandHandlers(app: Application, ctx: TeamsContext): void {
  app.activity('message', async (context) => {
    if (!context.activity.text) return;
    const actor = actorOf(ctx, context);
    const locale = await localeOf(ctx, actor.key, context.activity.locale);
    const intent = ctx.pulse.conversation.parse(await turnTokens(ctx, context, actor.tenant));
    const options = {
      actor: actor.key,
      locale,
      style: teamsStyle,
      budgetMs: ctx.resultsBudgetMs,
      dashboardUrl: (person: string) => ctx.dashboardUrl?.(person) ?? null,
    };
    // In a team channel everyone would see the answer: only help is given there.
    if (!isPersonal(context)) {
      const help = intent.kind === 'help' ? (await ctx.pulse.conversation.converse(intent, options)).now : null;
      await context.sendActivity(help !== null ? teamsReply(help, locale) : translator(locale)('teams.cmd.personalOnly'));
      return;
    }
    const turn = await ctx.pulse.conversation.converse(intent, options);
    if (turn.now !== null) await context.sendActivity(teamsReply(turn.now, locale));
    if (turn.later) followUp(ctx, context, turn.later, locale);
  });
}
