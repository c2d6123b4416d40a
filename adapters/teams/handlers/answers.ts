import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { t } from '../../../src/domain/i18n/translate.js';
import { answerFromCard } from '../../cards/card-answer.js';
import { ANSWER_VERB, REFRESH_VERB, followUpsOf, parseAnswerData, parseLink, shownAnsweredOf, type AnswerData } from '../../cards/card-data.js';
import { cardActivity, goneCard, stateCard, type AdaptiveCardJson } from '../../cards/prompt-card.js';
import { repliesEntryCard } from '../../cards/replies-card.js';
import { actorOf } from '../turn.js';
import { localeOf, type TeamsContext } from '../teams-context.js';

/**
 * Records one answer and returns the card to show in its place (the same card, refreshed), or
 * only a note when the card was not this person's: someone else's card is never redrawn for them.
 * A comment that could identify its author comes back first with a warning (issue #15).
 */
async function answer(ctx: TeamsContext, context: TurnContext, data: AnswerData, rawData: unknown = {}): Promise<AdaptiveCardJson | string> {
  const { pulse } = ctx;
  const actor = actorOf(ctx, context);
  const locale = await pulse.prompts.locale(data.r, actor.key, context.activity.locale);
  const outcome = await answerFromCard(pulse, {
    person: actor.key,
    data,
    rawData,
    locale,
    names: pulse.directory.names?.namesFor(actor.key) ?? [],
    // The answer service has checked the tag against this person (or the prompt predates tags).
    // The card is drawn from what the clicked card showed answered and what this process
    // recorded, without reading the ledger (as Slack's redraw; see adapters/slack/handlers/answers.ts).
    redraw: async (note, followUps) => {
      const state = await pulse.prompts.state(data.r, actor.key, data.t, data.g ?? '', { shownAnswered: shownAnsweredOf(data) });
      return state === null ? goneCard(data.r, 'pulse', data.t, locale, note) : stateCard(state, locale, note, followUps);
    },
  });
  if (outcome.kind === 'card' && outcome.commented === true) {
    // The prompt's card loses its inputs at close; replies come later: their entry card is a message of its own.
    const link = { r: data.r, t: data.t, q: data.q, ...(data.g === undefined ? {} : { g: data.g }) };
    await context.sendActivity(cardActivity(repliesEntryCard(link, locale), t(locale, 'replies.threadIntro')));
  }
  return outcome.kind === 'card' ? outcome.card : outcome.text;
}

export function registerAnswerHandlers(app: Application, ctx: TeamsContext): void {
  // Universal Actions: the card is replaced in place by the one returned.
  app.adaptiveCards.actionExecute<Record<string, unknown>>(ANSWER_VERB, async (context, _state, data) => {
    const parsed = parseAnswerData(data);
    if (parsed === null) {
      ctx.pulse.logger.warn({ adapter: 'teams' }, 'ignored a malformed answer action');
      return t(await localeOf(ctx, actorOf(ctx, context).key, context.activity.locale), 'answer.invalid');
    }
    const started = performance.now();
    const card = await answer(ctx, context, parsed, data);
    // The card goes back as this invoke's response: this is the click's answer to Teams.
    ctx.pulse.metrics?.answerAcknowledged('teams', (performance.now() - started) / 1000);
    return card;
  });

  // Opening a card asks for its current state (answered elsewhere, or closed).
  app.adaptiveCards.actionExecute<Record<string, unknown>>(REFRESH_VERB, async (context, _state, data) => {
    const link = parseLink(data);
    const actor = actorOf(ctx, context);
    const locale =
      link === null ? await localeOf(ctx, actor.key, context.activity.locale) : await ctx.pulse.prompts.locale(link.r, actor.key, context.activity.locale);
    if (link === null) return t(locale, 'ui.roundClosed');
    // A tagged card is redrawn only for the person it was sent to; an untagged one (sent before
    // tags) is redrawn without one, so its clicks work only where no tag is asked for.
    if (link.g !== undefined && !ctx.pulse.prompts.tagMatches(link.t, actor.key, link.g)) return t(locale, 'answer.notInvited');
    const state = await ctx.pulse.prompts.state(link.r, actor.key, link.t, link.g ?? '');
    return state === null ? t(locale, 'ui.roundClosed') : stateCard(state, locale, undefined, followUpsOf(link));
  });

  // Older clients send Action.Submit as a message; the card is then updated through the connector.
  app.adaptiveCards.actionSubmit<Record<string, unknown>>(ANSWER_VERB, async (context, _state, data) => {
    const parsed = parseAnswerData(data);
    if (parsed === null) return;
    const card = await answer(ctx, context, parsed, data);
    if (typeof card === 'string') {
      await context.sendActivity(card);
      return;
    }
    const replyTo = context.activity.replyToId;
    if (replyTo) await context.updateActivity({ ...cardActivity(card, ''), id: replyTo });
  });
}
