import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { promptView, surveyTitle } from '../../src/domain/prompt-view.js';
import { translator } from '../../src/domain/i18n/translate.js';
import type { ChatPlatform, MessageRef, Recipient, Reminder, SummaryMessage, SurveyPrompt } from '../../src/ports/chat-platform.js';
import { cardActivity, promptCard } from '../cards/prompt-card.js';
import { inConversation, personalConversation } from './reach.js';
import { sendTeamsSummary } from './summary-send.js';
import type { TeamsContext } from './teams-context.js';

/** pulsebot's chat port on Teams: prompts are Adaptive Cards in the person's 1:1 chat with the bot. */
export function createTeamsPlatform(ctx: TeamsContext): ChatPlatform {
  return {
    name: 'teams',
    async sendPrompt(recipient: Recipient, prompt: SurveyPrompt): Promise<MessageRef> {
      const chat = await personalConversation(ctx, recipient);
      const activity = cardActivity(promptCard(prompt, recipient.locale), promptView(prompt, recipient.locale).notification);
      const sent = await ctx.pacer.send(recipient.tenant, chat.conversationId, () =>
        inConversation(ctx, chat, (context) => context.sendActivity(activity), chat.memberId),
      );
      if (!sent?.id) throw new Error('the Bot Connector returned no activity id');
      return { channel: chat.conversationId, messageId: sent.id };
    },
    /**
     * A bot cannot read its 1:1 chats back, so a prompt sent just before a crash cannot be found;
     * the scheduler then treats it conservatively (never a second prompt).
     */
    findPrompt(): Promise<MessageRef | null> {
      return Promise.resolve(null);
    },
    async sendReminder(recipient: Recipient, reminder: Reminder): Promise<void> {
      const chat = await personalConversation(ctx, recipient);
      const t = translator(recipient.locale);
      const date = DateTime.fromJSDate(reminder.openUntil).setLocale(recipient.locale).toLocaleString(DateTime.DATE_MED);
      const text = t('reminder.text', { survey: surveyTitle(reminder.surveyKind, recipient.locale, reminder.surveyName), date });
      await ctx.pacer.send(recipient.tenant, chat.conversationId, () => inConversation(ctx, chat, (context) => context.sendActivity(text), chat.memberId));
    },
    async sendNotice(recipient: Recipient, text: string): Promise<void> {
      const chat = await personalConversation(ctx, recipient);
      await ctx.pacer.send(recipient.tenant, chat.conversationId, () => inConversation(ctx, chat, (context) => context.sendActivity(text), chat.memberId));
    },
    async markClosed(recipient: Recipient, ref: MessageRef, surveyKind: SurveyPrompt['surveyKind']): Promise<void> {
      const chat = await personalConversation(ctx, recipient);
      const t = translator(recipient.locale);
      const card = promptCard(
        { roundId: 'closed', surveyKind, questions: [], responseToken: randomUUID(), binding: '', minGroupSize: 0, orgName: null },
        recipient.locale,
        { closed: true },
      );
      const activity = { ...cardActivity(card, t('ui.roundClosed')), id: ref.messageId };
      await ctx.pacer.send(recipient.tenant, ref.channel, () =>
        inConversation(ctx, { ...chat, conversationId: ref.channel }, (context) => context.updateActivity(activity), chat.memberId),
      );
    },
    /** The weekly summary as an Adaptive Card in the person's 1:1 chat (see summary-send.ts). */
    sendSummary(recipient: Recipient, message: SummaryMessage): Promise<MessageRef> {
      return sendTeamsSummary(ctx, recipient, message);
    },
  };
}
