import type { TurnContext } from 'botbuilder';
import { resolveLocale, type Locale } from '../../src/domain/i18n/locale.js';
import { t } from '../../src/domain/i18n/translate.js';
import { ANSWER_VERB } from '../cards/card-data.js';

/** Whether a turn is an answer click (Universal Action with pulsebot's answer verb). */
export function isAnswerInvoke(context: TurnContext): boolean {
  const activity = context.activity;
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return false;
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return verb === ANSWER_VERB;
}

/**
 * Sheds an answer click at Teams' door (issue #21): the invoke is answered at once with a message
 * in the client's own language ("busy, try again in a minute"), the card stays as it was, and
 * nothing is stored. The request has been authenticated by then (the adapter checks its JWT before
 * any turn runs), so a forged click still gets 401 and never this message.
 */
export async function shedAnswer(context: TurnContext, fallback: Locale): Promise<void> {
  await context.sendActivity({
    type: 'invokeResponse',
    value: {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t(resolveLocale(context.activity.locale, fallback), 'answer.busy') },
    },
  });
}
