import { seededShuffle } from '../domain/seeded-random.js';
import type { SummaryComment } from '../domain/summary/summary-model.js';
import { PULSE_COMMENT_QUESTION } from '../domain/templates/engagement-bank.js';
import type { ServiceDeps } from './deps.js';
import type { RoundCounts } from './results-counts.js';

export const MAX_COMMENTS = 5;

/** A round's comments by reporting segment: text only, in random-id order (ids are random UUIDs). */
export type CommentsBySegment = ReadonlyMap<string, readonly string[]>;

/** Reads a round's pulse comments once, for every summary built from the same context. */
export async function loadRoundComments(deps: ServiceDeps, roundId: string): Promise<CommentsBySegment> {
  const out = new Map<string, string[]>();
  const cursor = deps.store.database.collections.comments.find({ roundId, questionId: PULSE_COMMENT_QUESTION.id }, { projection: { segment: 1, text: 1 } });
  for await (const doc of cursor) {
    if (typeof doc.text !== 'string' || doc.text.trim() === '' || typeof doc.segment !== 'string') continue;
    const list = out.get(doc.segment) ?? [];
    list.push(doc.text);
    out.set(doc.segment, list);
  }
  return out;
}

/**
 * Up to five comments of a round for a segment and everything below it, shuffled, dated only by
 * round; null when the segment does not pass the comment threshold (then none are looked at).
 */
export function commentsFor(counts: RoundCounts, comments: CommentsBySegment, segment: string): SummaryComment[] | null {
  if (!counts.commentsShown().has(segment)) return null;
  const texts = counts.tree.subtree(segment).flatMap((s) => comments.get(s) ?? []);
  return seededShuffle(texts, `${counts.round._id}|${segment}`)
    .slice(0, MAX_COMMENTS)
    .map((text) => ({ roundDate: counts.round.date, text }));
}
