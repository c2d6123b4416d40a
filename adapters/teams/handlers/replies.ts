import type { Application } from '@microsoft/teams-ai';
import { translator } from '../../../src/domain/i18n/translate.js';
import { parseRepliesAnswer, parseRepliesLink, repliesCard, REPLIES_ANSWER_VERB, REPLIES_VERB } from '../../cards/replies-card.js';
import { actorOf } from '../turn.js';
import { localeOf, type TeamsContext } from '../teams-context.js';

/**
 * Replies to a comment in Teams (issue #19): the entry card's Action.Execute carries the prompt's
 * token, so the thread is found from that card alone and only for its recipient; the card is
 * replaced in place by the thread and a box to answer back.
 */
export function registerRepliesHandlers(app: Application, ctx: TeamsContext): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(REPLIES_VERB, async (context, _state, data) => {
    const actor = actorOf(ctx, context);
    const locale = await localeOf(ctx, actor.key, context.activity.locale);
    const link = parseRepliesLink(data);
    if (link === null) return translator(locale)('answer.invalid');
    const threads = await ctx.pulse.conversations.threads({ roundId: link.r, person: actor.key, responseToken: link.t, binding: link.g });
    return repliesCard(link, threads, locale);
  });

  app.adaptiveCards.actionExecute<Record<string, unknown>>(REPLIES_ANSWER_VERB, async (context, _state, data) => {
    const actor = actorOf(ctx, context);
    const locale = await localeOf(ctx, actor.key, context.activity.locale);
    const t = translator(locale);
    const answer = parseRepliesAnswer(data);
    if (answer === null) return t('answer.invalid');
    const holder = { roundId: answer.r, person: actor.key, responseToken: answer.t, binding: answer.g };
    let note = t('replies.sent');
    try {
      await ctx.pulse.conversations.answerBack(holder, answer.c, answer.text);
    } catch {
      note = t('answer.invalid');
    }
    return repliesCard(answer, await ctx.pulse.conversations.threads(holder), locale, note);
  });
}
