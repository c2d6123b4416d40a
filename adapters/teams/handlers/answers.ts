import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { isDomainError } from '../../../src/domain/errors.js';
import type { MessageKey } from '../../../src/domain/i18n/en.js';
import { t } from '../../../src/domain/i18n/translate.js';
import { recordAnswer } from '../../../src/services/record-answer.js';
import { ANSWER_VERB, REFRESH_VERB, answerErrorKey, parseAnswerData, parseLink, rawFor, type AnswerData } from '../card-data.js';
import { currentCard, roundQuestions } from '../card-refresh.js';
import { cardActivity, promptCard, type AdaptiveCardJson } from '../prompt-card.js';
import { actorOf } from '../turn.js';
import { decideTeamsComment, withCommentWarning } from '../comment-warning-card.js';
import { resolveLocale, type Locale } from '../../../src/domain/i18n/locale.js';
import { localeOf, type TeamsContext } from '../teams-context.js';

/** The language the prompt was sent in (an exit survey HR sent in a chosen language), else the person's. */
async function promptLocale(ctx: TeamsContext, context: TurnContext, roundId: string, person: string): Promise<Locale> {
  const { lookups } = ctx.deps.store;
  const invitation = await lookups.invitation(roundId, person);
  return invitation?.locale ?? resolveLocale((await lookups.personLocale(person)) ?? context.activity.locale ?? null, ctx.deps.settings.defaultLocale);
}


/**
 * Records one answer and returns the card to show in its place (the same card, refreshed), or
 * only a note when the card was not this person's: someone else's card is never redrawn for them.
 * A comment that could identify its author comes back first with a warning (issue #15).
 */
async function answer(ctx: TeamsContext, context: TurnContext, data: AnswerData, rawData: unknown = {}): Promise<AdaptiveCardJson | string> {
  const { deps } = ctx;
  const actor = actorOf(ctx, context);
  const locale = await promptLocale(ctx, context, data.r, actor.key);
  const round = await deps.store.rounds.getCached(data.r);
  const question = round === null ? undefined : roundQuestions(round).find((q) => q.id === data.q);
  // Only the person the card was sent to is warned (the card is redrawn for them); a card sent
  // before tags goes straight to the answer service, which applies the old rules.
  const isComment = question?.kind === 'text' && data.raw !== undefined;
  const own = isComment && data.g !== undefined && deps.store.ledger.promptTagMatches(data.t, actor.key, data.g);
  const comment = own && data.raw !== undefined ? decideTeamsComment(rawData, data.raw, locale, ctx.deps.names?.namesFor(actor.key) ?? []) : null;
  if (comment?.kind === 'warn' && round !== null) return withCommentWarning(await currentCard(deps, round, actor.key, data.t, data.g ?? '', locale), data.q, data.raw ?? '', comment.findings, locale);
  const given = comment?.kind === 'send' ? comment.text : data.raw;
  let note: MessageKey | null = null;
  try {
    const outcome = await recordAnswer(deps, { roundId: data.r, person: actor.key, responseToken: data.t, ...(data.g === undefined ? {} : { binding: data.g }), questionId: data.q, raw: rawFor(question, given) });
    if (outcome === 'already-answered') note = 'answer.already';
    else if (outcome === 'busy') note = 'answer.busy';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'NOT_INVITED') return t(locale, answerErrorKey(error.code));
    note = answerErrorKey(error.code);
  }
  const text = note === null ? undefined : t(locale, note);
  if (round === null) return promptCard({ roundId: data.r, surveyKind: 'pulse', questions: [], responseToken: data.t, binding: '', minGroupSize: 0, orgName: null }, locale, { closed: true });
  // The answer service has checked the tag against this person (or the prompt predates tags).
  return currentCard(deps, round, actor.key, data.t, data.g ?? '', locale, text);
}

export function registerAnswerHandlers(app: Application, ctx: TeamsContext): void {
  // Universal Actions: the card is replaced in place by the one returned.
  app.adaptiveCards.actionExecute<Record<string, unknown>>(ANSWER_VERB, async (context, _state, data) => {
    const parsed = parseAnswerData(data);
    if (parsed === null) {
      ctx.deps.logger.warn({ adapter: 'teams' }, 'ignored a malformed answer action');
      return t(await localeOf(ctx, actorOf(ctx, context).key, context.activity.locale), 'answer.invalid');
    }
    const started = performance.now();
    const card = await answer(ctx, context, parsed, data);
    // The card goes back as this invoke's response: this is the click's answer to Teams.
    ctx.deps.metrics?.answerAcknowledged('teams', (performance.now() - started) / 1000);
    return card;
  });

  // Opening a card asks for its current state (answered elsewhere, or closed).
  app.adaptiveCards.actionExecute<Record<string, unknown>>(REFRESH_VERB, async (context, _state, data) => {
    const link = parseLink(data);
    const actor = actorOf(ctx, context);
    const locale = link === null ? await localeOf(ctx, actor.key, context.activity.locale) : await promptLocale(ctx, context, link.r, actor.key);
    const round = link === null ? null : await ctx.deps.store.rounds.getCached(link.r);
    if (link === null || round === null) return t(locale, 'ui.roundClosed');
    // A tagged card is redrawn only for the person it was sent to; an untagged one (sent before
    // tags) is redrawn without one, so its clicks work only where no tag is asked for.
    if (link.g !== undefined && !ctx.deps.store.ledger.promptTagMatches(link.t, actor.key, link.g)) return t(locale, 'answer.notInvited');
    return currentCard(ctx.deps, round, actor.key, link.t, link.g ?? '', locale);
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
