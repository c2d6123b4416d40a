import type { KnownBlock, ModalView } from '@slack/types';
import type { ConversationMessage } from '../../src/domain/comment-conversation.js';
import { MAX_REPLY_CHARS } from '../../src/domain/comment-conversation.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator, type Translator } from '../../src/domain/i18n/translate.js';
import { escapeMrkdwn } from '../../src/lib/escape-markup.js';
import { encodeActionValue, REPLIES_VIEW_CALLBACK, type ActionValue } from './action-value.js';

/** One thread as its author reads it (the door's view of their own comment). */
export interface AuthorThread {
  readonly commentId: string;
  readonly comment: string;
  readonly messages: readonly ConversationMessage[];
}

const text = (t: Translator, m: ConversationMessage): string => {
  const who = m.from === 'leader' ? t('replies.leader') : t('replies.you');
  const said = m.kind === 'ack' ? t(`conversation.ack.${m.ack}`) : m.text;
  return `*${who}:* ${escapeMrkdwn(said)}`;
};

/**
 * The replies to the comment written through this prompt, for its author alone (the click carried
 * the prompt's token): their comment, each message in order, and a box to answer back. Without a
 * reply, a neutral line and no box. `notice` is a line on top (after an answer was sent).
 */
export function repliesModal(link: ActionValue, threads: readonly AuthorThread[], locale: Locale, notice?: string): ModalView {
  const t = translator(locale);
  const [thread] = threads;
  const blocks: KnownBlock[] = [];
  if (notice !== undefined) blocks.push({ type: 'context', block_id: 'notice', elements: [{ type: 'mrkdwn', text: `:white_check_mark: ${notice}` }] });
  if (thread === undefined) blocks.push({ type: 'section', block_id: 'none', text: { type: 'mrkdwn', text: escapeMrkdwn(t('replies.none')) } });
  else {
    blocks.push({
      type: 'section',
      block_id: 'yours',
      text: { type: 'mrkdwn', text: `*${t('replies.yourComment')}:*\n>${escapeMrkdwn(thread.comment).replace(/\n/g, '\n>')}` },
    });
    thread.messages
      .slice(-40)
      .forEach((m, i) => blocks.push({ type: 'section', block_id: `m${i}`, text: { type: 'mrkdwn', text: text(t, m).slice(0, 3000) } }));
    blocks.push({
      type: 'input',
      block_id: 'comment',
      optional: false,
      label: { type: 'plain_text', text: t('replies.answerLabel') },
      hint: { type: 'plain_text', text: t('replies.answerHint') },
      element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: MAX_REPLY_CHARS },
    });
  }
  return {
    type: 'modal',
    callback_id: REPLIES_VIEW_CALLBACK,
    private_metadata: JSON.stringify({ ...link, ...(thread ? { c: thread.commentId } : {}) }),
    title: { type: 'plain_text', text: t('replies.title').slice(0, 24) },
    close: { type: 'plain_text', text: t('ui.cancel') },
    ...(thread ? { submit: { type: 'plain_text' as const, text: t('ui.send') } } : {}),
    blocks,
  };
}

/** The message under a prompt after its comment was written: what replies are, and the control that opens them. */
export function repliesInThread(link: ActionValue, locale: Locale): { text: string; blocks: KnownBlock[] } {
  const t = translator(locale);
  const text = t('replies.threadIntro');
  return {
    text,
    blocks: [
      { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } },
      {
        type: 'actions',
        block_id: `r:${link.q}`,
        elements: [
          { type: 'button', text: { type: 'plain_text', text: t('replies.open') }, action_id: `pulse:replies:${link.q}`, value: encodeActionValue(link) },
        ],
      },
    ],
  };
}
