import { seededShuffle } from '../domain/seeded-random.js';
import type { SummaryComment } from '../domain/summary/summary-model.js';
import { PULSE_COMMENT_QUESTION } from '../domain/templates/engagement-bank.js';
import type { ServiceDeps } from './deps.js';
import type { RoundCounts } from './results-counts.js';

export const MAX_COMMENTS = 5;
/** Comments are read in random-id order (ids are random UUIDs), so a sample is a fair one. */
const SAMPLE = 200;

/**
 * Up to five comments of a round for a segment and everything below it, shuffled, dated only by
 * round; null when the segment does not pass the comment threshold (then none are read).
 */
export async function commentsFor(deps: ServiceDeps, counts: RoundCounts, segment: string): Promise<SummaryComment[] | null> {
  if (!counts.commentsShown().has(segment)) return null;
  const filter = { roundId: counts.round._id, questionId: PULSE_COMMENT_QUESTION.id };
  const inScope = segment === counts.tree.root ? filter : { ...filter, segment: { $in: counts.tree.subtree(segment) } };
  const docs = await deps.store.database.collections.comments
    .find(inScope, { projection: { text: 1 } })
    .sort({ _id: 1 })
    .limit(SAMPLE)
    .toArray();
  const texts = docs.map((d) => d.text).filter((text): text is string => typeof text === 'string' && text.trim() !== '');
  return seededShuffle(texts, `${counts.round._id}|${segment}`)
    .slice(0, MAX_COMMENTS)
    .map((text) => ({ roundDate: counts.round.date, text }));
}
