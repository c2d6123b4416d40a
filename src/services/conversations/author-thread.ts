import { replyTextSchema } from '../../domain/comment-conversation.js';
import { questionType } from '../../domain/question.js';
import { DomainError } from '../../domain/errors.js';
import type { PersonKey } from '../../store/documents/identity.js';
import type { ServiceDeps } from '../deps.js';
import { reportedQuestions } from '../round-questions.js';
import { appendMessage, type ConversationView } from './leader-replies.js';

/** What a click on a prompt's "Replies" control carries: the prompt's secret token, bound to the clicker. */
export interface PromptHolder {
  readonly roundId: string;
  readonly person: PersonKey;
  readonly responseToken: string;
  /** The tag the prompt carries for its recipient; a click by anyone else does not match. */
  readonly binding: string | undefined;
}

/**
 * The comment ids a prompt's token leads to: one per free-text question of its round (follow-ups
 * included). Only the message holding the token can compute them; the database cannot go back.
 */
async function commentIdsOf(deps: ServiceDeps, holder: PromptHolder): Promise<string[]> {
  if (!deps.store.ledger.promptTagMatches(holder.responseToken, holder.person, holder.binding)) return [];
  const round = await deps.store.rounds.get(holder.roundId);
  if (round === null) return [];
  return reportedQuestions(round)
    .filter((q) => questionType(q) === 'text')
    .map((q) => deps.store.ledger.answerId(holder.responseToken, q.id));
}

/**
 * The conversations on the comments written through this prompt, for its author alone: a prompt
 * without a comment, or one whose comments got no reply, shows nothing, and a click by anyone but
 * the prompt's recipient shows nothing either (the binding does not match).
 */
export async function promptThreads(deps: ServiceDeps, holder: PromptHolder): Promise<ConversationView[]> {
  const ids = await commentIdsOf(deps, holder);
  if (ids.length === 0) return [];
  const { conversations, comments } = deps.store.database.collections;
  const docs = await conversations.find({ _id: { $in: ids } }).toArray();
  if (docs.length === 0) return [];
  const texts = new Map((await comments.find({ _id: { $in: docs.map((d) => d._id) } }, { projection: { text: 1 } }).toArray()).map((c) => [c._id, c.text]));
  return docs
    .filter((doc) => texts.has(doc._id))
    .map((doc) => ({ commentId: doc._id, roundDate: doc.roundDate, comment: texts.get(doc._id) ?? '', messages: doc.messages }));
}

/** The author answers back in a conversation a leader started on their comment; shown to the leader as "the author". */
export async function answerBack(deps: ServiceDeps, holder: PromptHolder, commentId: string, text: string): Promise<ConversationView> {
  const reply = replyTextSchema.safeParse(text);
  if (!reply.success) throw new DomainError('INVALID_INPUT', reply.error.issues[0]?.message ?? 'write a reply');
  const ids = await commentIdsOf(deps, holder);
  const { conversations, comments } = deps.store.database.collections;
  const doc = ids.includes(commentId) ? await conversations.findOne({ _id: commentId }) : null;
  const comment = doc === null ? null : await comments.findOne({ _id: commentId });
  if (doc === null || comment === null) throw new DomainError('UNKNOWN_COMMENT', 'no conversation on a comment of this prompt');
  const updated = await appendMessage(deps, comment, { kind: 'reply', from: 'author', text: reply.data });
  return { commentId, roundDate: updated.roundDate, comment: comment.text, messages: updated.messages };
}
