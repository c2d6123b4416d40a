import { EXIT_SURVEY_ID } from '../domain/exit-schedule.js';
import type { ServiceDeps } from './deps.js';

/**
 * Cheap signatures that change when results might have: a live view recomputes itself (through
 * the results functions, with their thresholds) only when one of these moved. They carry totals
 * of open rounds, never anything a viewer sees.
 */

/** Answers arriving in any open round, and rounds closing. */
export async function resultsActivity(deps: ServiceDeps): Promise<string> {
  const open = await deps.store.rounds.openRounds();
  const totals = await Promise.all(open.map(async (r) => `${r._id}:${JSON.stringify(await deps.store.counters.roundTotals(r._id))}`));
  const closed = await deps.store.database.collections.rounds.countDocuments({ state: 'closed' });
  return `${totals.sort().join('|')}#${closed}`;
}

/**
 * Answers arriving in open exit rounds (totals only). HR and admins may be told of them (they
 * asked for those surveys); leaders never are: it is not part of their view, and would tell them
 * when someone who left answered.
 */
export async function openExitActivity(deps: ServiceDeps): Promise<string> {
  const open = (await deps.store.rounds.openRounds()).filter((r) => r.surveyId === EXIT_SURVEY_ID);
  const totals = await Promise.all(open.map(async (r) => `${r._id}:${JSON.stringify(await deps.store.counters.roundTotals(r._id))}`));
  return totals.sort().join('|');
}
