import { actionQuestionId, isOverdue, type ActionView, type FollowUpTally } from '../../domain/action-plan.js';
import { isHr } from '../../domain/roles.js';
import type { ActionDoc } from '../../store/documents/actions.js';
import { COUNTER_ANSWERED } from '../../store/documents/answers.js';
import { loadActor, type Caller } from '../actors.js';
import type { ServiceDeps } from '../deps.js';
import { mayPlanFor } from './action-access.js';
import { scoreIn } from './commit-action.js';
import type { RoundDoc } from '../../store/documents/rounds.js';
import { countRound, type RoundCounts } from '../results-counts.js';
import { loadSummaryContext, type SummaryContext } from '../summary-context.js';
import { closedRoundCounters } from '../summary-snapshots.js';

/** What the views of one listing share: each follow-up round counted once, each survey's summary context loaded once. */
interface Shared {
  readonly counts: ReadonlyMap<string, RoundCounts>;
  readonly contexts: Map<string, Promise<SummaryContext | null>>;
}

/** The closed follow-up rounds of `actions`, counted through the one slicer from their snapshots (never a scan of every counter). */
async function followUpCounts(deps: ServiceDeps, actions: readonly ActionDoc[]): Promise<Map<string, RoundCounts>> {
  const ids = [...new Set(actions.flatMap((a) => a.followUpRounds))];
  const rounds = (await Promise.all(ids.map((id) => deps.store.rounds.get(id)))).filter(
    (r): r is RoundDoc => r !== null && r.state === 'closed' && r.mergedInto === null,
  );
  const counters = await closedRoundCounters(deps, rounds);
  return new Map(rounds.map((round) => [round._id, countRound(round, counters.get(round._id) ?? [], deps.settings.anonymity)]));
}

/** The follow-up's answers in the action's group, per closed round that asked it, where the one slicer shows them. */
function followUpTallies(action: ActionDoc, counted: ReadonlyMap<string, RoundCounts>): FollowUpTally[] {
  const questionId = actionQuestionId(action._id);
  const tallies: FollowUpTally[] = [];
  for (const roundId of action.followUpRounds) {
    const counts = counted.get(roundId);
    if (counts === undefined || !counts.shownFor(questionId).has(action.segment)) continue;
    const n = (value: string) => counts.count(action.segment, questionId, value);
    tallies.push({ roundDate: counts.round.date, yes: n('yes'), somewhat: n('somewhat'), notYet: n('not_yet'), n: n(COUNTER_ANSWERED) });
  }
  return tallies.sort((a, b) => a.roundDate.localeCompare(b.roundDate));
}

async function viewOf(
  deps: ServiceDeps,
  action: ActionDoc,
  reader: string,
  names: ReadonlyMap<string, string>,
  today: string,
  shared: Shared,
): Promise<ActionView> {
  const owner = await deps.store.people.get(action.owner);
  let context = shared.contexts.get(action.surveyId);
  if (context === undefined) {
    context = loadSummaryContext(deps, action.surveyId);
    shared.contexts.set(action.surveyId, context);
  }
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
    now: scoreIn(await context, action.segment, action.driver),
    followUps: followUpTallies(action, shared.counts),
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
  const visible: ActionDoc[] = [];
  for (const action of found) if (hr || action.owner === actor.key || (await mayPlanFor(deps, actor, action.segment))) visible.push(action);
  const shared: Shared = { counts: await followUpCounts(deps, visible), contexts: new Map() };
  const views: ActionView[] = [];
  for (const action of visible) views.push(await viewOf(deps, action, actor.key, names, today, shared));
  return views;
}
