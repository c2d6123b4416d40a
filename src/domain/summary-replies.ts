import { z } from 'zod';
import { ACKNOWLEDGEMENTS, type Acknowledgement } from './comment-conversation.js';

/** At most this many comments a summary offers to reply to at once (a summary shows five per group). */
export const MAX_SUMMARY_REPLIES = 5;

/** The comments a reply form is about, in the order it shows them. */
export const replyTargetsSchema = z.array(z.uuid()).min(1).max(MAX_SUMMARY_REPLIES);

/** One reply a leader sent from a summary: an acknowledgement or their own words, to one comment. */
export interface SummaryReply {
  readonly commentId: string;
  readonly body: { readonly ack: Acknowledgement } | { readonly text: string };
}

/**
 * What a reply form filled in says (issue #19): for comment i, the acknowledgement picked (`ack-i`)
 * or the words written (`reply-i`; words win when both are given). Comments left alone send nothing.
 */
export function summaryReplies(targets: readonly string[], field: (name: string) => string | null | undefined): SummaryReply[] {
  return targets.flatMap((commentId, i): SummaryReply[] => {
    const text = (field(`reply-${i}`) ?? '').trim();
    if (text !== '') return [{ commentId, body: { text } }];
    const ack = field(`ack-${i}`);
    return (ACKNOWLEDGEMENTS as readonly string[]).includes(ack ?? '') ? [{ commentId, body: { ack: ack as Acknowledgement } }] : [];
  });
}

/** One group's comments a reader may reply to from a message: ids and texts, in the order shown. */
export type ReplyGroup = readonly { readonly id: string; readonly text: string }[];

/** The groups of a summary whose comments are shown (each at most MAX_SUMMARY_REPLIES). */
export function replyGroupsOf(summary: {
  readonly segments: readonly { readonly visible: boolean; readonly comments?: readonly { readonly id: string; readonly text: string }[] | null }[];
}): ReplyGroup[] {
  return summary.segments.flatMap((s) =>
    s.visible && s.comments !== undefined && s.comments !== null && s.comments.length > 0
      ? [s.comments.slice(0, MAX_SUMMARY_REPLIES).map(({ id, text }) => ({ id, text }))]
      : [],
  );
}
