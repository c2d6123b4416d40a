import type { Locale } from '../domain/i18n/locale.js';
import type { CommentClass } from '../domain/insight/classify-comment.js';
import { classifyInOwnLanguage, themeCounts, type ThemeCount } from '../domain/insight/theme-counts.js';
import type { SummaryComment } from '../domain/summary/summary-model.js';
import { PULSE_COMMENT_QUESTION } from '../domain/templates/engagement-bank.js';
import type { ServiceDeps } from './deps.js';
import type { RoundCounts } from './results-counts.js';

export const MAX_COMMENTS = 5;

/** One comment as a reader may see it, with its id (a keyed UUID, see store/answer-id.ts) for ordering. */
export interface KeyedComment {
  readonly id: string;
  readonly text: string;
}

/** A round's comments by reporting segment. */
export type CommentsBySegment = ReadonlyMap<string, readonly KeyedComment[]>;

/** Reads a round's comments to one question (the pulse's comment question unless named) once, for every view built from them. */
export async function loadRoundComments(deps: ServiceDeps, roundId: string, questionId: string = PULSE_COMMENT_QUESTION.id): Promise<CommentsBySegment> {
  const out = new Map<string, KeyedComment[]>();
  const cursor = deps.store.database.collections.comments.find({ roundId, questionId }, { projection: { _id: 1, segment: 1, text: 1 } });
  for await (const doc of cursor) {
    if (typeof doc.text !== 'string' || doc.text.trim() === '' || typeof doc.segment !== 'string') continue;
    const list = out.get(doc.segment) ?? [];
    list.push({ id: doc._id, text: doc.text });
    out.set(doc.segment, list);
  }
  return out;
}

/**
 * Up to five comments of a round for a segment and everything below it, dated only by round;
 * null when the segment does not pass the comment threshold (then none are looked at).
 *
 * In the order of their ids: each id is an HMAC of the prompt's secret token (keyed with
 * PULSE_SECRET), so the order says nothing about when a comment arrived or which team below the
 * segment it came from, and, unlike a shuffle with a seed the reader could work out, it cannot be
 * undone to recover the order they were stored in.
 */
export function commentsFor(counts: RoundCounts, comments: CommentsBySegment, segment: string): SummaryComment[] | null {
  if (!counts.commentsShown().has(segment)) return null;
  return counts.tree
    .subtree(segment)
    .flatMap((s) => comments.get(s) ?? [])
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, MAX_COMMENTS)
    .map(({ id, text }) => ({ id, roundDate: counts.round.date, text }));
}

/** Each comment's class, worked out once per loaded round (the comments map is cached with its context). */
const classes = new WeakMap<CommentsBySegment, Map<string, CommentClass>>();

/**
 * What all of a segment's comments (it and everything below it) are about, by theme with their
 * sentiment mix (issue #20); null when the segment does not pass the comment threshold, exactly
 * as for the comments themselves.
 */
export function commentThemesFor(counts: RoundCounts, comments: CommentsBySegment, segment: string, fallback: Locale): ThemeCount[] | null {
  if (!counts.commentsShown().has(segment)) return null;
  let known = classes.get(comments);
  if (known === undefined) {
    known = new Map();
    classes.set(comments, known);
  }
  const cache = known;
  const found = counts.tree.subtree(segment).flatMap((s) => comments.get(s) ?? []);
  return themeCounts(
    found.map((c) => {
      let cls = cache.get(c.id);
      if (cls === undefined) {
        cls = classifyInOwnLanguage(c.text, fallback);
        cache.set(c.id, cls);
      }
      return cls;
    }),
  );
}
