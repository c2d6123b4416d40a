import type { Application } from '@microsoft/teams-ai';
import { actionText } from '../../../src/domain/action-plan.js';
import { committedWords } from '../../../src/domain/actions/action-catalog.js';
import { translator } from '../../../src/domain/i18n/translate.js';
import { planFormError } from '../../../src/domain/plan-errors.js';
import { parsePlanCommit, parsePlanStatus, PLAN_COMMIT_VERB, PLAN_STATUS_VERB } from '../../cards/plan-card.js';
import { actorOf } from '../turn.js';
import { localeOf, type TeamsContext } from '../teams-context.js';

/**
 * Action plans in Teams (issue #19): the summary card's commit forms and status inputs. Each
 * answers with a message and leaves the summary card as it is.
 */
export function registerPlanHandlers(app: Application, ctx: TeamsContext): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(PLAN_COMMIT_VERB, async (context, _state, data) => {
    const actor = actorOf(ctx, context);
    const locale = await localeOf(ctx, actor.key, context.activity.locale);
    const t = translator(locale);
    const form = parsePlanCommit(data);
    if (form === null) return t('answer.invalid');
    const { s, d, i, words, due } = form;
    const suggested = d !== undefined && i !== undefined ? { driver: d, index: i } : null;
    try {
      const action = await ctx.pulse.actions.commit(actor.key, {
        segment: s,
        driver: d ?? null,
        words: committedWords(suggested, words, locale),
        dueDate: due,
      });
      return t(action.announcement === 'off' ? 'plan.committedQuiet' : 'plan.committed', { action: actionText(action.words, locale), date: action.dueDate });
    } catch (error) {
      const refusal = planFormError(error);
      if (refusal === null) throw error;
      return t(refusal.key);
    }
  });

  app.adaptiveCards.actionExecute<Record<string, unknown>>(PLAN_STATUS_VERB, async (context, _state, data) => {
    const actor = actorOf(ctx, context);
    const locale = await localeOf(ctx, actor.key, context.activity.locale);
    const t = translator(locale);
    const change = parsePlanStatus(data);
    if (change === null) return t('answer.invalid');
    try {
      const action = await ctx.pulse.actions.change(actor.key, change.id, { status: change.status });
      return t('plan.updated', { action: actionText(action.words, locale), status: t(`plan.status.${action.status}`) });
    } catch (error) {
      const refusal = planFormError(error);
      if (refusal === null) throw error;
      return t(refusal.key);
    }
  });
}
