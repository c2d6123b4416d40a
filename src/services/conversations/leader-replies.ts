import { z } from 'zod';
import { acknowledgementSchema, MAX_MESSAGES, replyTextSchema, type ConversationMessage } from '../../domain/comment-conversation.js';
import { DomainError } from '../../domain/errors.js';
import { conversationDocSchema, type ConversationDoc } from '../../store/documents/conversations.js';
import { loadActor, type Caller } from '../actors.js';
import type { ServiceDeps } from '../deps.js';
import { mayReadComment, readableGroup } from './comment-access.js';
import { noteReplies } from './replies-notices.js';

/** What a leader sends: one click, or their own words. */
export const leaderResponseSchema = z.union([z.strictObject({ ack: acknowledgementSchema }), z.strictObject({ text: replyTextSchema })]);
export type LeaderResponse = z.infer<typeof leaderResponseSchema>;

/** A conversation as the one who may read it sees it: the comment, then the messages in order. */
export interface ConversationView {
  readonly commentId: string;
  readonly roundDate: string;
  readonly comment: string;
  readonly messages: readonly ConversationMessage[];
}

async function loadComment(deps: ServiceDeps, commentId: string) {
  const comment = z.uuid().safeParse(commentId).success ? await deps.store.database.collections.comments.findOne({ _id: commentId }) : null;
  if (comment === null) throw new DomainError('UNKNOWN_COMMENT', `no comment ${commentId}`);
  return comment;
}

/** Appends `message` to the comment's conversation (made on the first), unless it is full. */
export async function appendMessage(
  deps: ServiceDeps,
  comment: { _id: string; roundId: string; roundDate: string; segment: string },
  message: ConversationMessage,
): Promise<ConversationDoc> {
  const { conversations } = deps.store.database.collections;
  const existing = await conversations.findOne({ _id: comment._id });
  if (existing !== null && existing.messages.length >= MAX_MESSAGES)
    throw new DomainError('INVALID_INPUT', `this conversation has ${MAX_MESSAGES} messages, the most one may have`);
  if (existing === null) {
    await conversations.updateOne(
      { _id: comment._id },
      { $setOnInsert: { roundId: comment.roundId, roundDate: comment.roundDate, segment: comment.segment, messages: [] } },
      { upsert: true },
    );
  }
  await conversations.updateOne({ _id: comment._id }, { $push: { messages: message } });
  return conversationDocSchema.parse(await conversations.findOne({ _id: comment._id }));
}

/**
 * A leader acknowledges or replies to a comment they may read (see mayReadComment). They never
 * learn who wrote it: the conversation lives under the comment's own id, and nobody is told
 * individually that there is a reply (see the neutral notice in the README).
 */
export async function respondToComment(deps: ServiceDeps, caller: Caller, commentId: string, input: LeaderResponse): Promise<ConversationView> {
  const parsed = leaderResponseSchema.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'send an acknowledgement or a reply');
  const response = parsed.data;
  const comment = await loadComment(deps, commentId);
  const actor = await loadActor(deps, caller);
  const group = await readableGroup(deps, actor, comment);
  if (group === null) throw new DomainError('NOT_AUTHORIZED', `${actor.key} may not read comment ${commentId}`);
  const message: ConversationMessage =
    'ack' in response ? { kind: 'ack', from: 'leader', ack: response.ack } : { kind: 'reply', from: 'leader', text: response.text };
  const doc = await appendMessage(deps, comment, message);
  await noteReplies(deps, comment.roundId, group);
  deps.logger.info({ roundId: comment.roundId }, 'a leader responded to a comment');
  return { commentId: doc._id, roundDate: doc.roundDate, comment: comment.text, messages: doc.messages };
}

/** A comment's conversation for a reader who may read the comment (the dashboard's comment view). */
export async function conversationOf(deps: ServiceDeps, caller: Caller, commentId: string): Promise<ConversationView> {
  const comment = await loadComment(deps, commentId);
  if (!(await mayReadComment(deps, await loadActor(deps, caller), comment))) throw new DomainError('NOT_AUTHORIZED', `may not read comment ${commentId}`);
  const doc = await deps.store.database.collections.conversations.findOne({ _id: commentId });
  return { commentId, roundDate: comment.roundDate, comment: comment.text, messages: doc?.messages ?? [] };
}
