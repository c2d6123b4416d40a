import { translator } from '../../src/domain/i18n/translate.js';
import type { MessageRef, Recipient, SummaryMessage } from '../../src/ports/chat-platform.js';
import { DEFAULT_DUE_DAYS } from '../../src/domain/action-plan.js';
import { planCardParts } from '../cards/plan-card.js';
import { summaryReplyForms } from '../cards/summary-replies-card.js';
import { replyGroupsOf } from '../../src/domain/summary-replies.js';
import { cardActivity } from '../cards/prompt-card.js';
import { inConversation, personalConversation } from './reach.js';
import { chartActivity, resultsCard } from './summary-card.js';
import type { TeamsContext } from './teams-context.js';

/**
 * A weekly summary in the recipient's 1:1 chat, paced like prompts: one Adaptive Card with the
 * chart inside as a data-URL Image when the message stays under Teams' size limit with it.
 * When it would not, the chart follows as a second message (an inline image/png attachment),
 * so neither message is over the limit. Once the card is out, a failed chart message does not
 * throw: the summary was delivered and must not be sent again.
 */
export async function sendTeamsSummary(ctx: TeamsContext, recipient: Recipient, message: SummaryMessage): Promise<MessageRef> {
  const chat = await personalConversation(ctx, recipient);
  const { notification } = message.text;
  const due = ctx.pulse.clock.now().plus({ days: DEFAULT_DUE_DAYS }).toISODate() ?? '';
  const plans = planCardParts(message.summary, recipient.locale, due);
  const controls = { body: plans.body, actions: [...summaryReplyForms(replyGroupsOf(message.summary), recipient.locale), ...plans.actions] };
  const built = resultsCard({ ...message.text, cutNote: translator(recipient.locale)('teams.results.cut'), controls }, notification, message.chart);
  const send = (activity: ReturnType<typeof cardActivity> | ReturnType<typeof chartActivity>) =>
    ctx.pacer.send(recipient.tenant, chat.conversationId, () => inConversation(ctx, chat, (context) => context.sendActivity(activity), chat.memberId));
  const sent = await send(cardActivity(built.card, notification));
  if (!sent?.id) throw new Error('the Bot Connector returned no activity id');
  const log = ctx.pulse.logger.child({ adapter: 'teams', tenant: recipient.tenant });
  if (built.droppedSections > 0) log.warn({ dropped: built.droppedSections }, 'summary card cut to stay under the Teams message size limit');
  if (message.chart !== null && !built.chartInCard) {
    try {
      await send(chartActivity(message.chart));
    } catch (error) {
      log.warn({}, `summary chart not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { channel: chat.conversationId, messageId: sent.id };
}
