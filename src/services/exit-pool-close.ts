import { DateTime } from 'luxon';
import { quarterOf } from '../domain/anonymity/exit-pooling.js';
import { buildSegmentTree, ORG_ROOT } from '../domain/anonymity/segment-tree.js';
import { visibleSegments } from '../domain/anonymity/suppression.js';
import { nextPoolRound } from './events/pool-round.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';

/** The threshold an exit pool must pass: the strictest of the settings and the round's own. */
export function exitPoolK(deps: ServiceDeps, round: RoundDoc): number {
  return Math.max(deps.settings.anonymity.minGroupSize, round.anonymity.minGroupSize);
}

/**
 * Pools an exit quarter that closes below the threshold into the next quarter, in storage: its
 * answers and comments move to the next quarter's round, its respondents are counted there, its
 * own counters go, and it closes as merged. So no closed exit round ever holds fewer than k
 * leavers, and a pool's quarters are fixed when it closes: a higher k later only hides a pool,
 * it never re-pools closed ones (which would let "old pool minus new pool" isolate a quarter).
 * True when the round was merged (it then has nothing left to count).
 */
export async function mergeSmallExitQuarter(deps: ServiceDeps, round: RoundDoc): Promise<boolean> {
  const respondents = [...(await deps.store.ledger.respondentsBySegment(round._id)).values()].reduce((a, b) => a + b, 0);
  if (respondents >= exitPoolK(deps, round)) return false;
  const { id: nextId, date: nextDate } = nextPoolRound(round);
  await deps.store.rounds.createOnce({
    ...round,
    _id: nextId,
    date: nextDate,
    opensAt: deps.clock.now().toJSDate(),
    closesAt: DateTime.fromISO(nextDate, { zone: 'utc' }).plus({ months: 3, days: 1 }).toJSDate(),
    state: 'open',
    countsFinal: false,
    keyedOrder: false,
    pooledQuarters: [],
    mergedInto: null,
  });
  const { responses, comments, counters, rounds } = deps.store.database.collections;
  await responses.updateMany({ roundId: round._id }, { $set: { roundId: nextId, roundDate: nextDate } });
  await comments.updateMany({ roundId: round._id }, { $set: { roundId: nextId, roundDate: nextDate } });
  await deps.store.ledger.carryRespondents(round._id, nextId);
  await counters.deleteMany({ roundId: round._id });
  const carried = [...round.pooledQuarters, quarterOf(round.date)];
  await rounds.updateOne({ _id: nextId }, { $addToSet: { pooledQuarters: { $each: carried } } });
  await deps.store.rounds.update(round._id, { mergedInto: nextId, countsFinal: true, keyedOrder: true });
  deps.logger.info({ roundId: round._id, into: nextId }, 'pooled quarter below the threshold rolled into the next');
  return true;
}

/**
 * Before an exit pool's final count: a department whose leavers could be singled out (below k, or
 * found by subtracting the shown departments from the organisation) is re-filed under the
 * organisation, in the answers, the comments and the ledger the count reads, so no stored group
 * of the closed pool holds fewer than k leavers. The pool's quarters are recorded with it.
 */
export async function refileSmallDepartments(deps: ServiceDeps, round: RoundDoc): Promise<void> {
  const bySegment = await deps.store.ledger.respondentsBySegment(round._id);
  const departments = [...bySegment.keys()].filter((s) => s !== ORG_ROOT);
  const tree = buildSegmentTree(departments.map((id) => ({ id, parentId: null })));
  const counts = new Map(bySegment);
  counts.set(
    tree.root,
    [...bySegment.values()].reduce((a, b) => a + b, 0),
  );
  const shown = visibleSegments(tree, counts, exitPoolK(deps, round));
  const hidden = departments.filter((d) => !shown.has(d));
  if (hidden.length > 0) {
    const { responses, comments, participation, counters } = deps.store.database.collections;
    const filter = { roundId: round._id, segment: { $in: hidden } };
    await responses.updateMany(filter, { $set: { segment: ORG_ROOT } });
    await comments.updateMany(filter, { $set: { segment: ORG_ROOT } });
    await participation.updateMany({ ...filter, scope: 'round' }, { $set: { segment: ORG_ROOT } });
    // Their live counters go; the final count that follows writes the organisation's.
    await counters.deleteMany(filter);
  }
  const quarters = [...new Set([...round.pooledQuarters, quarterOf(round.date)])].sort();
  await deps.store.rounds.setPooledQuarters(round._id, quarters);
}
