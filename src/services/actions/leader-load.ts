import { isOverdue } from '../../domain/action-plan.js';
import { DomainError } from '../../domain/errors.js';
import { isHr } from '../../domain/roles.js';
import { loadActor, type Caller } from '../actors.js';
import type { ServiceDeps } from '../deps.js';
import { countRound, type RoundCounts } from '../results-counts.js';
import { closedRoundCounters } from '../summary-snapshots.js';
import { roundDocSchema } from '../../store/documents/rounds.js';

/** How far back comments count as awaiting a reply. */
export const AWAITING_DAYS = 90;

/** One leader's load, in counts only (issue #19): nothing about any comment or who wrote it. */
export interface LeaderLoad {
  readonly leader: string;
  readonly label: string;
  readonly awaitingReply: number;
  readonly openActions: number;
  readonly overdueActions: number;
}

interface ReadableComment {
  readonly id: string;
  readonly segment: string;
  readonly counts: RoundCounts;
}

/** Whether a leader of `leads` may read a comment: some group from its segment upwards, under one they lead (in the round's own tree), shows comments. */
function readableBy(comment: ReadableComment, leads: ReadonlySet<string>): boolean {
  const { tree } = comment.counts;
  if (!tree.has(comment.segment)) return false;
  const shown = comment.counts.commentsShown();
  const chain: string[] = [];
  for (let group: string | null = comment.segment; group !== null; group = tree.parent(group)) chain.push(group);
  // chain[i] is under a lead root when that root is chain[i] or above it: up to the topmost one led.
  let top = -1;
  chain.forEach((g, i) => {
    if (leads.has(g)) top = i;
  });
  return chain.slice(0, top + 1).some((g) => shown.has(g));
}

/**
 * For HR and admins: per leader, how many comments they may read (closed rounds of the last
 * AWAITING_DAYS days, judged as the comment view judges them) have no leader reply yet, and how
 * many of their actions are open or overdue. Counts only.
 */
export async function leaderLoad(deps: ServiceDeps, caller: Caller): Promise<LeaderLoad[]> {
  const actor = await loadActor(deps, caller);
  if (!isHr(actor)) throw new DomainError('NOT_AUTHORIZED', 'only HR and admins see the leaders’ load');
  const { collections } = deps.store.database;
  const now = deps.clock.now();
  const today = now.setZone(deps.settings.defaultTimezone).toISODate() ?? '';
  const since = now.minus({ days: AWAITING_DAYS }).toISODate() ?? '';

  const awaiting: ReadableComment[] = [];
  const rounds = (await collections.rounds.find({ state: 'closed', date: { $gte: since }, mergedInto: null }).toArray()).map((doc) =>
    roundDocSchema.parse(doc),
  );
  // Each round's counters from its snapshot (one read by id for all), never a scan of every counter.
  const counters = await closedRoundCounters(deps, rounds);
  for (const round of rounds) {
    const comments = await collections.comments.find({ roundId: round._id }, { projection: { _id: 1, segment: 1 } }).toArray();
    if (comments.length === 0) continue;
    const conversations = await collections.conversations.find({ _id: { $in: comments.map((c) => c._id) } }, { projection: { _id: 1, messages: 1 } }).toArray();
    const replied = new Set(conversations.filter((c) => c.messages.some((m) => m.from === 'leader')).map((c) => c._id));
    const counts = countRound(round, counters.get(round._id) ?? [], deps.settings.anonymity);
    for (const c of comments) if (!replied.has(c._id)) awaiting.push({ id: c._id, segment: c.segment, counts });
  }

  const leaders = await collections.people.find({ roles: 'leader', active: true }).toArray();
  const actions = await collections.actions.find({ status: { $ne: 'done' } }, { projection: { owner: 1, status: 1, dueDate: 1 } }).toArray();
  return leaders.map((leader) => {
    const leads = new Set(leader.leads);
    const own = actions.filter((a) => a.owner === leader._id);
    return {
      leader: leader._id,
      label: leader.email ?? leader.userId,
      awaitingReply: awaiting.filter((c) => readableBy(c, leads)).length,
      openActions: own.length,
      overdueActions: own.filter((a) => isOverdue(a, today)).length,
    };
  });
}
