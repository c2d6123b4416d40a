import { randomUUID } from 'node:crypto';
import { actionChangeSchema, newActionSchema, type ActionChange, type NewAction } from '../../domain/action-plan.js';
import { DomainError } from '../../domain/errors.js';
import type { ActionDoc, ActionScore } from '../../store/documents/actions.js';
import { loadActor, type Caller } from '../actors.js';
import { checkedInput } from '../checked-input.js';
import type { ServiceDeps } from '../deps.js';
import { latestDriverScore } from '../summary.js';
import { loadSummaryContext, type SummaryContext } from '../summary-context.js';
import { DEFAULT_SURVEY_ID } from '../surveys.js';
import { assertMayChange, assertMayPlan } from './action-access.js';

/** A driver's latest shown score in a group, from a survey's summary context (closed rounds only), or null. */
export function scoreIn(context: SummaryContext | null, segment: string, driver: ActionDoc['driver']): ActionScore | null {
  const score = driver === null || context === null ? null : latestDriverScore(context, segment, driver);
  return score === null ? null : { roundDate: score.roundDate, mean: score.mean, favourable: score.favourable };
}

/**
 * A leader commits to an action for a group they lead (issue #19): stored with them as its owner,
 * the driver's score in the group as "before", and the group's "You said, we're doing" message
 * owed (unless the survey turned it off). The schedule tick sends that message; the group's next
 * two rounds of the survey ask whether it made a difference.
 */
export async function commitAction(deps: ServiceDeps, caller: Caller, input: NewAction): Promise<ActionDoc> {
  const parsed = checkedInput(newActionSchema, input);
  const actor = await loadActor(deps, caller);
  await assertMayPlan(deps, actor, parsed.segment);
  const surveyId = parsed.surveyId ?? DEFAULT_SURVEY_ID;
  const survey = await deps.store.rounds.survey(surveyId);
  if (survey === null) throw new DomainError('UNKNOWN_SURVEY', `no survey ${surveyId}`);
  const today = deps.clock.now().setZone(deps.settings.defaultTimezone).toISODate() ?? '';
  if (parsed.dueDate < today) throw new DomainError('INVALID_INPUT', 'dueDate: pick today or a later day');
  const action: ActionDoc = {
    _id: randomUUID(),
    surveyId,
    segment: parsed.segment,
    driver: parsed.driver,
    words: parsed.words,
    owner: actor.key,
    dueDate: parsed.dueDate,
    status: 'planned',
    committedOn: today,
    before: parsed.driver === null ? null : scoreIn(await loadSummaryContext(deps, surveyId), parsed.segment, parsed.driver),
    announcement: survey.document?.announceActions === false ? 'off' : 'pending',
    followUpRounds: [],
  };
  await deps.store.database.collections.actions.insertOne(action);
  deps.logger.info({ surveyId, segment: action.segment }, 'action committed');
  return action;
}

/** One action, for someone who may change it (else UNKNOWN_ACTION, as for one that does not exist). */
async function changeable(deps: ServiceDeps, caller: Caller, id: string): Promise<ActionDoc> {
  const action = await deps.store.database.collections.actions.findOne({ _id: id });
  const actor = await loadActor(deps, caller);
  if (action === null) throw new DomainError('UNKNOWN_ACTION', `no action ${id}`);
  try {
    await assertMayChange(deps, actor, action);
  } catch {
    throw new DomainError('UNKNOWN_ACTION', `no action ${id} for this person`);
  }
  return action;
}

/** Changes an action's status, due date or words (its owner while they lead the group, or HR). */
export async function changeAction(deps: ServiceDeps, caller: Caller, id: string, change: ActionChange): Promise<ActionDoc> {
  const parsed = checkedInput(actionChangeSchema, change);
  const action = await changeable(deps, caller, id);
  const set = {
    ...(parsed.status === undefined ? {} : { status: parsed.status }),
    ...(parsed.dueDate === undefined ? {} : { dueDate: parsed.dueDate }),
    ...(parsed.words === undefined ? {} : { words: parsed.words }),
  };
  await deps.store.database.collections.actions.updateOne({ _id: action._id }, { $set: set });
  return { ...action, ...set };
}
