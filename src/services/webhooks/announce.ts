import { quarterOf } from '../../domain/anonymity/exit-pooling.js';
import { EXIT_SURVEY_ID } from '../../domain/exit-schedule.js';
import { isPooled, type RoundDoc, type SurveyDoc } from '../../store/documents/rounds.js';
import type { ServiceDeps } from '../deps.js';
import { exitResults } from '../exit-results.js';
import { resultsInRange } from '../results-range.js';
import { enqueueWebhook } from './enqueue.js';

/**
 * What goes out by itself when a round closes, read through the results door like every other
 * surface: `round.closed` for a dated round, `pool.available` for an event survey's pool that
 * passed k (the exit survey's too). Only visible groups, only figures: no comments, no person,
 * no time finer than the round's date. A quarter that rolled into the next pool sends nothing.
 */
export async function announceRoundClosed(deps: ServiceDeps, round: RoundDoc): Promise<void> {
  const message = await roundClosedMessage(deps, round);
  if (message !== null) await enqueueWebhook(deps, message.event, round._id, message.data);
}

export interface RoundMessage {
  readonly event: 'round.closed' | 'pool.available';
  readonly data: Record<string, unknown> & { readonly segments: readonly Record<string, unknown>[] };
}

/** The message a closed round sends out, as its receivers get it (null: nothing to send). */
export async function roundClosedMessage(deps: ServiceDeps, round: RoundDoc): Promise<RoundMessage | null> {
  if (round.mergedInto !== null) return null;
  const quarters = round.pooledQuarters.length > 0 ? round.pooledQuarters : [quarterOf(round.date)];
  if (round.surveyId === EXIT_SURVEY_ID) {
    const exit = await exitResults(deps, { comments: false });
    const pool = exit.pools.find((p) => p.quarters.join() === quarters.join());
    if (pool === undefined) return null;
    return {
      event: 'pool.available',
      data: {
        survey: EXIT_SURVEY_ID,
        surveyName: null,
        quarters: pool.quarters,
        minGroupSize: exit.minGroupSize,
        segments: [pool.organisation, ...pool.departments].map(({ comments: _comments, ...slice }) => slice),
      },
    };
  }
  const results = await resultsInRange(deps, { survey: round.surveyId, from: round.date, to: round.date });
  if (results.kind !== 'pulse') return null;
  const slices = results.rounds.find((r) => r.roundId === round._id);
  if (slices === undefined) return null;
  const segments = slices.segments.filter((s) => s.visible).map(({ visible: _visible, ...figures }) => figures);
  if (isPooled(round) && segments.length === 0) return null;
  return {
    event: isPooled(round) ? 'pool.available' : 'round.closed',
    data: {
      survey: round.surveyId,
      surveyName: round.surveyName,
      roundId: round._id,
      date: round.date,
      ...(isPooled(round) ? { quarters, step: round.step } : {}),
      minGroupSize: round.anonymity.minGroupSize,
      segments,
    },
  };
}

/**
 * Rounds that closed in the last day without their messages stored (the process died between
 * the two, or the database failed): stored now. Message ids derive from the round, so a round
 * announced twice still sends each receiver one message.
 */
export async function announceMissedRounds(deps: ServiceDeps): Promise<number> {
  const since = deps.clock.now().minus({ days: 1 }).toJSDate();
  const missed = await deps.store.database.collections.rounds
    .find({ state: 'closed', announced: { $ne: true }, closesAt: { $gte: since } }, { projection: { _id: 1 } })
    .toArray();
  for (const { _id } of missed) {
    const round = await deps.store.rounds.get(_id);
    if (round === null) continue;
    await announceRoundClosed(deps, round);
    await deps.store.rounds.update(_id, { announced: true });
  }
  return missed.length;
}

/** `survey.changed`: a survey HR wrote was created, edited, paused, resumed or archived (no word of who did it). */
export async function announceSurveyChanged(
  deps: ServiceDeps,
  survey: SurveyDoc,
  action: 'created' | 'updated' | 'paused' | 'resumed' | 'archived',
): Promise<void> {
  await enqueueWebhook(deps, 'survey.changed', `${survey._id}|${action}|${(survey.updatedAt ?? deps.clock.now().toJSDate()).toISOString()}`, {
    survey: survey._id,
    name: survey.document?.name ?? survey.definition.name,
    action,
    trigger: survey.document?.trigger.type ?? 'recurring',
    ...(survey.document?.trigger.type === 'event' ? { event: survey.document.trigger.event } : {}),
    active: survey.active,
    archived: survey.archived,
  });
}
