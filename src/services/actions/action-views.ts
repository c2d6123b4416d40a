import { actionQuestionId, isOverdue, type ActionView, type FollowUpTally } from '../../domain/action-plan.js';
import { isHr } from '../../domain/roles.js';
import type { ActionDoc } from '../../store/documents/actions.js';
import { loadActor, type Caller } from '../actors.js';
import type { ServiceDeps } from '../deps.js';
import { countRound } from '../results-counts.js';
import { mayPlanFor } from './action-access.js';
import { driverScoreNow } from './commit-action.js';

/** The follow-up's answers in the action's group, from each closed round that asked it, where the one slicer shows them. */
async function followUpTally(deps: ServiceDeps, action: ActionDoc): Promise<FollowUpTally | null> {
  const questionId = actionQuestionId(action._id);
  let tally: FollowUpTally | null = null;
  for (const roundId of action.followUpRounds) {
    const round = await deps.store.rounds.get(roundId);
    if (round === null || round.state !== 'closed' || round.mergedInto !== null) continue;
    const counts = countRound(round, await deps.store.counters.forRounds([round._id]), deps.settings.anonymity);
    if (!counts.shownFor(questionId).has(action.segment)) continue;
    const n = (value: string) => counts.count(action.segment, questionId, value);
    const before: FollowUpTally = tally ?? { yes: 0, somewhat: 0, notYet: 0, n: 0 };
    tally = {
      yes: before.yes + n('yes'),
      somewhat: before.somewhat + n('somewhat'),
      notYet: before.notYet + n('not_yet'),
      n: before.n + n('yes') + n('somewhat') + n('not_yet'),
    };
  }
  return tally;
}

async function viewOf(deps: ServiceDeps, action: ActionDoc, reader: string, names: ReadonlyMap<string, string>, today: string): Promise<ActionView> {
  const owner = await deps.store.people.get(action.owner);
  return {
    id: action._id,
    surveyId: action.surveyId,
    segment: action.segment,
    segmentName: names.get(action.segment) ?? null,
    driver: action.driver,
    words: action.words,
    owner: action.owner,
    ownerLabel: owner?.email ?? owner?.userId ?? action.owner,
    mine: action.owner === reader,
    status: action.status,
    dueDate: action.dueDate,
    overdue: isOverdue(action, today),
    committedOn: action.committedOn,
    before: action.before,
    now: await driverScoreNow(deps, action.surveyId, action.segment, action.driver),
    followUp: await followUpTally(deps, action),
  };
}

export interface ActionsQuery {
  /** Only actions the reader owns. */
  readonly own?: boolean;
  /** Only actions not done. */
  readonly open?: boolean;
}

/**
 * The actions a reader may see: their own, those of the groups they lead (and below), and for HR
 * and admins all; newest due date last. Each with the driver's score then and now, and the
 * follow-up question's answers where the thresholds let them be shown.
 */
export async function actionsFor(deps: ServiceDeps, caller: Caller, query: ActionsQuery = {}): Promise<ActionView[]> {
  const actor = await loadActor(deps, caller);
  const filter = { ...(query.own === true ? { owner: actor.key } : {}), ...(query.open === true ? { status: { $ne: 'done' as const } } : {}) };
  const found = await deps.store.database.collections.actions.find(filter).sort({ dueDate: 1, _id: 1 }).toArray();
  const hr = isHr(actor);
  const names = new Map((await deps.store.segments.all()).map((s) => [s._id, s.name]));
  const today = deps.clock.now().setZone(deps.settings.defaultTimezone).toISODate() ?? '';
  const views: ActionView[] = [];
  for (const action of found) {
    if (!hr && action.owner !== actor.key && !(await mayPlanFor(deps, actor, action.segment))) continue;
    views.push(await viewOf(deps, action, actor.key, names, today));
  }
  return views;
}
