import type { WebClient } from '@slack/web-api';
import type { MessageRef, Recipient, SummaryMessage } from '../../src/ports/chat-platform.js';
import type { Logger } from '../../src/ports/logger.js';
import type { SlackClients } from './slack-clients.js';
import { reportMrkdwn } from './results-text.js';
import { planBlocks } from './plan-blocks.js';
import { summaryReplyButtons } from './summary-replies-modal.js';
import { replyGroupsOf } from '../../src/domain/summary-replies.js';
import { MESSAGE_BLOCK_LIMIT, summaryBlocks } from './summary-blocks.js';

/**
 * A summary in the recipient's DM: the Block Kit message, then the chart as a PNG file shared
 * into the same DM (files.getUploadURLExternal → upload → files.completeUploadExternal, which
 * @slack/web-api's uploadV2 does). Once the message is out, a failed chart upload does not throw:
 * the summary was delivered and must not be sent again.
 */
export async function sendSlackSummary(
  clients: SlackClients,
  client: WebClient,
  recipient: Recipient,
  message: SummaryMessage,
  logger: Logger,
): Promise<MessageRef> {
  const fallback = `${message.text.notification}\n\n${reportMrkdwn(message.text)}`.slice(0, 39_000);
  const plans = [...summaryReplyButtons(replyGroupsOf(message.summary), recipient.locale), ...planBlocks(message.summary, recipient.locale)];
  const blocks = [...summaryBlocks(message.text, MESSAGE_BLOCK_LIMIT - plans.length), ...plans];
  const posted = await clients.paced(recipient.tenant, () =>
    client.chat.postMessage({ channel: recipient.userId, text: fallback, blocks, unfurl_links: false }),
  );
  if (!posted.channel || !posted.ts) throw new Error('chat.postMessage returned no channel or ts');
  const ref = { channel: posted.channel, messageId: posted.ts };
  if (message.chart !== null) {
    const chart = message.chart;
    try {
      await client.files.uploadV2({
        channel_id: posted.channel,
        file: Buffer.from(chart.png),
        filename: 'pulse-summary.png',
        title: chart.title,
        alt_text: chart.altText,
      });
    } catch (error) {
      logger.warn({ platform: 'slack', tenant: recipient.tenant }, `summary chart not uploaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ref;
}
