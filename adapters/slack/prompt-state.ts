import type { KnownBlock } from '@slack/types';
import { translator } from '../../src/domain/i18n/translate.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { questionBlockPrefix } from './prompt-blocks.js';

type Block = KnownBlock & { block_id?: string };

/** The block of a written comment's "Replies" control; kept when the round closes, as replies come later. */
export const repliesBlockId = (questionId: string): string => `r:${questionId}`;

/**
 * The questions a prompt message shows answered: their text is there and their inputs are gone
 * (markAnswered). Read from the blocks Slack sends with a click; null without blocks.
 */
export function shownAnswered(blocks: readonly { block_id?: string | undefined }[] | undefined): ReadonlySet<string> | null {
  if (blocks === undefined) return null;
  const ids = new Set(blocks.map((b) => b.block_id ?? ''));
  const answered = new Set<string>();
  for (const id of ids) {
    const question = /^q:(.+):text$/.exec(id)?.[1];
    if (question !== undefined && !ids.has(`${questionBlockPrefix(question)}a`)) answered.add(question);
  }
  return answered;
}

const isQuestionActions = (block: Block): boolean => block.type === 'actions' && (block.block_id ?? '').startsWith('q:');

/**
 * The prompt after `questionId` was answered: that question's buttons give way to a plain
 * "Answered" (never the value), and once nothing is left to answer a thank-you closes it.
 * Works on the blocks Slack sends back with the click, so no state is kept anywhere.
 */
export function markAnswered(blocks: readonly Block[], questionId: string, locale: Locale): Block[] {
  const t = translator(locale);
  const prefix = questionBlockPrefix(questionId);
  const out: Block[] = [];
  for (const block of blocks) {
    const id = block.block_id ?? '';
    if (!id.startsWith(prefix)) {
      out.push(block);
      continue;
    }
    if (block.type === 'actions') {
      // A comment written: its button gives way to "Replies", which opens the thread from this message alone.
      const comment = block.elements.find((e) => 'action_id' in e && (e.action_id ?? '').startsWith('pulse:comment:'));
      if (comment !== undefined && 'value' in comment && typeof comment.value === 'string')
        out.push({
          type: 'actions',
          block_id: repliesBlockId(questionId),
          elements: [{ type: 'button', text: { type: 'plain_text', text: t('replies.open') }, action_id: `pulse:replies:${questionId}`, value: comment.value }],
        });
      continue;
    }
    if (block.type === 'context') {
      out.push({ type: 'context', block_id: id, elements: [{ type: 'mrkdwn', text: `:white_check_mark: ${t('ui.answered')}` }] });
      continue;
    }
    out.push(block);
  }
  const done = !out.some(isQuestionActions) && !out.some((b) => b.block_id === 'done');
  if (done) out.push({ type: 'section', block_id: 'done', text: { type: 'mrkdwn', text: t('ui.allDone') } });
  return out;
}

/** The prompt once its round has closed: no buttons left, and a line saying so. */
export function markClosed(blocks: readonly Block[], locale: Locale): Block[] {
  const t = translator(locale);
  const out = blocks.filter((b) => !isQuestionActions(b) && b.block_id !== 'closed');
  out.push({ type: 'context', block_id: 'closed', elements: [{ type: 'mrkdwn', text: t('ui.roundClosed') }] });
  return out;
}
