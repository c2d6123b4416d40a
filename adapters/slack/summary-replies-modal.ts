import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import { ACKNOWLEDGEMENTS, MAX_REPLY_CHARS } from '../../src/domain/comment-conversation.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator } from '../../src/domain/i18n/translate.js';
import { replyTargetsSchema, type ReplyGroup } from '../../src/domain/summary-replies.js';
import { escapeMrkdwn } from '../../src/lib/escape-markup.js';

export const SUMMARY_REPLIES_ACTION = /^pulse:summary-replies:/;
export const SUMMARY_REPLIES_CALLBACK = 'pulse:summary-replies-view';

/** The modal's private_metadata: the comments (by id, in order) and the DM to confirm in. */
export const summaryRepliesMetadataSchema = z.object({ c: replyTargetsSchema, ch: z.string().min(1).max(64) });
export type SummaryRepliesMetadata = z.infer<typeof summaryRepliesMetadataSchema>;

/** Under each group's comments in a summary (weekly or `/pulse results`): a button that opens the reply form for them. */
export function summaryReplyButtons(groups: readonly ReplyGroup[], locale: Locale): KnownBlock[] {
  const t = translator(locale);
  return groups.map((group, n): KnownBlock => ({
    type: 'actions',
    block_id: `replies:${n}`,
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: t('summaryReply.open') },
        action_id: `pulse:summary-replies:${n}`,
        value: JSON.stringify({ c: group.map((c) => c.id) }),
      },
    ],
  }));
}

/** The reply form: each comment, an acknowledgement menu and a reply box; whatever is filled in is sent. */
export function summaryRepliesModal(metadata: SummaryRepliesMetadata, comments: readonly string[], locale: Locale, error?: string): ModalView {
  const t = translator(locale);
  const blocks: KnownBlock[] = [{ type: 'context', block_id: 'hint', elements: [{ type: 'plain_text', text: t('summaryReply.hint') }] }];
  if (error !== undefined) blocks.push({ type: 'section', block_id: 'error', text: { type: 'mrkdwn', text: `:warning: ${escapeMrkdwn(error)}` } });
  comments.forEach((comment, i) => {
    blocks.push(
      { type: 'section', block_id: `c-${i}`, text: { type: 'mrkdwn', text: `>${escapeMrkdwn(comment).replace(/\n/g, '\n>')}`.slice(0, 3000) } },
      {
        type: 'input',
        block_id: `ack-${i}`,
        optional: true,
        label: { type: 'plain_text', text: t('summaryReply.ack') },
        element: {
          type: 'static_select',
          action_id: 'v',
          options: ACKNOWLEDGEMENTS.map((a) => ({ text: { type: 'plain_text' as const, text: t(`conversation.ack.${a}`) }, value: a })),
        },
      },
      {
        type: 'input',
        block_id: `reply-${i}`,
        optional: true,
        label: { type: 'plain_text', text: t('summaryReply.text') },
        element: { type: 'plain_text_input', action_id: 'v', multiline: true, max_length: MAX_REPLY_CHARS },
      },
    );
  });
  return {
    type: 'modal',
    callback_id: SUMMARY_REPLIES_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: t('summaryReply.title').slice(0, 24) },
    submit: { type: 'plain_text', text: t('ui.send') },
    close: { type: 'plain_text', text: t('ui.cancel') },
    blocks,
  };
}
