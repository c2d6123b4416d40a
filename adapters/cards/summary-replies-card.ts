import { z } from 'zod';
import { ACKNOWLEDGEMENTS, MAX_REPLY_CHARS } from '../../src/domain/comment-conversation.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator } from '../../src/domain/i18n/translate.js';
import { replyTargetsSchema, summaryReplies, type ReplyGroup, type SummaryReply } from '../../src/domain/summary-replies.js';

/** Replying to a summary's comments from its card (issue #19). */
export const SUMMARY_REPLIES_VERB = 'pulse.summary.replies';
/** One reply form per card is plenty (the reader's first group with comments); the dashboard has the rest. */
const MAX_REPLY_FORMS = 1;

type Element = Record<string, unknown>;

/** An Action.ShowCard per group with comments: each comment, an acknowledgement choice and a reply box, one Send. */
export function summaryReplyForms(groups: readonly ReplyGroup[], locale: Locale): Element[] {
  const t = translator(locale);
  return groups.slice(0, MAX_REPLY_FORMS).map((comments) => ({
    type: 'Action.ShowCard',
    title: t('summaryReply.open'),
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: t('summaryReply.hint'), wrap: true, isSubtle: true, size: 'Small' },
        ...comments.flatMap((c, i) => [
          { type: 'RichTextBlock', separator: true, inlines: [{ type: 'TextRun', text: c.text, italic: true }] },
          {
            type: 'Input.ChoiceSet',
            id: `ack-${i}`,
            label: t('summaryReply.ack'),
            style: 'compact',
            choices: ACKNOWLEDGEMENTS.map((a) => ({ title: t(`conversation.ack.${a}`), value: a })),
          },
          { type: 'Input.Text', id: `reply-${i}`, label: t('summaryReply.text'), isMultiline: true, maxLength: MAX_REPLY_CHARS },
        ]),
      ],
      actions: [{ type: 'Action.Execute', verb: SUMMARY_REPLIES_VERB, title: t('ui.send'), data: { c: comments.map((c) => c.id) } }],
    },
  }));
}

/** The replies a submitted form asks for; null when it is not one of ours. */
export function parseSummaryReplies(data: unknown): SummaryReply[] | null {
  const parsed = z.object({ c: replyTargetsSchema }).loose().safeParse(data);
  if (!parsed.success) return null;
  const fields = parsed.data as Record<string, unknown>;
  return summaryReplies(parsed.data.c, (name) => {
    const value = fields[name];
    return typeof value === 'string' ? value : null;
  });
}
