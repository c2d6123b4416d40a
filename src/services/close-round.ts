import { queueSharedResults } from './share-results.js';
import { announceRoundClosed } from './webhooks/announce.js';
import { COUNTER_RESPONDENTS, ROUND_QUESTION } from '../store/documents/answers.js';
import { rewriteRoundInKeyedOrder, ROUND_ANSWER_COLLECTIONS } from '../store/keyed-order.js';
import { awaitOtherInstances } from './close-drain.js';
import { mergeSmallExitQuarter, refileSmallDepartments } from './exit-pool-close.js';
import { isPooled } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';
import { reduceImpactAtClose } from './impact/impact-at-close.js';
import { reduceAttributeCutsAtClose } from './attribute-cuts/counts-at-close.js';

/**
 * Closes a round: no more answers, exact final counts, then the participation ledger is purged.
 * Answers that were already being recorded when it closed get a grace period first (for other
 * processes), and this process's own are waited for until they are written, so none of them
 * lands after the recount or the purge.
 * Each step is idempotent and the round records how far it got, so a crash at any point is
 * finished by running this again.
 */
export interface CloseOptions {
  /**
   * How long to let answers already past the "is it open?" check finish before counting (ms).
   * Slack gives a click 3 s, so 3.5 s covers every answer a person can have seen confirmed.
   */
  readonly graceMs?: number;
}

export const CLOSE_GRACE_MS = 3_500;

/** How long closing waits for this process's answers in flight before it counts anyway. */
const IN_FLIGHT_LIMIT_MS = 60_000;

/** True once the round is closed; false when there is no such round. */
export async function closeRound(deps: ServiceDeps, roundId: string, options: CloseOptions = {}): Promise<boolean> {
  const { store } = deps;
  const logger = deps.logger.child({ roundId });
  const round = await store.rounds.get(roundId);
  if (round === null) return false;
  if (round.state === 'closed') return true;
  if (round.state === 'open') {
    await store.rounds.update(roundId, { state: 'closing' });
    const grace = options.graceMs ?? deps.settings.closeGraceMs ?? CLOSE_GRACE_MS;
    if (grace > 0) await new Promise((resolve) => setTimeout(resolve, grace));
  }
  // This process's own answers still being written, however slow the database is right now.
  if (!(await store.inFlight.drained(roundId, IN_FLIGHT_LIMIT_MS))) {
    logger.warn(
      { answers: store.inFlight.count(roundId) },
      'closing with answers still being recorded; the ledger is purged again after the prompts are closed',
    );
  }
  // And every other instance's (each reports on its heartbeat once its own are written).
  if (!(await awaitOtherInstances(deps, roundId))) {
    logger.warn({}, 'closing while another instance has not reported its answers written; the ledger is purged again after the prompts are closed');
  }
  await store.counters.settle();

  // A pooled (exit or event) quarter below the threshold rolls into the next one, in storage (exit-pool-close.ts).
  const merged = round.mergedInto !== null || (isPooled(round) && !round.countsFinal && (await mergeSmallExitQuarter(deps, round)));
  if (!round.countsFinal && !merged) {
    if (isPooled(round)) await refileSmallDepartments(deps, round);
    const rows = await store.answers.countRound(roundId);
    await store.counters.replaceAnswerCounts(roundId, rows, ROUND_QUESTION);
    const respondents = await store.ledger.respondentsBySegment(roundId);
    await store.counters.set(
      roundId,
      [...respondents].map(([segment, n]) => ({ segment, questionId: ROUND_QUESTION, value: COUNTER_RESPONDENTS, n })),
    );
    await store.rounds.update(roundId, { countsFinal: true });
  }
  if (!round.keyedOrder && !merged) {
    // The links between one prompt's answers become sums per visible group, before the rewrite drops them.
    await reduceImpactAtClose(deps, round);
    // So do the attribute values its answers carry: counts per single attribute (issue #20).
    await reduceAttributeCutsAtClose(deps, round);
    // Stored as they arrived, a round's answers would keep a clock: rewrite them in id order.
    for (const collection of ROUND_ANSWER_COLLECTIONS) await rewriteRoundInKeyedOrder(store.database, collection, roundId);
    await store.rounds.update(roundId, { keyedOrder: true });
  }
  const purged = await store.ledger.purge(roundId);
  await store.deliveries.dropLocks(roundId);
  await store.rounds.update(roundId, { state: 'closed' });
  await deps.instances?.forgetRound(roundId);
  logger.info({ purged }, 'round closed');
  // Results out by themselves (round.closed / pool.available); a failure here never reopens the round.
  try {
    await announceRoundClosed(deps, (await store.rounds.get(roundId)) ?? round);
    await store.rounds.update(roundId, { announced: true });
  } catch (error) {
    logger.warn({ err: error }, 'could not store the webhook messages of a closed round yet; the webhook job tries again');
  }
  try {
    await queueSharedResults(deps, round);
  } catch (error) {
    logger.error({ err: error }, 'could not queue the results shared back for a closed round');
  }
  return true;
}
