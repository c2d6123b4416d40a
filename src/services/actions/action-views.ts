import { actionQuestionId, isOverdue, type ActionView, type FollowUpTally } from '../../domain/action-plan.js';
import { isHr } from '../../domain/roles.js';
import type { ActionDoc } from '../../store/documents/actions.js';
import { COUNTER_ANSWERED } from '../../store/documents/answers.js';
import { loadActor, type Caller } from '../actors.js';
import type { ServiceDeps } from '../deps.js';
import { countRound } from '../results-counts.js';
import { mayPlanFor } from './action-access.js';
import { driverScoreNow } from './commit-action.js';

/** The follow-up's answers in the action's group, per closed round that asked it, where the one slicer shows them. */
async function followUpTallies(deps: ServiceDeps, action: ActionDoc): Promise<FollowUpTally[]> {
  const questionId = actionQuestionId(action._id);
  const tallies: FollowUpTally[] = [];
  for (const roundId of action.followUpRounds) {
    const round = await deps.store.rounds.get(roundId);
    if (round === null || round.state !== 'closed' || round.mergedInto !== null) continue;
    const counts = countRound(round, await deps.store.counters.forRounds([round._id]), deps.settings.anonymity);
    if (!counts.shownFor(questionId).has(action.segment)) continue;
    const n = (value: string) => counts.count(action.segment, questionId, value);
    tallies.push({ roundDate: round.date, yes: n('yes'), somewhat: n('somewhat'), notYet: n('not_yet'), n: n(COUNTER_ANSWERED) });
  }
  return tallies.sort((a, b) => a.roundDate.localeCompare(b.roundDate));
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
    followUps: await followUpTallies(deps, action),
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
