import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { surveyTitle } from '../../src/domain/prompt-view.js';
import { translator } from '../../src/domain/i18n/translate.js';
import type { Logger } from '../../src/ports/logger.js';
import type { ChatPlatform, MessageRef, Recipient, Reminder, SummaryMessage, SurveyPrompt } from '../../src/ports/chat-platform.js';
import { promptMessage } from './prompt-blocks.js';
import { markClosed } from './prompt-state.js';
import type { SlackClients } from './slack-clients.js';
import { sendSlackSummary } from './summary-send.js';

export class SlackNotInstalledError extends Error {
  override readonly name = 'SlackNotInstalledError';
}

/** pulsebot's chat port on Slack: prompts go to the person's DM with the bot. */
export function createSlackPlatform(clients: SlackClients, logger: Logger, confirmationWindowMs: number): ChatPlatform {
  const clientFor = async (teamId: string) => {
    const client = await clients.client(teamId);
    if (client === null) throw new SlackNotInstalledError(`pulsebot is not installed in Slack workspace ${teamId}`);
    return client;
  };
  return {
    name: 'slack',
    // Slack reports each posted prompt by its metadata (handlers/prompt-posted.ts).
    sendConfirmationWindowMs: confirmationWindowMs,
    async sendPrompt(recipient: Recipient, prompt: SurveyPrompt): Promise<MessageRef> {
      const client = await clientFor(recipient.tenant);
      const message = promptMessage(prompt, recipient.locale);
      const result = await clients.paced(recipient.tenant, () =>
        client.chat.postMessage({ channel: recipient.userId, text: message.text, blocks: message.blocks, metadata: message.metadata }),
      );
      if (!result.channel || !result.ts) throw new Error('chat.postMessage returned no channel or ts');
      return { channel: result.channel, messageId: result.ts };
    },
    /**
     * Slack gives the bot no way to read its DMs back without `im:history`, which pulsebot does
     * not ask for. Instead Slack reports each posted prompt (`message_metadata_posted`), and its
     * silence over the confirmation window proves a prompt was never posted.
     */
    findPrompt(): Promise<MessageRef | null> {
      return Promise.resolve(null);
    },
    async sendReminder(recipient: Recipient, reminder: Reminder): Promise<void> {
      const client = await clientFor(recipient.tenant);
      const t = translator(recipient.locale);
      const date = DateTime.fromJSDate(reminder.openUntil).setLocale(recipient.locale).toLocaleString(DateTime.DATE_MED);
      const text = t('reminder.text', { survey: surveyTitle(reminder.surveyKind, recipient.locale, reminder.surveyName), date });
      await clients.paced(recipient.tenant, () => client.chat.postMessage({ channel: recipient.userId, text }));
    },
    async sendNotice(recipient: Recipient, text: string): Promise<void> {
      const client = await clientFor(recipient.tenant);
      await clients.paced(recipient.tenant, () => client.chat.postMessage({ channel: recipient.userId, text }));
    },
    async markClosed(recipient: Recipient, ref: MessageRef, surveyKind: SurveyPrompt['surveyKind']): Promise<void> {
      const client = await clientFor(recipient.tenant);
      const empty = promptMessage(
        { roundId: 'closed', surveyKind, questions: [], responseToken: randomUUID(), binding: '', minGroupSize: 0, orgName: null },
        recipient.locale,
      );
      const blocks = markClosed(empty.blocks.slice(0, 1), recipient.locale);
      await client.chat.update({ channel: ref.channel, ts: ref.messageId, text: empty.text, blocks });
    },
    async sendSummary(recipient: Recipient, message: SummaryMessage): Promise<MessageRef> {
      return sendSlackSummary(clients, await clientFor(recipient.tenant), recipient, message, logger);
    },
  };
}
