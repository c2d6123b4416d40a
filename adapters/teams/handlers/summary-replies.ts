import type { Application } from '@microsoft/teams-ai';
import { isDomainError } from '../../../src/domain/errors.js';
import { translator } from '../../../src/domain/i18n/translate.js';
import { parseSummaryReplies, SUMMARY_REPLIES_VERB } from '../../cards/summary-replies-card.js';
import { actorOf } from '../turn.js';
import { localeOf, type TeamsContext } from '../teams-context.js';

/** Replies to a summary's comments from the card's form (issue #19): through the door, which checks the reader may read each. */
export function registerSummaryReplyHandlers(app: Application, ctx: TeamsContext): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(SUMMARY_REPLIES_VERB, async (context, _state, data) => {
    const actor = actorOf(ctx, context);
    const t = translator(await localeOf(ctx, actor.key, context.activity.locale));
    const replies = parseSummaryReplies(data);
    if (replies === null) return t('answer.invalid');
    if (replies.length === 0) return t('summaryReply.none');
    let sent = 0;
    for (const reply of replies) {
      try {
        await ctx.pulse.conversations.respond(actor.key, reply.commentId, reply.body);
        sent++;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return t(isDomainError(error, 'INVALID_INPUT') ? 'answer.invalid' : 'summaryReply.notAllowed');
      }
    }
    return t('summaryReply.sent', { n: sent });
  });
}
