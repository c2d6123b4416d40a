import { z } from 'zod';
import { MAX_REPLY_CHARS, type ConversationMessage } from '../../src/domain/comment-conversation.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator, type Translator } from '../../src/domain/i18n/translate.js';
import { QUESTION_ID_PATTERN } from '../../src/domain/question.js';
import type { AdaptiveCardJson } from './prompt-card.js';

/** Opening a comment's replies, and answering back in them (issue #19). */
export const REPLIES_VERB = 'pulse.replies';
export const REPLIES_ANSWER_VERB = 'pulse.replies.answer';
export const REPLY_INPUT = 'reply';

/** What a replies action carries: the prompt's link (its token, bound to its recipient) and the comment's question. */
const repliesLinkSchema = z.object({
  r: z.string().min(1).max(120),
  t: z.uuid(),
  q: z.string().regex(QUESTION_ID_PATTERN),
  g: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,43}$/)
    .optional(),
});
export type RepliesLink = z.infer<typeof repliesLinkSchema>;
const answerSchema = repliesLinkSchema.extend({ c: z.uuid(), [REPLY_INPUT]: z.string().max(4000).optional() });

export function parseRepliesLink(data: unknown): RepliesLink | null {
  const parsed = repliesLinkSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function parseRepliesAnswer(data: unknown): (RepliesLink & { c: string; text: string }) | null {
  const parsed = answerSchema.safeParse(data);
  if (!parsed.success) return null;
  const { [REPLY_INPUT]: text, ...rest } = parsed.data;
  return { ...rest, text: text ?? '' };
}

/** One thread as its author reads it. */
export interface CardThread {
  readonly commentId: string;
  readonly comment: string;
  readonly messages: readonly ConversationMessage[];
}

const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
const linkOnly = (link: RepliesLink): RepliesLink => ({ r: link.r, t: link.t, q: link.q, ...(link.g === undefined ? {} : { g: link.g }) });

function card(body: Record<string, unknown>[]): AdaptiveCardJson {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
}

function said(t: Translator, m: ConversationMessage): string {
  const who = m.from === 'leader' ? t('replies.leader') : t('replies.you');
  return `**${who}:** ${m.kind === 'ack' ? t(`conversation.ack.${m.ack}`) : m.text}`;
}

/** Posted after a comment is written: it outlives the prompt's close, and opens the replies from this message alone. */
export function repliesEntryCard(link: RepliesLink, locale: Locale): AdaptiveCardJson {
  const t = translator(locale);
  return card([
    text(t('replies.threadIntro')),
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: t('replies.open'), verb: REPLIES_VERB, data: linkOnly(link) }] },
  ]);
}

/** The replies to the comment of this prompt, for its author: the comment, the messages, and a box to answer back. */
export function repliesCard(link: RepliesLink, threads: readonly CardThread[], locale: Locale, note?: string): AdaptiveCardJson {
  const t = translator(locale);
  const [thread] = threads;
  const body: Record<string, unknown>[] = [text(t('replies.title'), { size: 'Large', weight: 'Bolder' })];
  if (note !== undefined) body.push(text(note, { color: 'Good' }));
  if (thread === undefined) {
    body.push(text(t('replies.none')));
    body.push({ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: t('replies.open'), verb: REPLIES_VERB, data: linkOnly(link) }] });
    return card(body);
  }
  body.push(text(`**${t('replies.yourComment')}:** ${thread.comment}`, { isSubtle: true }));
  for (const m of thread.messages.slice(-40)) body.push(text(said(t, m)));
  body.push({
    type: 'Input.Text',
    id: REPLY_INPUT,
    isMultiline: true,
    maxLength: MAX_REPLY_CHARS,
    label: t('replies.answerLabel'),
    placeholder: t('replies.answerHint'),
  });
  body.push({
    type: 'ActionSet',
    actions: [{ type: 'Action.Execute', title: t('ui.send'), verb: REPLIES_ANSWER_VERB, data: { ...linkOnly(link), c: thread.commentId } }],
  });
  return card(body);
}
